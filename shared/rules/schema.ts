// The rule-set model (docs/规则文件.md): everything an office's 计分通报办法 says, as data.
// A change of rules is a new rule set with its own effective date, never an edit of the past.
import { z } from 'zod';
import { hasDecimals } from '../scoring/points';
import { vocabKey } from '../text';

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, '键只能由小写字母、数字和下划线组成，并以字母开头')
  .max(40);
const name = z.string().trim().min(1, '名称不能为空').max(60);
// points may have one decimal (half points, 135.4); the engine adds them as exact tenths
const points = z
  .number()
  .finite()
  .min(-1000)
  .max(1000)
  .refine((v) => hasDecimals(v, 1), '分值最多保留一位小数');
/** a multiplier (×2 for a forwarded item, 0.5 for a picture item): at most two decimals */
const factor = z
  .number()
  .finite()
  .min(0)
  .max(100)
  .refine((v) => hasDecimals(v, 2), '倍数最多保留两位小数');
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

/**
 * An item category defined by the rule set (要情、动态、图片信息 …), beside the fixed kinds 调研/专报. An item has at
 * most one category; `factor` scales its adoption points (图片信息 worth half: 0.5).
 */
export const categorySchema = z.object({
  key: key.refine((k) => k !== 'research' && k !== 'special', '“research”“special”是调研、专报的保留键'),
  name: name,
  aliases: z.array(name).default([]),
  factor: factor.default(1),
  clause,
});

/**
 * 调研/专报 requirement, or a category quota: every condition met within the window earns `points` (each active
 * month, or once). A condition names a kind (research, special) or a category key of the rule set.
 */
export const requirementSchema = z.object({
  name: name,
  window: z.enum(['month', 'quarter', 'year']),
  conditions: z.array(z.object({ kind: key, min: z.number().int().min(1).max(1000) })).min(1),
  points: points.min(0),
  award: z.enum(['each_month', 'once']),
  clause,
});

/**
 * A base grant (基础分): every unit of the group starts each window with `points`; floored deductions take it down
 * to zero at most; a quarter scored under `passLine` does not meet the standard (未达标), named in the circular.
 */
export const baseGrantSchema = z.object({
  window: z.enum(['month', 'quarter']),
  points: points.min(0),
  passLine: points.min(0).nullable().default(null),
  clause,
});

export const groupSchema = z.object({
  key: key.refine((k) => k !== 'none', '“none”是不计分单位的保留键'),
  name: name,
  aliases: z.array(name).default([]),
  /** none written: the group has no 报送任务 */
  quota: quotaSchema.nullable().default(null),
  requirements: z.array(requirementSchema).default([]),
  /** how many last-ranked units the circular criticises (莱芜: 1 per group) */
  criticiseLast: z.number().int().min(0).max(10).default(1),
  baseGrant: baseGrantSchema.nullable().default(null),
});

/**
 * Points by form. A file may write one number for every form (`"points": 10`) or only the forms the regulation scores
 * (`{ "single": 10 }`): a form not written scores 0.
 */
const everyForm =
  (forms: readonly string[]) =>
  (v: unknown): unknown =>
    typeof v === 'number' ? Object.fromEntries(forms.map((f) => [f, v])) : v;
const formPoint = points.min(0).default(0);
const formPoints = z.preprocess(
  everyForm(['single', 'combined', 'brief']),
  z.object({ single: formPoint, combined: formPoint, brief: formPoint }),
);
const instructionFormPoints = z.preprocess(everyForm(['single', 'combined']), z.object({ single: formPoint, combined: formPoint }));

export const publicationSchema = z.object({
  key: key,
  name: name,
  aliases: z.array(name).default([]),
  /** 区级 / 市级 / 省级 / 国家级, for the circular's summary sentence */
  level: z.enum(['district', 'city', 'province', 'state']),
  points: formPoints,
  /** points for items of a category, instead of `points` (动态 10, 调研 20 in the same publication) */
  categoryPoints: z.record(key, formPoints).default({}),
  /**
   * a forwarded item scored as a multiple of the upper office's own points: `points` are then the upper office's
   * points and each adoption earns them × `multiplier` (省办采用按省计分的 2 倍)
   */
  multiplier: factor.refine((v) => v > 0, '倍数应大于 0').default(1),
  /** the instruction bonus for items adopted here, per instruction level key, instead of the level's own points */
  instructionPoints: z.record(key, instructionFormPoints).default({}),
  clause,
});

