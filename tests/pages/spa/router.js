// A single-page site: it starts on a news list (no disclosure) and, as its router does on a
// click, changes the address with history.pushState, the title and the content, loading no page.
const TABLE = `<h1>2023年度测试局部门决算公开</h1><p>2023年度一般公共预算财政拨款支出决算表</p><p>公开05表</p><p>单位：万元</p>
<table border="1"><tr><th>科目编码</th><th>科目名称</th><th>小计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><td></td><td>合计</td><td>1,000.00</td><td>400.00</td><td>600.00</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>1,000.00</td><td>400.00</td><td>600.00</td></tr>
<tr><td>20801</td><td>人力资源和社会保障管理事务</td><td>1,000.00</td><td>400.00</td><td>650.00</td></tr></table>
<p>注：1栏各行＝（2＋3）栏各行。</p>`;
function go(href) {
  history.pushState({}, '', href);
  // the content arrives a moment after the address changes, as from an API
  setTimeout(() => {
    document.title = '2023年度测试局部门决算公开_测试区人民政府';
    document.getElementById('app').innerHTML = TABLE;
  }, 200);
}
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]');
  if (!a) return;
  e.preventDefault();
  if (a.getAttribute('href').includes('bmjs')) go(a.getAttribute('href'));
});
