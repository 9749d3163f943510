// The rule-set file (docs/规则文件.md): readable JSON holding one or more rule sets, checked field by field with
// Chinese messages that name the field as a clerk sees it (刊物「莱芜政务信息」的分值（单篇）：应为不小于 0 的数).
// Pure: text in, rule sets or messages out; reading and writing files is the caller's job.
import type { z } from 'zod';
import { AWARD_LABEL, PUBLICATION_LEVEL_LABEL, RULE_WINDOW_LABEL } from '../labels';
import { ruleSetSchema, type RuleSet } from './schema';

export const RULE_FILE_TYPE = '政务信息计分规则';
export const RULE_FILE_VERSION = 1;

export interface RuleFile {
  文件类型: typeof RULE_FILE_TYPE;
  格式版本: number;
  规则集: RuleSet[];
}

export type RuleFileResult = { ok: true; value: RuleSet[] } | { ok: false; errors: string[] };

/**
 * A rule file's text: stable key order (the model's), two-space indent, and anything short enough on one line
 * (a publication's points, a list of aliases), so a clerk reads one rule per line.
 */
export function serialiseRuleFile(ruleSets: readonly RuleSet[]): string {
  const file: RuleFile = { 文件类型: RULE_FILE_TYPE, 格式版本: RULE_FILE_VERSION, 规则集: [...ruleSets] };
  return `${pretty(file, '')}\n`;
}

const LINE = 110;

function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (isObject(v)) {
    const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(v);
}

/** `used`: how much of the line the value's key already takes. */
function pretty(v: unknown, indent: string, used = 0): string {
  const flat = inline(v);
  if (indent.length + used + flat.length <= LINE || (!Array.isArray(v) && !isObject(v))) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + pretty(x, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner, JSON.stringify(k).length + 2)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** Reads a rule file: the wrapper above, or a bare rule set (as the app stores it). */
export function parseRuleFile(text: string): RuleFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`文件不是有效的 JSON（${jsonErrorWhere(text, e)}）。请检查引号、逗号和括号是否成对。`] };
  }
  if (!isObject(data)) return { ok: false, errors: ['文件内容应为一个对象（以 { 开头）。'] };
  let list: unknown[];
  if ('规则集' in data || '文件类型' in data) {
    if (data['文件类型'] !== RULE_FILE_TYPE)
      return { ok: false, errors: [`“文件类型”应为“${RULE_FILE_TYPE}”，这个文件不是本程序的规则文件。`] };
    const version = data['格式版本'];
    if (typeof version !== 'number' || version > RULE_FILE_VERSION)
      return {
        ok: false,
        errors: [`“格式版本”为 ${String(version)}，本程序只认识第 ${RULE_FILE_VERSION} 版；请用新版程序导入，或按 docs/规则文件.md 改写。`],
      };
    const body = data['规则集'];
    if (!Array.isArray(body) || body.length === 0) return { ok: false, errors: ['“规则集”应为至少含一个规则集的列表（[…]）。'] };
    list = body;
  } else list = [data];

  const errors: string[] = [];
  const value: RuleSet[] = [];
  list.forEach((input, i) => {
    const prefix = list.length > 1 ? `第${i + 1}个规则集${isObject(input) && typeof input.name === 'string' ? `「${input.name}」` : ''}：` : '';
    const r = ruleSetSchema.safeParse(input);
    if (!r.success) {
      for (const issue of r.error.issues) errors.push(prefix + describeIssue(input, issue));
      return;
    }
    const unknown = unknownFields(input, r.data, []);
    if (unknown.length > 0) {
      for (const path of unknown) errors.push(`${prefix}${fieldName(input, path)}：不认识这个字段，请检查拼写（字段表见 docs/规则文件.md）`);
      return;
    }
    value.push(r.data);
  });
  const names = value.map((r) => r.name);
  const dates = value.map((r) => r.effectiveFrom);
  names.forEach((n, i) => names.indexOf(n) !== i && errors.push(`规则集名称“${n}”在文件中出现了两次`));
  dates.forEach((d, i) => dates.indexOf(d) !== i && errors.push(`生效日期 ${d} 在文件中出现了两次，每个日期只能有一个规则集`));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

// ---------------------------------------------------------------- Chinese field names and messages

