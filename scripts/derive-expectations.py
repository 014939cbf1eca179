#!/usr/bin/env python3
"""Derive tests/expected/<fixture>.key.json from the hand-made answer keys.

Development tool only: it reads ../shared/fixtures/keys/*.json, which is not part of this
repository. Its output is committed and reviewed; the tests read only the output. What
carries over from a key: each check's id, type, verdict, stated and expected figures, and
where its stated figure sits (table, row, column, source line) -- facts and numbers, not prose.
Run: python3 scripts/derive-expectations.py [keys-dir]
"""
import json, re, sys, os

KEYS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'fixtures', 'keys')
OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'expected')
BUDGET = {1: 'budget-summary', 2: 'budget-income', 3: 'budget-expense', 4: 'budget-fiscal', 5: 'budget-gpb', 6: 'budget-gpb-units',
          7: 'budget-basic', 8: 'budget-three', 9: 'budget-gf', 10: 'budget-soe', 11: 'budget-projects', 12: 'other', 13: 'other'}
TWO_SIDED = {'final-01', 'final-04', 'budget-summary', 'budget-fiscal'}
NARRATIVE_RULES = ['narrative-table', 'narrative-change', 'narrative-share', 'narrative-execution', 'narrative-sum',
                   'narrative-repeat', 'narrative-unit', 'narrative-absence', 'narrative-direction', 'text-arithmetic', 'self-evaluation', 'narrative-naming']
VERDICT = {'OK': 'ok', 'ROUNDING': 'rounding', 'DISCREPANCY': 'discrepancy'}


def templates_in(text, kind):
    out = []
    for m in re.finditer(r'公开\s*0?(\d)\s*表|预算\s*(\d{1,2})\s*表|(?<![\d公开预算])0?(\d{1,2})表|项目支出预算表|整体绩效|申报表', text):
        if m.group(1):
            t = f'final-0{m.group(1)}'
        elif m.group(2):
            t = BUDGET.get(int(m.group(2)), 'other')
        elif m.group(3):
            n = int(m.group(3))
            t = f'final-0{n}' if kind == 'final' else BUDGET.get(n, 'other')
        elif m.group(0) == '项目支出预算表':
            t = 'budget-projects'
        else:
            t = 'other'
        if t not in out:
            out.append(t)
    return out


def parse_where(where, kind):
    tpl = templates_in(where, kind)
    at = {}
    if tpl:
        at['table'] = tpl[0]
    m = re.search(r'\brow (\S+?)(?:[,\s]|$)', where)
    if re.search(r'合计 row|row 合计', where):
        at['row'] = {'role': 'total'}
    elif m:
        r = m.group(1)
        if r in ('合计',):
            at['row'] = {'role': 'total'}
        elif re.fullmatch(r'\d+', r):
            at['row'] = {'lineNo': int(r)} if at.get('table') in TWO_SIDED and len(r) <= 2 else {'code': r}
        else:
            at['row'] = {'label': r}
    elif '人员经费合计' in where:
        at['row'] = {'role': 'personnel-total'}
    elif '公用经费合计' in where:
        at['row'] = {'role': 'public-total'}
    m = re.search(r'\bcol (\d+)\b', where)
    if m:
        at['col'] = {'lineNo': int(m.group(1))}
    else:
        m = re.search(r'\bcol ([^,(]+?)\s*(?:\(|,|$)', where)
        if m:
            at['col'] = {'label': m.group(1).strip()}
    m = re.search(r'\(line (\d+)\)|\[L(\d+)\]', where)
    line = int(m.group(1) or m.group(2)) if m else None
    return at, line


def num(v):
    if isinstance(v, (int, float)):
        return float(v)
    # An inequality's bound ("<= 51.06"): the figure it is held against.
    m = re.fullmatch(r'\s*(?:<=|≤)\s*(-?[\d,]+(?:\.\d+)?)\s*', v) if isinstance(v, str) else None
    return float(m.group(1).replace(',', '')) if m else None


