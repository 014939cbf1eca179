// Writes tests/samples/made-up-final.txt: a made-up 部门决算 in the nine-table layout of the
// Wuhan 2023 决算 (公开01–09表, tab-separated), with every kind of spending the real fixtures
// leave empty filled in (基本支出, 政府性基金, 国有资本经营, "三公", 结转, 其他收入) and the
// template's narrative. Every figure is computed here from a few items, so every identity holds
// and every percentage is the quotient rounded half-up: the engine must read it without a single
// warning. Run: node scripts/make-final-sample.mjs (also writes its page for the PDF reader's test).
import { writeFileSync } from 'node:fs';
import { textAsPage } from './text-page.mjs';

const YEAR = 2024;
const PRIOR = YEAR - 1;
const DEPT = '某某市某某局';

// Amounts in cents (whole numbers: sums are exact).
const c = (x) => Math.round(x * 100);
const f = (cents) => (cents / 100).toFixed(2);
const fc = (cents) => (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (num, den) => ((Math.round((num * 10000) / den) / 100).toFixed(2));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// 项 of the function classification: fund, basic / project, amount.
const items = [
  { code: '2080101', name: '行政运行', fund: 'gpb', basic: c(500) },
  { code: '2080102', name: '一般行政管理事务', fund: 'gpb', project: c(120.5) },
  { code: '2080102', name: '一般行政管理事务', fund: 'other', project: c(5) },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', fund: 'gpb', basic: c(60.12) },
  { code: '2080506', name: '机关事业单位职业年金缴费支出', fund: 'gpb', basic: c(24.05) },
  { code: '2101101', name: '行政单位医疗', fund: 'gpb', basic: c(30.33) },
  { code: '2210201', name: '住房公积金', fund: 'gpb', basic: c(40.4) },
  { code: '2230105', name: '国有企业退休人员社会化管理补助支出', fund: 'soc', project: c(10.5) },
  { code: '2296002', name: '用于社会福利的彩票公益金支出', fund: 'fund', project: c(15) },
];
const names = {
  208: '社会保障和就业支出', 20801: '人力资源和社会保障管理事务', 20805: '行政事业单位养老支出',
  210: '卫生健康支出', 21011: '行政事业单位医疗',
  221: '住房保障支出', 22102: '住房改革支出',
  223: '国有资本经营预算支出', 22301: '解决历史遗留问题及改革成本支出',
  229: '其他支出', 22960: '彩票公益金安排的支出',
};
const amount = (it) => (it.basic ?? 0) + (it.project ?? 0);
const fiscal = (it) => it.fund !== 'other';

/** Rows 类 / 款 / 项 with sums of `cols` (functions of an item) over the items kept. */
function codeRows(keep, cols) {
  const kept = items.filter(keep);
  const codes = [...new Set(kept.flatMap((it) => [it.code.slice(0, 3), it.code.slice(0, 5), it.code]))].sort();
  const total = cols.map((col) => sum(kept.map(col)));
  const rows = codes.map((code) => {
    const under = kept.filter((it) => it.code.startsWith(code));
    const name = names[code] ?? under[0].name;
    return { code, name, values: cols.map((col) => sum(under.map(col))) };
  });
  return { total, rows };
}
const cell = (v) => (v ? fc(v) : '');

/** A table's 合计 row and its code rows: code, name and a blank where the layout puts them, then the figures. */
function codeTable(keep, cols, layout) {
  const { total, rows } = codeRows(keep, cols);
  line('', '', '合计', ...total.map(cell));
  for (const r of rows) line(...(layout === 'name-first' ? [r.code, r.name, ''] : [r.code, '', r.name]), ...r.values.map(cell));
}

const gpb = items.filter((it) => it.fund === 'gpb');
const basic = sum(gpb.map((it) => it.basic ?? 0));
const gpbProject = sum(gpb.map((it) => it.project ?? 0));
const gpbTotal = basic + gpbProject;
const fundTotal = sum(items.filter((it) => it.fund === 'fund').map(amount));
const socTotal = sum(items.filter((it) => it.fund === 'soc').map(amount));
const otherIncome = sum(items.filter((it) => it.fund === 'other').map(amount));
const fiscalTotal = gpbTotal + fundTotal + socTotal;
const incomeTotal = fiscalTotal + otherIncome;
const allProject = sum(items.map((it) => it.project ?? 0));
// Carried in and out alike: 一般公共预算财政拨款 3.00, other money 1.00.
const carriedFiscal = c(3);
const carried = carriedFiscal + c(1);
const grand = incomeTotal + carried;
const fiscalGrand = fiscalTotal + carriedFiscal;

// Economic classification of the basic expenditure (sums to `basic`).
const econ = {
  301: ['工资福利支出', [['30101', '基本工资', 150], ['30102', '津贴补贴', 120], ['30103', '奖金', 20], ['30107', '绩效工资', 80], ['30108', '机关事业单位基本养老保险缴费', 60.12], ['30109', '职业年金缴费', 24.05], ['30110', '职工基本医疗保险缴费', 30.33], ['30113', '住房公积金', 40.4], ['30199', '其他工资福利支出', 10]]],
  302: ['商品和服务支出', [['30201', '办公费', 20], ['30207', '邮电费', 5], ['30211', '差旅费', 8], ['30213', '维修（护）费', 6], ['30216', '培训费', 4], ['30217', '公务接待费', 1.2], ['30228', '工会经费', 9], ['30229', '福利费', 6], ['30231', '公务用车运行维护费', 8.8], ['30239', '其他交通费用', 12], ['30299', '其他商品和服务支出', 5]]],
  303: ['对个人和家庭的补助', [['30302', '退休费', 20], ['30307', '医疗费补助', 5]]],
  310: ['资本性支出', [['31002', '办公设备购置', 10]]],
};
const econSum = (k) => sum(econ[k][1].map(([, , v]) => c(v)));
const personnel = econSum(301) + econSum(303);
const publicUse = econSum(302) + econSum(310);
if (personnel + publicUse !== basic) throw new Error(`economic ${f(personnel + publicUse)} ≠ basic ${f(basic)}`);

// "三公": budget and actual (出国, 购置, 运行, 接待).
const threeBudget = { abroad: 0, buy: 0, run: c(12), host: c(2) };
const threeActual = { abroad: 0, buy: 0, run: c(8.8), host: c(1.2) };
const three = (x) => x.abroad + x.buy + x.run + x.host;

// Last year's figures (the narrative's comparisons).
const prior = { grand: c(750), fiscalGrand: c(750), gpb: c(740), three: c(11.5), public: c(100) };

const out = [];
const line = (...xs) => out.push(xs.join('\t'));
const blank = () => out.push('');
const head = (title, no) => {
  blank(); out.push(`${YEAR}年度${title}`); blank(); out.push(no); blank(); out.push(`部门：${DEPT}`); blank(); out.push('单位：万元'); blank();
};

out.push(`${YEAR}年度${DEPT}部门决算公开`, '', `第一部分 ${DEPT}概况`, '', '一、部门主要职责', '', `${DEPT}负责本市人力资源和社会保障工作（本文件为测试编写的虚构样本）。`, '', `第二部分 ${DEPT}${YEAR}年度部门决算表`);

// 公开01表
head('收入支出决算总表', '公开01表');
const classes01 = ['一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出', '商业服务业等支出', '金融支出', '援助其他地区支出', '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出', '国有资本经营预算支出', '灾害防治及应急管理支出', '其他支出', '债务还本支出', '债务付息支出', '抗疫特别国债安排的支出'];
const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];
const classTotal = (name, keep = () => true) => sum(items.filter((it) => keep(it) && names[it.code.slice(0, 3)] === name).map(amount));
const income01 = [['一般公共预算财政拨款收入', gpbTotal], ['政府性基金预算财政拨款收入', fundTotal], ['国有资本经营预算财政拨款收入', socTotal], ['上级补助收入', 0], ['事业收入', 0], ['经营收入', 0], ['附属单位上缴收入', 0], ['其他收入', otherIncome]];
line('收 入', '', '', '支 出', '', '');
line('项 目', '行次', '金 额', '项 目', '行次', '金 额');
line('栏次', '', '1', '栏次', '', '2');
for (let i = 0; i < 26; i++) {
  const inc = income01[i];
  line(inc ? `${cn[i]}、${inc[0]}` : '', String(i + 1), inc ? cell(inc[1]) : '', `${cn[i]}、${classes01[i]}`, String(32 + i), cell(classTotal(classes01[i])));
}
line('本年收入合计', '27', fc(incomeTotal), '本年支出合计', '58', fc(incomeTotal));
line('使用非财政拨款结余', '28', '', '结余分配', '59', '');
line('年初结转和结余', '29', fc(carried), '年末结转和结余', '60', fc(carried));
line('', '30', '', '', '61', '');
line('总计', '31', fc(grand), '总计', '62', fc(grand));
blank(); out.push('注：本表反映部门本年度的总收支和年末结转结余情况。'); blank();
out.push('27行 = (1+2+3+4+5+6+7+8) 行； 31行 = (27+28+29) 行；'); blank();
out.push('58行 = (32+33+...+57) 行； 62行 = (58+59+60) 行。');

