// The rule file (docs/规则文件.md): what it reads, what it writes, and how it tells a clerk what is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleFile, serialiseRuleFile } from '../../../shared/rules/file';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';

const asset = (name: string): string => readFileSync(join(__dirname, '../../../assets/rules', name), 'utf8');

function errorsOf(text: string): string[] {
  const r = parseRuleFile(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}

/** The 莱芜区2019 file with one change made by `edit` to its rule set. */
function laiwuWith(edit: (r: Record<string, unknown>) => void): string {
  const file = JSON.parse(asset('laiwu-2019.json')) as { 规则集: Record<string, unknown>[] };
  edit(file.规则集[0]!);
  return JSON.stringify(file);
}

describe('the shipped rule files', () => {
  it('laiwu-2019.json is 莱芜区2019 exactly, and is what export writes', () => {
    const r = parseRuleFile(asset('laiwu-2019.json'));
    expect(r.ok && r.value).toEqual([LAIWU_2019]);
    expect(serialiseRuleFile([LAIWU_2019])).toBe(asset('laiwu-2019.json'));
  });

  it.each(['example-city-2024.json', 'example-district-2023.json'])('%s round-trips unchanged', (name) => {
    const first = parseRuleFile(asset(name));
    if (!first.ok) throw new Error(first.errors.join('\n'));
    const again = parseRuleFile(serialiseRuleFile(first.value));
    expect(again.ok && again.value).toEqual(first.value);
  });

  it('the complete example in docs/规则文件.md is a valid rule file, the same rules as the shipped one', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/规则文件.md'), 'utf8');
    const block = /## 十、完整示例[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1]!;
    const fromDoc = parseRuleFile(block);
    const shipped = parseRuleFile(asset('example-city-2024.json'));
    if (!fromDoc.ok || !shipped.ok) throw new Error('both should parse');
    expect({ ...fromDoc.value[0]!, source: '' }).toEqual({ ...shipped.value[0]!, source: '' });
  });

  it('a bare rule set (as the app stores it) is read too', () => {
    const r = parseRuleFile(JSON.stringify(LAIWU_2019));
    expect(r.ok && r.value).toEqual([LAIWU_2019]);
  });
});

describe('Chinese messages that name the field', () => {
  it('a negative publication point', () => {
    const text = laiwuWith((r) => {
      (r.publications as { points: { single: number } }[])[0]!.points.single = -1;
    });
    expect(errorsOf(text)).toEqual(['刊物「莱芜政务信息」的分值（单篇）：应为不小于 0 的数']);
  });

  it('a missing field, a wrong type, an unknown choice', () => {
    const text = laiwuWith((r) => {
      delete r.effectiveFrom;
      r.shortfallFloored = '是';
      ((r.groups as { quota: { window: string } }[])[0]!.quota.window = 'day');
    });
    expect(errorsOf(text)).toHaveLength(3);
    const joined = errorsOf(text).join('\n');
    expect(joined).toContain('生效日期：缺少此项');
    expect(joined).toContain('分组「镇街」的报送任务的周期：应为以下之一：week（每周）、month（每月）');
    expect(joined).toContain('少报扣分扣完为止：应为 true（是）或 false（否）');
  });

  it('more than one decimal, a misspelt field, an undefined category', () => {
    const text = laiwuWith((r) => {
      const pubs = r.publications as Record<string, unknown>[];
      pubs[1]!.points = { single: 5.25, combined: 5, brief: 5 };
      (r.instructionLevels as Record<string, unknown>[])[0]!.piont = 3;
    });
    expect(errorsOf(text)).toEqual(['刊物「报送市政府办公厅」的分值（单篇）：分值最多保留一位小数']);
    const typo = laiwuWith((r) => {
      (r.instructionLevels as Record<string, unknown>[])[0]!.piont = 3;
    });
    expect(errorsOf(typo)).toEqual(['批示级别「国办」的piont：不认识这个字段，请检查拼写（字段表见 docs/规则文件.md）']);
    const category = laiwuWith((r) => {
      (r.publications as Record<string, unknown>[])[0]!.categoryPoints = { tupian: { single: 1, combined: 1, brief: 1 } };
    });
    expect(errorsOf(category)).toEqual(['刊物「莱芜政务信息」的按类别分值「tupian」：信息类别“tupian”不在本规则集中']);
  });

  it('an alias that is another entry’s name or alias, or written twice, names the other entry', () => {
    type Entry = { name: string; aliases: string[] };
    const text = laiwuWith((r) => {
      const pubs = r.publications as Entry[];
      pubs[1]!.aliases.push('《莱芜政务信息》'); // another publication's name, 《》 and all
      pubs[5]!.aliases.push(pubs[4]!.aliases[0]!); // another publication's alias
      (r.instructionLevels as Entry[])[2]!.aliases.push('省领导'); // 省's alias on 市
      (r.groups as Entry[])[2]!.aliases.push('一级'); // 第一数量级's alias on 第二数量级
    });
    expect(errorsOf(text)).toEqual([
      '分组「第二数量级」的别名：别名“一级”已是分组「第一数量级」的别名',
      '刊物「报送市政府办公厅」的别名：别名“《莱芜政务信息》”是刊物「莱芜政务信息」的名称，不能再作别名',
      '刊物「国务院办公厅采用」的别名：别名“经市政府办公厅报送国务院办公厅”已是刊物「报送国务院办公厅」的别名',
      '批示级别「市」的别名：别名“省领导”已是批示级别「省」的别名',
    ]);
  });

  it('an alias may repeat its own entry’s name (《莱芜政务信息》 for 莱芜政务信息) and twice is one too many', () => {
    type Entry = { name: string; aliases: string[] };
    expect(parseRuleFile(laiwuWith((r) => (r.publications as Entry[])[0]!.aliases.push('莱芜 政务信息'))).ok).toBe(true);
    const text = laiwuWith((r) => (r.eventKinds as Entry[])[0]!.aliases.push('兼职信息员', '兼职信息员'));
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^加减分事项「.+」的别名：别名“兼职信息员”重复$/)]);
  });

  it('a file that is not JSON says where it broke', () => {
    const [msg] = errorsOf('{\n  "文件类型": "政务信息计分规则",\n  "格式版本": 1\n  "规则集": []\n}');
    expect(msg).toMatch(/^文件不是有效的 JSON（第4行第3列附近）/);
  });

  it('another kind of file, a newer format, two rule sets with one name', () => {
    expect(errorsOf('{"文件类型": "工作簿", "规则集": []}')[0]).toContain('不是本程序的规则文件');
    expect(errorsOf('{"文件类型": "政务信息计分规则", "格式版本": 2, "规则集": []}')[0]).toContain('只认识第 1 版');
    const twice = JSON.stringify({ 文件类型: '政务信息计分规则', 格式版本: 1, 规则集: [LAIWU_2019, LAIWU_2019] });
    expect(errorsOf(twice)).toContain('规则集名称“莱芜区2019”在文件中出现了两次');
  });
});