def derive(name):
    key = json.load(open(os.path.join(KEYS, name + '.json')))
    doc = key['document']
    kind = 'final' if '决算' in doc.get('kind', '') or 'final' in doc.get('kind', '').lower() else 'budget'
    items = []
    for c in key['checks']:
        item = {'key': c['id'], 'type': c['type'], 'verdict': VERDICT[c['verdict']]}
        if c.get('subtype'):
            item['subtype'] = 'self-evaluation'
        s, e = num(c.get('stated')), num(c.get('expected'))
        if s is not None and e is not None:
            item['stated'] = s
            item['expected'] = e
        tables = []
        for o in c['operands']:
            for t in templates_in(o.get('where', '') + ' ' + o.get('label', ''), kind):
                if t not in tables:
                    tables.append(t)
        stated_where = c.get('stated_where') or next((o['where'] for o in c['operands'] if '[stated' in o['label']), None)
        if stated_where:
            at, line = parse_where(stated_where, kind)
            for t in templates_in(stated_where, kind):
                if t not in tables:
                    tables.append(t)
            if at:
                item['at'] = at
            if line:
                item['line'] = line
        item['tables'] = tables
        lines = sorted({int(x) for o in c['operands'] for x in re.findall(r'\(line (\d+)\)|\[L(\d+)\]', o.get('where', '')) for x in x if x})
        if lines:
            item['operandLines'] = lines
        items.append(item)
    manual = overrides(name, key, kind)
    for it in items:
        if it['key'] in manual:
            it.update(manual[it['key']])
    out = {
        'fixture': name,
        'derivedFrom': f'answer key {name} (hand-verified); facts and figures only',
        'kind': kind,
        'items': items,
    }
    return out


def rows_of(check, kind, col=None, rule=None, by_line=False):
    """Selectors for every operand row of an aggregated key check."""
    out = []
    for o in check['operands']:
        at, line = parse_where(o.get('where', ''), kind)
        if by_line and line:
            sel = {'line': line}
        elif at.get('row'):
            sel = {'table': at.get('table'), 'row': at['row']}
        else:
            continue
        if col:
            sel['col'] = col
        if rule:
            sel['rule'] = rule
        out.append(sel)
    return out