export const instructionLevelSchema = z.object({
  key: key,
  name: name,
  aliases: z.array(name).default([]),
  stars: z.number().int().min(0).max(5),
  points: instructionFormPoints,
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
  /** points for a target delivered (已完成), ≥ 0 (莱芜: none) */
  donePoints: points.min(0).default(0),
  floored: z.boolean().default(false),
  clause,
});

function uniqueBy<T>(list: T[], pick: (t: T) => string): boolean {
  return new Set(list.map(pick)).size === list.length;
}

type Named = { name: string; aliases: string[] };

/**
 * An importer reads a name or an alias as one entry of its kind (vocabulary.ts, spaces and 《》 ignored): an alias
 * written again for the same entry, or the name or alias of another entry, would be read as two things. Each problem
 * is reported on the alias list of the entry that repeats it, naming the other entry.
 */
function aliasClashes(list: readonly Named[], what: string): { index: number; message: string }[] {
  const names = new Map<string, number>();
  list.forEach((x, i) => {
    const k = vocabKey(x.name);
    if (!names.has(k)) names.set(k, i);
  });
  const seen = new Map<string, number>();
  const out: { index: number; message: string }[] = [];
  list.forEach((x, i) => {
    const own = new Set<string>([vocabKey(x.name)]);
    for (const alias of x.aliases) {
      const k = vocabKey(alias);
      const named = names.get(k);
      const aliased = seen.get(k);
      // the entry's own name written another way (《莱芜政务信息》) is harmless
      if (named !== undefined) {
        if (named !== i) out.push({ index: i, message: `别名“${alias}”是${what}「${list[named]!.name}」的名称，不能再作别名` });
      } else if (aliased !== undefined && aliased !== i) out.push({ index: i, message: `别名“${alias}”已是${what}「${list[aliased]!.name}」的别名` });
      else if (own.has(k)) out.push({ index: i, message: `别名“${alias}”重复` });
      own.add(k);
      if (aliased === undefined) seen.set(k, i);
    }
  });
  return out;
}

/**
 * A rule set as stored: what the engine needs to score. Rule sets saved before the alias check (below) still load with
 * this, so a ledger is never locked out of its own rules; every save and import uses `ruleSetSchema`.
 */
