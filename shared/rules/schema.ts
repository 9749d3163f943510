// The rule-set model (scoring.md §7): everything an office's 计分通报办法 says, as data.
// A change of rules is a new rule set with its own effective date, never an edit of the past.
import { z } from 'zod';

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, '键只能由小写字母、数字和下划线组成，并以字母开头')
  .max(40);
const name = z.string().trim().min(1, '名称不能为空').max(60);
const points = z.number().finite().min(-1000).max(1000);
const clause = z.string().max(40).default('');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const itemKindSchema = z.enum(['research', 'special']);

/** 报送任务: at least `min` items in each window earns `points`; below it, `shortfallPerItem` for each missing item. */
export const quotaSchema = z.object({
  window: z.enum(['week', 'month', 'quarter', 'year']),
  min: z.number().int().min(1).max(10000),
  points: points,
  /** points per missing item, ≤ 0 (莱芜: −2) */
  shortfallPerItem: points.max(0),
  clause,
});

/** 调研/专报 requirement: every condition met within the window earns `points` (each active month, or once). */
export const requirementSchema = z.object({
  name: name,
  window: z.enum(['month', 'quarter', 'year']),
  conditions: z.array(z.object({ kind: itemKindSchema, min: z.number().int().min(1).max(1000) })).min(1),
  points: points.min(0),
  award: z.enum(['each_month', 'once']),
  clause,
});

export const groupSchema = z.object({
  key: key.refine((k) => k !== 'none', '“none”是不计分单位的保留键'),
  name: name,
  aliases: z.array(name).default([]),
  quota: quotaSchema.nullable(),
  requirements: z.array(requirementSchema).default([]),
  /** how many last-ranked units the circular criticises (莱芜: 1 per group) */
  criticiseLast: z.number().int().min(0).max(10).default(1),
});

export const publicationSchema = z.object({
  key: key,
  name: name,
  aliases: z.array(name).default([]),
  /** 区级 / 市级 / 省级 / 国家级, for the circular's summary sentence */
  level: z.enum(['district', 'city', 'province', 'state']),
  points: z.object({ single: points.min(0), combined: points.min(0), brief: points.min(0) }),
  clause,
});

export const instructionLevelSchema = z.object({
  key: key,
  name: name,
  aliases: z.array(name).default([]),
  stars: z.number().int().min(0).max(5),
  points: z.object({ single: points.min(0), combined: points.min(0) }),
  clause,
});

export const eventKindSchema = z.object({
  key: key,
  name: name,
  /** the long wording from the rules, for explanations */
  description: z.string().max(200).default(''),
  aliases: z.array(name).default([]),
  /** points per unit of quantity; negative for deductions */
  points: points,
  /** period: counts in the month/quarter of its date; year: only in the annual total */
  scope: z.enum(['period', 'year']),
  /** deductions subject to 扣完为止 */
  floored: z.boolean().default(false),
  /** at most this many counted per unit and year (建立考核通报制度: once a year) */
  capPerYear: z.number().int().min(1).max(10000).nullable().default(null),
  /** units with this event in the quarter are named under 通报批评 */
  criticise: z.boolean().default(false),
  clause,
});

export const requestIssuerSchema = z.object({
  key: key,
  name: name,
  aliases: z.array(name).default([]),
  /** points for a target whose outcome is 未完成, ≤ 0 */
  missPoints: points.max(0),
  floored: z.boolean().default(false),
  clause,
});

function uniqueBy<T>(list: T[], pick: (t: T) => string): boolean {
  return new Set(list.map(pick)).size === list.length;
}

export const ruleSetSchema = z
  .object({
    name: name,
    effectiveFrom: isoDate,
    source: z.string().max(200).default(''),
    groups: z.array(groupSchema).min(1).max(20),
    /** whether the quota shortfall is subject to 扣完为止 */
    shortfallFloored: z.boolean(),
    publications: z.array(publicationSchema).min(1).max(50),
    /** how several adoptions of one item combine: highest (就高不就低) or sum */
    adoptionCombine: z.enum(['highest', 'sum']),
    instructionLevels: z.array(instructionLevelSchema).min(1).max(20),
    instructionCombine: z.enum(['highest', 'sum']),
    eventKinds: z.array(eventKindSchema).max(50),
    requestIssuers: z.array(requestIssuerSchema).min(1).max(20),
  })
  .refine((r) => uniqueBy(r.groups, (g) => g.key), { message: '分组的键重复', path: ['groups'] })
  .refine((r) => uniqueBy(r.publications, (p) => p.key), { message: '刊物的键重复', path: ['publications'] })
  .refine((r) => uniqueBy(r.instructionLevels, (p) => p.key), {
    message: '批示级别的键重复',
    path: ['instructionLevels'],
  })
  .refine((r) => uniqueBy(r.eventKinds, (p) => p.key), { message: '加减分事项的键重复', path: ['eventKinds'] })
  .refine((r) => uniqueBy(r.requestIssuers, (p) => p.key), { message: '约稿方的键重复', path: ['requestIssuers'] });

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type GroupRule = z.infer<typeof groupSchema>;
export type QuotaRule = z.infer<typeof quotaSchema>;
export type RequirementRule = z.infer<typeof requirementSchema>;
export type PublicationRule = z.infer<typeof publicationSchema>;
export type InstructionLevelRule = z.infer<typeof instructionLevelSchema>;
export type EventKindRule = z.infer<typeof eventKindSchema>;
export type RequestIssuerRule = z.infer<typeof requestIssuerSchema>;

/** A stored rule set: its validated body plus its row id. */
export interface StoredRuleSet {
  id: number;
  rules: RuleSet;
}

/** Parses a rule set, returning Chinese messages with the path of each problem. */
export function parseRuleSet(input: unknown): { ok: true; value: RuleSet } | { ok: false; errors: string[] } {
  const r = ruleSetSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join('.') || '规则'}：${i.message}`) };
}