def overrides(name, key, kind):
    """Key checks that aggregate several identities, or that need the narrative: written by hand."""
    by_id = {c['id']: c for c in key['checks']}
    o = {}
    narrative = lambda why: {'rules': NARRATIVE_RULES, 'manual': why}
    if name == 'donghu-hrss-2023-final':
        o['D1-d02'] = narrative('机关运行经费 stated in the narrative')
        o['D1-d03'] = narrative('narrative 六 states there is no basic expenditure')
        o['D1-e39'] = narrative('"三公" tie involving the narrative')
    if name == 'donghu-hrss-2023-final':
        o['D1-h09'] = {'rules': ['narrative-naming'], 'line': 416, 'manual': 'a classification item named two ways in two sections'}
    if name == 'hanyang-hr-2023-final':
        o['G01'] = {'rules': ['empty-table'], 'tables': ['final-08'], 'manual': 'empty-table statement under a table with figures'}
        o['G03'] = {'rules': ['narrative-unit', 'narrative-sum'], 'stated': 175.4, 'expected': 175.4, 'manual': '元 written for 万元 (no table figure to compare)'}
        o['G04'] = {'rules': ['narrative-unit'], 'stated': 6759.96, 'expected': 6759.97, 'manual': '元 written for 万元, matching a table figure'}
        o['G05'] = {'tables': ['final-05', 'final-03'], 'manual': 'the text names no scope; 03表 and 05表 print the same figure for the 项'}
        o['G10'] = {'pairs': [[10505.69, 9250.25], [9452.17, 8320.59]], 'manual': 'both the budget and the actual of the year\'s projects are given two ways'}
        o['G13'] = {'rules': ['narrative-direction'], 'line': 1307, 'manual': 'increase in one section, decrease in another'}
        o['A14'] = {'each': [{'table': 'final-07', 'rule': 'note-formula'}], 'manual': 'formula on an empty table'}
        o['B01'] = {'each': rows_of(by_id['B01'], kind, {'lineNo': 1}, 'note-formula'), 'manual': 'formula on every row'}
        o['B07'] = {'each': rows_of(by_id['B07'], kind, {'lineNo': 1}, 'note-formula'), 'manual': 'formula on every single-amount row'}
        o['B13'] = {'each': rows_of(by_id['B13'], kind, {'lineNo': 1}, 'note-formula'), 'manual': 'formula on every single-amount row'}
        o['B19'] = {'each': rows_of(by_id['B19'], kind, None, 'column-total'), 'manual': '合计 = fund columns on every class row'}
        o['E05'] = {'each': [{'rule': 'cross-table', 'table': 'final-02', 'row': {'role': 'total'}, 'col': {'lineNo': 2}, 'with': 'final-01'},
                             {'rule': 'cross-table', 'table': 'final-02', 'row': {'role': 'total'}, 'col': {'lineNo': 2}, 'with': 'final-04'}],
                    'manual': 'two ties in one key check'}
    if name == 'jianghan-hr-2024-budget':
        chain = lambda tpl, col: [{'table': tpl, 'row': {'role': 'total'}, 'rule': 'row-outline', **({'col': col} if col else {})},
                                  {'table': tpl, 'row': {'code': '201'}, 'rule': 'row-outline', **({'col': col} if col else {})}]
        o['D2-a13'] = {'each': chain('budget-gpb-units', {'label': '合计'}), 'manual': 'chain 合计 = 201 = 201001'}
        o['D2-a14'] = {'each': chain('budget-gpb-units', {'label': '基本支出 小计'}), 'manual': 'chain'}
        o['D2-a15'] = {'each': chain('budget-gpb-units', {'label': '人员经费'}), 'manual': 'chain'}
        o['D2-a16'] = {'each': chain('budget-gpb-units', {'label': '公用经费'}), 'manual': 'chain'}
        o['D2-a17'] = {'each': chain('budget-gpb-units', {'label': '项目支出'}), 'manual': 'chain'}
        o['D2-a20'] = {'each': chain('budget-projects', {'label': '合计'}) + [{'table': 'budget-projects', 'row': {'code': '201001'}, 'rule': 'row-outline'}],
                       'manual': 'chain 合计 = 201 = 201001 = 31'}
        o['D2-a24'] = {'each': rows_of(by_id['D2-a24'], kind, None, 'unit-price', by_line=True), 'manual': 'quantity × price on every row'}
        o['D2-a28'] = {'each': [{'table': 'budget-gf', 'rule': 'empty-table'}], 'manual': 'empty table'}
        o['D2-a29'] = {'each': [{'table': 'budget-soe', 'rule': 'empty-table'}], 'manual': 'empty table'}
        # The crosswalk compares the function table's basic-expenditure column; on this row it
        # holds the key's figure (the row has no project spending), the key names 合计.
        o['D2-d19'] = {'at': {'table': 'budget-gpb', 'row': {'code': '2101103'}}, 'manual': 'compared in the basic-expenditure column'}
        o['D2-d21'] = {'rules': ['procurement-within-budget'], 'manual': 'procurement charged to an economic item ≤ its budget'}
        o['D2-d22'] = {'rules': ['procurement-within-budget'], 'manual': 'procurement charged to an economic item ≤ its budget'}
        o['D2-d23'] = narrative('机关运行经费 stated in the narrative')
        for k, why in [('D2-h01', 'KPI target values swapped between columns'), ('D2-h02', 'KPI history differing between two forms'),
                       ('D2-h07', 'economic labels differing between forms')]:
            o[k] = {'rules': ['not-implemented'], 'manual': why + ' (not implemented)'}
        # The key's three sentences (六(一), 六(三), 十(一)), each against the basic-expenditure table.
        o['D2-h06'] = {'rules': ['narrative-items'], 'each': [{'rule': 'narrative-items', 'line': n, 'with': 'budget-basic'} for n in (147, 151, 187)],
                       'manual': 'expense items named in the text with no line in the economic table'}
        for i in range(88, 90):
            o[f'D2-e{i}'] = narrative('prior-year figures derived from the narrative')
    return o


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    for name in ['donghu-hrss-2023-final', 'hanyang-hr-2023-final', 'jianghan-hr-2024-budget']:
        data = derive(name)
        path = os.path.join(OUT, name + '.key.json')
        with open(path, 'w') as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(path, len(data['items']))