// 公开02表
head('收入决算表', '公开02表');
line('项 目', '', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入');
line('功能分类 科目编码', '科目名称');
line('类', '款', '项', '栏次', '1', '2', '3', '4', '5', '6', '7');
codeTable(() => true, [amount, (it) => (fiscal(it) ? amount(it) : 0), () => 0, () => 0, () => 0, () => 0, (it) => (fiscal(it) ? 0 : amount(it))], 'name-first');
blank(); out.push('注：本表反映部门本年度取得的各项收入情况。'); blank(); out.push('1栏各行=（2+3+4+5+6+7）栏各行。');

// 公开03表
head('支出决算表', '公开03表');
line('项 目', '', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出');
line('功能分类 科目编码', '科目名称');
line('类', '款', '项', '1', '2', '3', '4', '5', '6');
codeTable(() => true, [amount, (it) => it.basic ?? 0, (it) => it.project ?? 0, () => 0, () => 0, () => 0], 'name-third');
blank(); out.push('注：本表反映部门本年度各项支出情况。'); blank(); out.push('1栏各行=（2+3+4+5+6）栏各行。');

// 公开04表
head('财政拨款收入支出决算总表', '公开04表');
line('收 入', '', '', '支 出');
line('项目', '行次', '决算数', '项目', '行次', '决算数');
line('', '', '', '', '', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款');
line('栏次', '', '1', '栏次', '', '2', '3', '4', '5');
const income04 = [['一般公共预算财政拨款', gpbTotal], ['政府性基金预算财政拨款', fundTotal], ['国有资本经营预算财政拨款', socTotal]];
for (let i = 0; i < 26; i++) {
  const inc = income04[i];
  const byFund = (fund) => classTotal(classes01[i], (it) => it.fund === fund);
  const all = byFund('gpb') + byFund('fund') + byFund('soc');
  line(inc ? `${cn[i]}、${inc[0]}` : '', String(i + 1), inc ? cell(inc[1]) : '', `${cn[i]}、${classes01[i]}`, String(33 + i), cell(all), cell(byFund('gpb')), cell(byFund('fund')), cell(byFund('soc')));
}
line('本年收入合计', '27', fc(fiscalTotal), '本年支出合计', '59', fc(fiscalTotal), fc(gpbTotal), cell(fundTotal), cell(socTotal));
line('年初财政拨款结转和结余', '28', fc(carriedFiscal), '年末财政拨款结转和结余', '60', fc(carriedFiscal), fc(carriedFiscal), '', '');
line('一般公共预算财政拨款', '29', fc(carriedFiscal), '', '61', '', '', '', '');
line('政府性基金预算财政拨款', '30', '', '', '62', '', '', '', '');
line('国有资本经营预算财政拨款', '31', '', '', '63', '', '', '', '');
line('总计', '32', fc(fiscalGrand), '总计', '64', fc(fiscalGrand), fc(gpbTotal + carriedFiscal), cell(fundTotal), cell(socTotal));
blank(); out.push('注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。'); blank();
out.push('27行 = (1+2+3) 行；28行 = (29+30+31) 行；32行 = (27+28) 行；'); blank(); out.push('59行 = (33+34+...+58) 行；64行 = (59+60) 行。');

// 公开05表
head('一般公共预算财政拨款支出决算表', '公开05表');
line('项 目', '', '', '本年支出');
line('功能分类 科目编码', '科目名称', '', '小计', '基本支出', '项目支出');
line('类', '款', '项', '1', '2', '3');
codeTable((it) => it.fund === 'gpb', [amount, (it) => it.basic ?? 0, (it) => it.project ?? 0], 'name-first');
blank(); out.push('注：本表反映部门本年度一般公共预算财政拨款支出情况。'); blank(); out.push('1栏各行=（2+3）栏各行。');

// 公开06表: three groups side by side (人员经费 | 公用经费 …).
head('一般公共预算财政拨款基本支出决算明细表', '公开06表');
line('人员经费', '', '', '公用经费');
line('科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数');
const col1 = [[301, econ[301][0], econSum(301)], ...econ[301][1].map(([k, n, v]) => [k, n, c(v)]), [303, econ[303][0], econSum(303)], ...econ[303][1].map(([k, n, v]) => [k, n, c(v)])];
const col2 = [[302, econ[302][0], econSum(302)], ...econ[302][1].map(([k, n, v]) => [k, n, c(v)])];
const col3 = [[310, econ[310][0], econSum(310)], ...econ[310][1].map(([k, n, v]) => [k, n, c(v)])];
for (let i = 0; i < Math.max(col1.length, col2.length, col3.length); i++) {
  const g = (col) => (col[i] ? [String(col[i][0]), col[i][1], fc(col[i][2])] : ['', '', '']);
  line(...g(col1), ...g(col2), ...g(col3));
}
line('人员经费合计', '', fc(personnel), '公用经费合计', '', fc(publicUse));
blank(); out.push('注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。');

// 公开07表
head('政府性基金预算财政拨款收入支出决算表', '公开07表');
line('项 目', '', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余');
line('功能分类 科目编码', '', '科目名称', '', '', '小计', '基本支出', '项目支出');
line('类', '款', '项', '栏次', '1', '2', '3', '4', '5', '6');
codeTable((it) => it.fund === 'fund', [() => 0, amount, amount, (it) => it.basic ?? 0, (it) => it.project ?? 0, () => 0], 'name-third');
blank(); out.push('注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'); blank(); out.push('6栏各行 = (1+2-3) 栏各行；3栏各行 = (4+5) 栏各行。');

// 公开08表
head('国有资本经营预算财政拨款支出决算表', '公开08表');
line('项 目', '', '', '本年支出');
line('功能分类 科目编码', '', '科目名称', '合计', '基本支出', '项目支出');
line('类', '款', '项', '栏次', '1', '2', '3');
codeTable((it) => it.fund === 'soc', [amount, (it) => it.basic ?? 0, (it) => it.project ?? 0], 'name-third');
blank(); out.push('注：本表反映部门本年度国有资本经营预算财政拨款支出情况。'); blank(); out.push('1栏各行 = (2+3) 栏各行。');

// 公开09表
head('财政拨款“三公”经费支出决算表', '公开09表');
line('预算数', '', '', '', '', '', '决算数');
line('合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费');
line('', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '');
line('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12');
const threeRow = (x) => [fc(three(x)), f(x.abroad), fc(x.buy + x.run), f(x.buy), fc(x.run), fc(x.host)];
line(...threeRow(threeBudget), ...threeRow(threeActual));
blank(); out.push('注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。'); blank(); out.push('1栏=（2+3+6）栏；3栏=（4+5）栏；7栏=（8+9+12）栏；9栏=（10+11）栏。');

// The narrative, as the template words it.
const p = (...xs) => { blank(); out.push(xs.join('')); };
p(`第三部分 ${DEPT}${YEAR}年度部门决算情况说明`);
p('一、收入支出决算总体情况说明');
p(`${YEAR}年度收、支总计${fc(grand)}万元。与${PRIOR}年度相比，收、支总计各增加${f(grand - prior.grand)}万元，增长${pct(grand - prior.grand, prior.grand)}%，主要原因是人员增加。`);
p('二、收入决算情况说明');
p(`${YEAR}年度本年收入合计${fc(incomeTotal)}万元，其中：财政拨款收入${fc(fiscalTotal)}万元，占${pct(fiscalTotal, incomeTotal)}%；其他收入${f(otherIncome)}万元，占${pct(otherIncome, incomeTotal)}%。`);
p('三、支出决算情况说明');
p(`${YEAR}年度本年支出合计${fc(incomeTotal)}万元，其中：基本支出${fc(basic)}万元，占${pct(basic, incomeTotal)}%；项目支出${fc(allProject)}万元，占${pct(allProject, incomeTotal)}%。`);
p('四、财政拨款收入支出决算总体情况说明');
p(`${YEAR}年度财政拨款收、支总计${fc(fiscalGrand)}万元。与${PRIOR}年度相比，财政拨款收、支总计各增加${f(fiscalGrand - prior.fiscalGrand)}万元，增长${pct(fiscalGrand - prior.fiscalGrand, prior.fiscalGrand)}%。主要原因是人员增加。`);
p('五、一般公共预算财政拨款支出决算情况说明');
p('（一）一般公共预算财政拨款支出决算总体情况');
p(`${YEAR}年度一般公共预算财政拨款支出${fc(gpbTotal)}万元，占本年支出合计的${pct(gpbTotal, incomeTotal)}%。与${PRIOR}年度相比，一般公共预算财政拨款支出增加${f(gpbTotal - prior.gpb)}万元，增长${pct(gpbTotal - prior.gpb, prior.gpb)}%。主要原因是人员增加。`);
p('（二）一般公共预算财政拨款支出决算结构情况');
{
  const byClass = ['社会保障和就业支出', '卫生健康支出', '住房保障支出'].map((n) => [n, classTotal(n, (it) => it.fund === 'gpb')]);
  p(`${YEAR}年度一般公共预算财政拨款支出${fc(gpbTotal)}万元，主要用于以下方面：`, byClass.map(([n, v]) => `${n}${fc(v)}万元，占${pct(v, gpbTotal)}%`).join('；'), '。');
}
p('（三）一般公共预算财政拨款支出决算具体情况');
const budgets = { '2080101': c(490), '2080102': c(130), '2080505': c(60.12), '2080506': c(24.05), '2101101': c(30), '2210201': c(40.4) };
const budgetTotal = sum(Object.values(budgets));
p(`${YEAR}年度一般公共预算财政拨款支出年初预算为${fc(budgetTotal)}万元，支出决算为${fc(gpbTotal)}万元，完成年初预算的${pct(gpbTotal, budgetTotal)}%。其中：基本支出${fc(basic)}万元，项目支出${fc(gpbProject)}万元。`);
gpb.forEach((it, i) => {
  const b = budgets[it.code];
  const words = b === amount(it) ? '' : amount(it) > b ? '决算数大于年初预算数的主要原因是人员增加。' : '决算数小于年初预算数的主要原因是厉行节约。';
  p(`${i + 1}.${names[it.code.slice(0, 3)]}（类）${names[it.code.slice(0, 5)]}（款）${it.name}（项）。年初预算为${f(b)}万元，支出决算为${f(amount(it))}万元，完成年初预算的${pct(amount(it), b)}%。${words}`);
});
p('六、一般公共预算财政拨款基本支出决算情况说明');
p(`${YEAR}年度一般公共预算财政拨款基本支出${fc(basic)}万元，其中：人员经费${fc(personnel)}万元，主要包括：`, [...econ[301][1], ...econ[303][1]].map(([, n]) => n).join('、'), `；公用经费${f(publicUse)}万元，主要包括：`, [...econ[302][1], ...econ[310][1]].map(([, n]) => n).join('、'), '。');
p('七、政府性基金预算财政拨款收入支出决算情况说明');
p(`${YEAR}年度政府性基金预算财政拨款收入${f(fundTotal)}万元，支出${f(fundTotal)}万元，年末结转和结余0.00万元。主要用于其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）。`);
p('八、国有资本经营预算财政拨款支出决算情况说明');
p(`${YEAR}年度国有资本经营预算财政拨款支出${f(socTotal)}万元，主要用于国有资本经营预算支出（类）解决历史遗留问题及改革成本支出（款）国有企业退休人员社会化管理补助支出（项）。`);
p('九、财政拨款“三公”经费支出决算情况说明');
p('（一）“三公”经费财政拨款支出决算总体情况说明');
p(`${YEAR}年度“三公”经费财政拨款支出预算为${f(three(threeBudget))}万元，支出决算为${f(three(threeActual))}万元，完成预算的${pct(three(threeActual), three(threeBudget))}%，其中：因公出国（境）费支出决算为0万元，本年无因公出国（境）支出；公务用车购置及运行维护费支出决算为${f(threeActual.buy + threeActual.run)}万元，完成预算的${pct(threeActual.buy + threeActual.run, threeBudget.buy + threeBudget.run)}%；公务接待费支出决算为${f(threeActual.host)}万元，完成预算的${pct(threeActual.host, threeBudget.host)}%。决算数小于预算数的主要原因是厉行节约。与${PRIOR}年度相比，“三公”经费支出减少${f(prior.three - three(threeActual))}万元，下降${pct(prior.three - three(threeActual), prior.three)}%。`);
p('（二）“三公”经费财政拨款支出决算具体情况说明');
p(`${YEAR}年度“三公”经费财政拨款支出决算中，公务用车购置及运行维护费支出决算占${pct(threeActual.buy + threeActual.run, three(threeActual))}%，公务接待费支出决算占${pct(threeActual.host, three(threeActual))}%。具体情况如下：`);
p(`1.公务用车购置及运行维护费支出${f(threeActual.buy + threeActual.run)}万元。其中：公务用车购置费0万元；公务用车运行维护费${f(threeActual.run)}万元，主要用于公务用车燃料费、维修费、保险费等支出。${YEAR}年度决算开支单位公务用车保有量2辆。`);
p(`2.公务接待费支出${f(threeActual.host)}万元。国内公务接待6批次、45人次，共计支出${f(threeActual.host)}万元，主要用于上级部门检查指导工作。`);
p('十、机关运行经费支出说明');
p(`${YEAR}年度本部门机关运行经费支出${f(publicUse)}万元，比${PRIOR}年度减少${f(prior.public - publicUse)}万元，下降${pct(prior.public - publicUse, prior.public)}%。主要原因是厉行节约。`);
p('十一、政府采购支出说明');
p(`${YEAR}年度本部门政府采购支出总额30.00万元，其中：政府采购货物支出10.00万元、政府采购服务支出20.00万元。授予中小企业合同金额30.00万元，占政府采购支出总额的100.00%，其中：授予小微企业合同金额24.00万元，占政府采购支出总额的80.00%。`);
p('十二、国有资产占用情况说明');
p(`截至${YEAR}年12月31日，本部门共有车辆2辆，其中：主要负责人用车1辆、其他用车1辆。单价100万元（含）以上设备（不含车辆）0台（套）。`);
p('十三、预算绩效情况说明');
p(`本部门组织对${YEAR}年度一般公共预算项目支出全面开展绩效自评，共涉及项目1个，资金${f(gpbProject)}万元，占一般公共预算项目支出总额的100.00%。`);
blank();

writeFileSync('tests/samples/made-up-final.txt', out.join('\n'));

// The same as a plain page (tests/pages/pdf/made-up-final.html, printed to PDF by
// `node scripts/make-pdfs.mjs made-up-final.pdf`).
writeFileSync(
  'tests/pages/pdf/made-up-final.html',
  `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${DEPT}${YEAR}年度部门决算</title>\n<style>body { font-size: 10px; } table { border-collapse: collapse; }</style></head>\n<body>\n${textAsPage(out.join('\n'))}\n</body></html>\n`,
);
console.log(`tests/samples/made-up-final.txt: ${out.length} lines; 收支总计 ${fc(grand)}, 基本支出 ${fc(basic)}, 项目支出 ${fc(allProject)}`);