const FIELD: Record<string, string> = {
  name: '名称',
  effectiveFrom: '生效日期',
  source: '依据',
  groups: '分组',
  shortfallFloored: '少报扣分扣完为止',
  shortfallClause: '少报扣分条款',
  floorClause: '扣完为止条款',
  publications: '刊物',
  adoptionCombine: '多次采用计分方式',
  instructionLevels: '批示级别',
  instructionCombine: '多次批示计分方式',
  eventKinds: '加减分事项',
  requestIssuers: '约稿方',
  categories: '信息类别',
  jointSplit: '合报计分方式',
  key: '键',
  aliases: '别名',
  quota: '报送任务',
  window: '周期',
  min: '最少条数',
  points: '分值',
  shortfallPerItem: '每少1条扣分',
  clause: '条款',
  requirements: '要求',
  conditions: '条件',
  kind: '类别',
  award: '计分方式',
  criticiseLast: '通报批评末位个数',
  baseGrant: '基础分',
  passLine: '达标线',
  level: '级别',
  categoryPoints: '按类别分值',
  multiplier: '倍数',
  instructionPoints: '批示加分',
  stars: '星数',
  description: '说明',
  scope: '计入范围',
  floored: '扣完为止',
  capPerYear: '每年最多次数',
  criticise: '通报批评',
  missPoints: '未完成扣分',
  donePoints: '完成得分',
  factor: '折算倍数',
};
const FORM: Record<string, string> = { single: '单篇', combined: '综合', brief: '简讯' };
const VALUE: Record<string, string> = {
  ...RULE_WINDOW_LABEL,
  ...AWARD_LABEL,
  highest: '就高不就低',
  sum: '累加',
  per_level: '同级只计一次、不同级别累加',
  ...PUBLICATION_LEVEL_LABEL,
  period: '计入所在月、季度',
  // the 合报 choices as this file's messages have always worded them (the editor says 平分 / 只计牵头单位)
  even: '均分',
  full: '各得全分',
  lead: '仅牵头单位',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 刊物「莱芜政务信息」的分值（单篇）: the path of a field in a clerk's words, naming list entries by their 名称. */
export function fieldName(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const next: unknown = Array.isArray(node) ? node[Number(seg)] : isObject(node) ? node[String(seg)] : undefined;
    if (typeof seg === 'number') {
      const label = parts.pop() ?? '';
      const named = isObject(next) && typeof next.name === 'string' && next.name !== '' ? `「${next.name}」` : null;
      const keyed = isObject(next) && typeof next.key === 'string' && next.key !== '' ? `「${next.key}」` : null;
      parts.push(`${label}${named ?? keyed ?? `第${seg + 1}项`}`);
    } else if (FORM[String(seg)] && parts.length > 0) parts[parts.length - 1] += `（${FORM[String(seg)]}）`;
    else {
      const prev = path[i - 1];
      // the keys of 按类别分值 and 批示加分 are the category and level keys themselves
      if (prev === 'categoryPoints' || prev === 'instructionPoints') parts[parts.length - 1] += `「${String(seg)}」`;
      else parts.push(FIELD[String(seg)] ?? String(seg));
    }
    node = next;
  }
  return parts.length > 0 ? parts.join('的') : '规则集';
}

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

function describeIssue(input: unknown, issue: z.core.$ZodIssue): string {
  const where = fieldName(input, issue.path);
  if (hasChinese(issue.message)) return `${where}：${issue.message}`;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(input, issue.path) === undefined)
    return `${where}：缺少此项`;
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return `${where}：缺少此项`;
      const want: Record<string, string> = {
        number: '应为数（不加引号）',
        string: '应为文字（加引号）',
        boolean: '应为 true（是）或 false（否）',
        array: '应为列表（[…]）',
        object: '应为对象（{…}）',
        record: '应为对象（{…}）',
      };
      return `${where}：${want[issue.expected] ?? `类型不对（应为 ${issue.expected}）`}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'number') return `${where}：应为${issue.inclusive ? '不小于' : '大于'} ${min} 的数`;
      if (issue.origin === 'string') return `${where}：${min <= 1 ? '不能为空' : `至少 ${min} 个字`}`;
      if (issue.origin === 'array') return `${where}：至少应有 ${min} 项`;
      return `${where}：太小`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'number') return `${where}：应为${issue.inclusive ? '不大于' : '小于'} ${max} 的数`;
      if (issue.origin === 'string') return `${where}：最多 ${max} 个字`;
      if (issue.origin === 'array') return `${where}：最多 ${max} 项`;
      return `${where}：太大`;
    }
    case 'invalid_value':
      return `${where}：应为以下之一：${issue.values.map((v) => `${String(v)}${VALUE[String(v)] ? `（${VALUE[String(v)]}）` : ''}`).join('、')}`;
    case 'invalid_key':
      return `${where}：键只能由小写字母、数字和下划线组成，并以字母开头`;
    default:
      return `${where}：取值不对`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const seg of path) node = Array.isArray(node) ? node[Number(seg)] : isObject(node) ? node[String(seg)] : undefined;
  return node;
}

/** Fields of the input the model does not know (a typo would otherwise be dropped without a word). */
function unknownFields(input: unknown, parsed: unknown, path: PropertyKey[]): PropertyKey[][] {
  if (Array.isArray(input) && Array.isArray(parsed))
    return input.flatMap((x, i) => unknownFields(x, parsed[i], [...path, i]));
  if (!isObject(input) || !isObject(parsed)) return [];
  const out: PropertyKey[][] = [];
  for (const k of Object.keys(input)) {
    if (!(k in parsed)) out.push([...path, k]);
    else out.push(...unknownFields(input[k], parsed[k], [...path, k]));
  }
  return out;
}

/** Where JSON.parse stopped, as 第N行第M列 when the engine says a position. */
function jsonErrorWhere(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return '格式错误';
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split('\n');
  return `第${before.length}行第${before[before.length - 1]!.length + 1}列附近`;
}