export const storedRuleSetSchema = z
  .object({
    name: name,
    effectiveFrom: isoDate,
    source: z.string().max(200).default(''),
    groups: z.array(groupSchema).min(1).max(20),
    /** whether the quota shortfall is subject to 扣完为止 */
    shortfallFloored: z.boolean().default(false),
    /** the clause a quota shortfall deduction cites (莱芜: 四1) */
    shortfallClause: clause,
    /** the clause the 扣完为止 line cites (莱芜: 四1、四4) */
    floorClause: clause,
    publications: z.array(publicationSchema).min(1).max(50),
    /** how several adoptions of one item combine: highest (就高不就低) or sum */
    adoptionCombine: z.enum(['highest', 'sum']),
    instructionLevels: z.array(instructionLevelSchema).min(1).max(20),
    /**
     * how several instructions on one item combine: highest (就高不就低), sum, or per_level — once per level, added up
     * across levels (同一级别只计一次，不同级别累加)
     */
    instructionCombine: z.enum(['highest', 'sum', 'per_level']),
    eventKinds: z.array(eventKindSchema).max(50).default([]),
    /** none: the regulation has no 约稿 (no placeholder issuer needed) */
    requestIssuers: z.array(requestIssuerSchema).max(20).default([]),
    categories: z.array(categorySchema).max(30).default([]),
    /**
     * 合报 (an item of several units): even — the points split evenly in tenths, the odd tenths to the units listed
     * first (the lead unit first); full — each unit the full points; lead — the lead unit only.
     */
    jointSplit: z.enum(['even', 'full', 'lead']).default('lead'),
  })
  .refine((r) => uniqueBy(r.groups, (g) => g.key), { message: '分组的键重复', path: ['groups'] })
  .refine((r) => uniqueBy(r.publications, (p) => p.key), { message: '刊物的键重复', path: ['publications'] })
  .refine((r) => uniqueBy(r.instructionLevels, (p) => p.key), {
    message: '批示级别的键重复',
    path: ['instructionLevels'],
  })
  .refine((r) => uniqueBy(r.eventKinds, (p) => p.key), { message: '加减分事项的键重复', path: ['eventKinds'] })
  .refine((r) => uniqueBy(r.requestIssuers, (p) => p.key), { message: '约稿方的键重复', path: ['requestIssuers'] })
  .refine((r) => uniqueBy(r.categories, (p) => p.key), { message: '信息类别的键重复', path: ['categories'] })
  .superRefine((r, ctx) => {
    // every key a rule refers to must be defined in the rule set
    const tags = new Set(['research', 'special', ...r.categories.map((c) => c.key)]);
    const categories = new Set(r.categories.map((c) => c.key));
    const levels = new Set(r.instructionLevels.map((l) => l.key));
    r.groups.forEach((g, gi) =>
      g.requirements.forEach((q, qi) =>
        q.conditions.forEach((c, ci) => {
          if (!tags.has(c.kind))
            ctx.addIssue({
              code: 'custom',
              message: `“${c.kind}”不是调研（research）、专报（special），也不是本规则集的信息类别`,
              path: ['groups', gi, 'requirements', qi, 'conditions', ci, 'kind'],
            });
        }),
      ),
    );
    r.publications.forEach((p, pi) => {
      for (const k of Object.keys(p.categoryPoints))
        if (!categories.has(k))
          ctx.addIssue({ code: 'custom', message: `信息类别“${k}”不在本规则集中`, path: ['publications', pi, 'categoryPoints', k] });
      for (const k of Object.keys(p.instructionPoints))
        if (!levels.has(k))
          ctx.addIssue({ code: 'custom', message: `批示级别“${k}”不在本规则集中`, path: ['publications', pi, 'instructionPoints', k] });
    });
  });

/** A rule set as the editor and the rule file save it: also no alias read as two entries of a kind. */
export const ruleSetSchema = storedRuleSetSchema.superRefine((r, ctx) => {
  const kinds = [
    ['groups', '分组'],
    ['categories', '信息类别'],
    ['publications', '刊物'],
    ['instructionLevels', '批示级别'],
    ['eventKinds', '加减分事项'],
    ['requestIssuers', '约稿方'],
  ] as const;
  for (const [field, what] of kinds)
    for (const c of aliasClashes(r[field], what)) ctx.addIssue({ code: 'custom', message: c.message, path: [field, c.index, 'aliases'] });
});

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type GroupRule = z.infer<typeof groupSchema>;
export type QuotaRule = z.infer<typeof quotaSchema>;
export type RequirementRule = z.infer<typeof requirementSchema>;
export type PublicationRule = z.infer<typeof publicationSchema>;
export type InstructionLevelRule = z.infer<typeof instructionLevelSchema>;
export type EventKindRule = z.infer<typeof eventKindSchema>;
export type RequestIssuerRule = z.infer<typeof requestIssuerSchema>;
export type CategoryRule = z.infer<typeof categorySchema>;
export type BaseGrantRule = z.infer<typeof baseGrantSchema>;
export type JointSplit = RuleSet['jointSplit'];
export type AdoptionCombine = RuleSet['adoptionCombine'];
export type InstructionCombine = RuleSet['instructionCombine'];

/** A stored rule set: its validated body plus its row id. */
export interface StoredRuleSet {
  id: number;
  rules: RuleSet;
}

/** Parses a rule set (by default as saved, with every check), returning Chinese messages with the path of each problem. */
export function parseRuleSet(input: unknown, schema: z.ZodType<RuleSet, RuleSetInput> = ruleSetSchema): { ok: true; value: RuleSet } | { ok: false; errors: string[] } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join('.') || '规则'}：${i.message}`) };
}
