// A page that renders its tables with a script, later, in two steps (as single-page sites do).
const TABLE = (title, rows) => `<p>${title}</p><p>公开05表</p><p>单位：万元</p>
<table border="1"><tr><th>科目编码</th><th>科目名称</th><th>小计</th><th>基本支出</th><th>项目支出</th></tr>${rows}</table>
<p>注：1栏各行＝（2＋3）栏各行。</p>`;
const row = (code, name, a, b, c) => `<tr><td>${code}</td><td>${name}</td><td>${a}</td><td>${b}</td><td>${c}</td></tr>`;
setTimeout(() => {
  document.getElementById('app').innerHTML = TABLE('2023年度一般公共预算财政拨款支出决算表',
    row('', '合计', '1,000.00', '400.00', '600.00') + row('208', '社会保障和就业支出', '1,000.00', '400.00', '600.00') + row('20801', '人力资源和社会保障管理事务', '1,000.00', '400.00', '600.00'));
}, 600);
setTimeout(() => {
  const more = document.createElement('div');
  more.innerHTML = TABLE('2023年度一般公共预算财政拨款支出决算表（续）',
    row('', '合计', '50.00', '20.00', '30.00') + row('210', '卫生健康支出', '50.00', '20.00', '30.00') + row('21011', '行政事业单位医疗', '50.00', '20.00', '35.00'));
  document.body.append(more);
}, 2500);
