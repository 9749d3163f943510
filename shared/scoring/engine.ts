// The scoring engine (docs/计分规则说明.md §2–§8): (rule sets, facts, period, asOf) → scores with every point explained.
// Pure: no I/O, no clock. A period's facts may be a superset; everything is filtered by date here.
import { isActiveIn, rosterOf, UNSCORED_GROUP, type Facts, type ItemFact, type UnitFact } from '../domain';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, ITEM_KIND_LABEL, publicationTitle, stars } from '../labels';
import { monthOf, monthsOf, periodLabel, quartersOf, yearPeriod, type Period } from '../periods';
import type { GroupRule, PublicationRule, RuleSet } from '../rules/schema';
import {
  applyFloor,
  baseGrantPoints,
  categoryAdoptionPoints,
  combinedValue,
  competitionRanks,
  eventPoints,
  jointShare,
  quotaPoints,
  requestDonePoints,
  requestMissPenalty,
  researchPoints,
  scaledQuotaMin,
  shortfallPenalty,
} from './clauses';
import { countInRange, indexFacts, inRange, itemCount, unitsOfItem, type FactIndex } from './facts-index';
import { addPoints, formatPoints, sumPoints } from './points';
import { adoptionValue, instructionValue } from './record-values';
import { ruleSetForQuarterOf } from './rulesets';
import { Vocabulary } from '../vocabulary';
import type { GroupScores, PeriodScores, ScoreLine, UnitCounts, UnitScore } from './types';
import { isLastActiveMonth, weeksOfMonth, windowContaining, type ScoringWindow } from './windows';

interface Ctx {
  idx: FactIndex;
  /** the unit's record in a quarter's roster (a locked quarter keeps the roster it was circulated with) */
  unitIn: (quarter: Period, unitId: number) => UnitFact | undefined;
  asOf: string;
  warnings: Set<string>;
  /** the name a key has in the rule sets (newest first), for warnings in the office's words */
  nameOf: (kind: 'groups' | 'categories' | 'publications' | 'eventKinds', key: string) => string;
}

/** Names from the rule sets' vocabulary (newest name wins), built only when a warning needs one. */
function namesIn(ruleSets: readonly RuleSet[]): Ctx['nameOf'] {
  let vocab: Vocabulary | undefined;
  return (kind, key) => {
    vocab ??= new Vocabulary(ruleSets);
    return vocab[kind].names.get(key) ?? key;
  };
}

// ---------------------------------------------------------------- 一、报送任务

/** Items per kind (调研, 专报) and per category of the rule set, in one count. */
function tagCounts(items: readonly ItemFact[]): Record<string, number> {
  const c: Record<string, number> = { research: 0, special: 0 };
  for (const i of items) {
    const n = i.count ?? 1;
    for (const k of i.kinds) c[k] = (c[k] ?? 0) + n;
    if (i.category !== undefined) c[i.category] = (c[i.category] ?? 0) + n;
  }
  return c;
}

/** The Chinese name of a kind or category key. */
function tagName(rules: RuleSet, tag: string): string {
  if (tag === 'research' || tag === 'special') return ITEM_KIND_LABEL[tag];
  return rules.categories.find((c) => c.key === tag)?.name ?? tag;
}

/** A window with an inactive month keeps only the items of its active months. */
const partlyActive = (w: ScoringWindow): boolean => w.activeMonths.length < w.monthsInWindow;

function itemsInWindow(ctx: Ctx, unit: UnitFact, w: ScoringWindow, onlyActive: boolean): ItemFact[] {
  const all = inRange(ctx.idx.itemsByUnit.get(unit.id), w.start, w.end);
  return onlyActive && partlyActive(w) ? all.filter((i) => w.activeMonths.includes(i.date.slice(0, 7))) : all;
}

/** The number of items in a window (the quota only counts; no list is built when every month is active). */
function countInWindow(ctx: Ctx, unit: UnitFact, w: ScoringWindow, onlyActive: boolean): number {
  if (onlyActive && partlyActive(w)) return itemCount(itemsInWindow(ctx, unit, w, true));
  return countInRange(ctx.idx.itemsByUnit.get(unit.id), w.start, w.end);
}

function quotaLines(ctx: Ctx, rules: RuleSet, unit: UnitFact, group: GroupRule, m: Period): ScoreLine[] {
  const quota = group.quota;
  if (!quota) return [];
  let windows: ScoringWindow[];
  if (quota.window === 'week') windows = weeksOfMonth(m);
  else {
    const w = windowContaining(unit, quota.window, m);
    windows = quota.window === 'month' || isLastActiveMonth(w, m) ? [w] : [];
  }
  const lines: ScoreLine[] = [];
  for (const w of windows) {
    const count = countInWindow(ctx, unit, w, quota.window !== 'week');
    const min = scaledQuotaMin(quota, w.activeMonths.length, w.monthsInWindow);
    const provisional = w.end > ctx.asOf;
    const pts = quotaPoints(quota, count, min);
    lines.push({
      clause: quota.clause,
      rule: '报送任务',
      detail:
        pts > 0
          ? `${w.label}报送${count}条，达到${min}条的任务`
          : `${w.label}报送${count}条，未达到${min}条的任务，基础分不得分`,
      category: 'base',
      points: pts,
      month: m.code,
      provisional,
    });
    const short = shortfallPenalty(quota, count, min);
    if (short !== 0) {
      lines.push({
        clause: rules.shortfallClause,
        rule: '未完成报送任务',
        detail: `${w.label}少报${min - count}条，每条扣${-quota.shortfallPerItem}分`,
        category: 'deduction',
        points: short,
        month: m.code,
        floored: rules.shortfallFloored,
        provisional,
      });
    }
  }
  return lines;
}

function requirementLines(ctx: Ctx, rules: RuleSet, unit: UnitFact, group: GroupRule, m: Period): ScoreLine[] {
  const lines: ScoreLine[] = [];
  for (const req of group.requirements) {
    const w = windowContaining(unit, req.window, m);
    if (req.award === 'once' && !isLastActiveMonth(w, m)) continue;
    const counts = tagCounts(itemsInWindow(ctx, unit, w, true));
    const pts = researchPoints(req, counts);
    const have = req.conditions
      .map((c) => `${tagName(rules, c.kind)}${counts[c.kind] ?? 0}篇（需${c.min}篇）`)
      .join('、');
    lines.push({
      clause: req.clause,
      rule: req.name,
      detail: `${w.label}${have}${pts > 0 ? '' : '，未完成，不得分'}`,
      category: 'base',
      points: pts,
      month: m.code,
      provisional: w.end > ctx.asOf,
    });
  }
  return lines;
}

/** 基础分: the group's grant, shown in the first active month of its window (floored deductions take it to zero). */
function baseGrantLines(ctx: Ctx, unit: UnitFact, group: GroupRule, m: Period): ScoreLine[] {
  const grant = group.baseGrant;
  if (!grant) return [];
  const w = windowContaining(unit, grant.window, m);
  if (w.activeMonths[0] !== m.code) return [];
  const pass = grant.passLine === null ? '' : `，低于${formatPoints(grant.passLine)}分为未达标`;
  return [
    {
      clause: grant.clause,
      rule: '基础分',
      detail: `${w.label}基础分${formatPoints(grant.points)}分（扣分扣至0分为止${pass}）`,
      category: 'base',
      points: baseGrantPoints(grant),
      month: m.code,
      provisional: w.end > ctx.asOf,
    },
  ];
}

// ---------------------------------------------------------------- 二、采用 and 三1–4 批示 (gains, docs/计分规则说明.md §3.1)

interface DatedRecord {
  id: number;
  itemId: number;
  date: string;
}

/**
 * The increase of an item's combined value over month m: value(records ≤ end of m) − value(records < start of m).
 * With `highest` one line names the record that raised the best value; with `sum` every record is a line.
 */
function gainLines<R extends DatedRecord>(
  records: readonly R[],
  m: Period,
  mode: 'highest' | 'sum',
  valueOf: (r: R) => number,
  describe: (r: R) => string,
  line: Pick<ScoreLine, 'clause' | 'rule' | 'category'> & { refKind: 'adoption' | 'instruction' },
  clauseOf: (r: R) => string,
  explain: (r: R) => string = () => '',
  onceWords = '就高不就低',
): ScoreLine[] {
  const before = records.filter((r) => r.date < m.start);
  const during = records.filter((r) => r.date >= m.start && r.date <= m.end);
  if (during.length === 0) return [];
  const base = { rule: line.rule, category: line.category, month: m.code };
  if (mode === 'sum') {
    return during.map((r) => ({
      ...base,
      clause: clauseOf(r),
      detail: `${describe(r)}（${formatPoints(valueOf(r))}分${explain(r)}）`,
      points: valueOf(r),
      ref: { kind: line.refKind, id: r.id },
      itemId: r.itemId,
    }));
  }
  const valueBefore = combinedValue(before.map(valueOf), 'highest');
  const best = during.reduce((a, b) => (valueOf(b) > valueOf(a) ? b : a));
  const gain = Math.max(0, addPoints(valueOf(best), -valueBefore));
  const others = during.filter((r) => r !== best).map(describe);
  let detail = `${describe(best)}（${formatPoints(valueOf(best))}分${explain(best)}）`;
  if (valueBefore > 0) {
    const before = formatPoints(valueBefore);
    detail +=
      gain > 0
        ? `，此前已计${before}分，${onceWords}，补计${formatPoints(gain)}分`
        : `，此前已计${before}分，${onceWords}，不重复计分`;
  }
  if (others.length > 0) detail += `；同月另有${others.join('、')}，不重复计分`;
  return [
    { ...base, clause: clauseOf(best), detail, points: gain, ref: { kind: line.refKind, id: best.id }, itemId: best.itemId },
  ];
}

/** Records by a key, in their order. */
function groupBy<R>(records: readonly R[], keyOf: (r: R) => string): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of records) out.set(keyOf(r), [...(out.get(keyOf(r)) ?? []), r]);
  return out;
}

function itemTitle(ctx: Ctx, itemId: number): string {
  const item = ctx.idx.items.get(itemId);
  return item ? `《${item.title}》` : '（一条已删除的信息）';
}

/** 合报: the unit's place among the item's units (0 = lead) and how many units share it. */
function jointPlace(ctx: Ctx, unit: UnitFact, itemId: number): { position: number; units: number } {
  const item = ctx.idx.items.get(itemId);
  if (!item?.jointUnitIds?.length) return SOLE;
  const units = unitsOfItem(item);
  return { position: Math.max(0, units.indexOf(unit.id)), units: Math.max(1, units.length) };
}

const SOLE = Object.freeze({ position: 0, units: 1 });

const JOINT_SPLIT_LABEL = { even: '均分', full: '各得全分', lead: '仅计牵头单位' } as const;

/** The words that explain a joint item's share: 合报3个单位，均分，本单位得3.4分. */
function jointNote(rules: RuleSet, place: { position: number; units: number }, whole: number, share: number): string {
  if (place.units <= 1) return '';
  const role = place.position === 0 ? '牵头单位' : '参与单位';
  return `；合报${place.units}个单位，${JOINT_SPLIT_LABEL[rules.jointSplit]}，本单位（${role}）按${formatPoints(whole)}分计${formatPoints(share)}分`;
}

/** The category of an item under the rule set (a key the rule set does not define is warned about and ignored). */
function categoryOf(ctx: Ctx, rules: RuleSet, itemId: number): RuleSet['categories'][number] | undefined {
  const key = ctx.idx.items.get(itemId)?.category;
  if (key === undefined) return undefined;
  const c = rules.categories.find((x) => x.key === key);
  if (!c) ctx.warnings.add(`信息类别“${ctx.nameOf('categories', key)}”不在规则集“${rules.name}”中，按无类别计分`);
  return c;
}

/** How an adoption's points were reached, when more than a table lookup: 按类别、转报倍数、类别折算. */
function adoptionNote(pub: PublicationRule | undefined, form: keyof PublicationRule['points'], cat: RuleSet['categories'][number] | undefined): string {
  if (!pub) return '';
  const parts: string[] = [];
  const table = categoryAdoptionPoints(pub, form, cat?.key);
  if (cat && pub.categoryPoints[cat.key]) parts.push(`${cat.name}类${formatPoints(table)}分`);
  if (pub.multiplier !== 1) parts.push(`按上级计分${formatPoints(table)}分的${pub.multiplier}倍`);
  if (cat && cat.factor !== 1) parts.push(`${cat.name}按${cat.factor}倍折算`);
  return parts.length > 0 ? `：${parts.join('，')}` : '';
}

function adoptionLines(ctx: Ctx, rules: RuleSet, unit: UnitFact, m: Period): ScoreLine[] {
  const inMonth = inRange(ctx.idx.adoptionsByUnit.get(unit.id), m.start, m.end);
  const itemIds = [...new Set(inMonth.map((a) => a.itemId))];
  const pubs = new Map(rules.publications.map((p) => [p.key, p]));
  const lines: ScoreLine[] = [];
  for (const itemId of itemIds) {
    const records = (ctx.idx.adoptionsByItem.get(itemId) ?? []).filter((a) => a.date <= m.end);
    for (const r of records) {
      if (!pubs.has(r.publication))
        ctx.warnings.add(`刊物“${ctx.nameOf('publications', r.publication)}”不在规则集“${rules.name}”中，相关采用记0分`);
    }
    const cat = categoryOf(ctx, rules, itemId);
    const place = jointPlace(ctx, unit, itemId);
    const whole = (r: (typeof records)[number]): number => adoptionValue(rules, cat?.key, r);
    const share = (r: (typeof records)[number]): number => jointShare(whole(r), rules.jointSplit, place.position, place.units);
    lines.push(
      ...gainLines(
        records,
        m,
        rules.adoptionCombine,
        share,
        (r) => `${itemTitle(ctx, r.itemId)}被${publicationTitle(pubs.get(r.publication)?.name ?? '未列入规则的刊物')}${ADOPTION_FORM_LABEL[r.form]}采用${r.issueNo ? `（${r.issueNo}）` : ''}`,
        { clause: '', rule: '信息采用', category: 'adoption', refKind: 'adoption' },
        (r) => pubs.get(r.publication)?.clause ?? '',
        (r) => adoptionNote(pubs.get(r.publication), r.form, cat) + jointNote(rules, place, whole(r), share(r)),
      ),
    );
  }
  return lines;
}

function instructionLines(ctx: Ctx, rules: RuleSet, unit: UnitFact, m: Period): ScoreLine[] {
  const inMonth = inRange(ctx.idx.instructionsByUnit.get(unit.id), m.start, m.end);
  const itemIds = [...new Set(inMonth.map((a) => a.itemId))];
  const levels = new Map(rules.instructionLevels.map((l) => [l.key, l]));
  const lines: ScoreLine[] = [];
  for (const itemId of itemIds) {
    const records = (ctx.idx.instructionsByItem.get(itemId) ?? []).filter((a) => a.date <= m.end);
    const place = jointPlace(ctx, unit, itemId);
    // the bonus may depend on where the item was adopted: its adoptions up to the instruction's date
    const adoptions = ctx.idx.adoptionsByItem.get(itemId) ?? [];
    const bonus = (r: (typeof records)[number]): ReturnType<typeof instructionValue> => instructionValue(rules, r, adoptions);
    const share = (r: (typeof records)[number]): number =>
      jointShare(bonus(r).points, rules.jointSplit, place.position, place.units);
    // 同级只计一次、不同级别累加: each level's records count at their best, and the levels' gains add up
    const batches =
      rules.instructionCombine === 'per_level'
        ? [...groupBy(records, (r) => r.level).values()]
        : [records];
    for (const batch of batches)
    lines.push(
      ...gainLines(
        batch,
        m,
        rules.instructionCombine === 'sum' ? 'sum' : 'highest',
        share,
        (r) => {
          const l = levels.get(r.level);
          return `${itemTitle(ctx, r.itemId)}获${l?.name ?? r.level}领导批示${l ? stars(l.stars) : ''}（${INSTRUCTION_FORM_LABEL[r.form]}${r.leader ? `，${r.leader}` : ''}）`;
        },
        { clause: '', rule: '领导批示加分', category: 'instruction', refKind: 'instruction' },
        (r) => bonus(r).publication?.clause || (levels.get(r.level)?.clause ?? ''),
        (r) => {
          const b = bonus(r);
          const where = b.publication ? `：${publicationTitle(b.publication.name)}采用的信息按该刊批示加分${formatPoints(b.points)}分` : '';
          return where + jointNote(rules, place, b.points, share(r));
        },
        rules.instructionCombine === 'per_level' ? '同级只计一次' : '就高不就低',
      ),
    );
  }
  return lines;
}

// ---------------------------------------------------------------- 三5–7, 四4 events; 四2–3 requests

function eventLines(ctx: Ctx, rules: RuleSet, unit: UnitFact, start: string, end: string, scope: 'period' | 'year', month: string | null): ScoreLine[] {
  const kinds = new Map(rules.eventKinds.map((k) => [k.key, k]));
  const all = ctx.idx.eventsByUnit.get(unit.id) ?? [];
  const lines: ScoreLine[] = [];
  for (const e of inRange(all, start, end)) {
    const kind = kinds.get(e.kind);
    if (!kind) {
      ctx.warnings.add(`事项“${ctx.nameOf('eventKinds', e.kind)}”不在规则集“${rules.name}”中，相关加减分未计`);
      continue;
    }
    if (kind.scope !== scope || !isActiveIn(unit, e.date.slice(0, 7))) continue;
    let counted = 0;
    if (kind.capPerYear !== null) {
      for (const prior of inRange(all, `${e.date.slice(0, 4)}-01-01`, e.date)) {
        if (prior === e) break;
        if (prior.kind === e.kind) counted += prior.quantity;
      }
    }
    const pts = eventPoints(kind, e.quantity, counted);
    const capped = counted + e.quantity > (kind.capPerYear ?? Infinity);
    lines.push({
      clause: kind.clause,
      rule: kind.name,
      detail: `${kind.description || kind.name}${e.quantity !== 1 ? ` × ${e.quantity}` : ''}${e.note ? `（${e.note}）` : ''}${capped ? `，每年最多计${kind.capPerYear}次` : ''}`,
      category: kind.points >= 0 ? 'bonus' : 'deduction',
      points: pts,
      month: month ?? e.date.slice(0, 7),
      ref: { kind: 'event', id: e.id },
      floored: kind.points < 0 ? kind.floored : undefined,
    });
  }
  return lines;
}

function requestLines(ctx: Ctx, rules: RuleSet, unit: UnitFact, m: Period): ScoreLine[] {
  const issuers = new Map(rules.requestIssuers.map((i) => [i.key, i]));
  const lines: ScoreLine[] = [];
  for (const t of ctx.idx.targetsByUnit.get(unit.id) ?? []) {
    if (t.deadline < m.start || t.deadline > m.end) continue;
    const issuer = issuers.get(t.issuer);
    const done = requestDonePoints(issuer, t.outcome);
    if (done > 0)
      lines.push({
        clause: issuer?.clause ?? '',
        rule: '约稿完成',
        detail: `${issuer?.name ?? t.issuer}约稿“${t.topic}”（${t.requestNo}，截止${t.deadline}）已完成，每篇次计${formatPoints(done)}分`,
        category: 'bonus',
        points: done,
        month: m.code,
        ref: { kind: 'request', id: t.id },
      });
    if (t.outcome !== 'missed') continue;
    lines.push({
      clause: issuer?.clause ?? '',
      rule: '约稿未完成',
      detail: `${issuer?.name ?? t.issuer}约稿“${t.topic}”（${t.requestNo}，截止${t.deadline}）未按时完成且未作说明`,
      category: 'deduction',
      points: requestMissPenalty(issuer, t.outcome),
      month: m.code,
      ref: { kind: 'request', id: t.id },
      floored: issuer?.floored ?? false,
    });
  }
  return lines;
}

// ---------------------------------------------------------------- months, quarters, years

function monthLines(ctx: Ctx, rules: RuleSet, group: GroupRule, unit: UnitFact, m: Period): ScoreLine[] {
  // [decision] a month that has not begun (as of asOf) is not scored yet: no quota points, no shortfall
  if (!isActiveIn(unit, m.code) || m.start > ctx.asOf) return [];
  return [
    ...baseGrantLines(ctx, unit, group, m),
    ...quotaLines(ctx, rules, unit, group, m),
    ...requirementLines(ctx, rules, unit, group, m),
    ...adoptionLines(ctx, rules, unit, m),
    ...instructionLines(ctx, rules, unit, m),
    ...eventLines(ctx, rules, unit, m.start, m.end, 'period', null),
    ...requestLines(ctx, rules, unit, m),
  ];
}

interface Tally {
  /** the positive points */
  positive: number;
  /** floored deductions, as a positive number */
  floored: number;
  /** deductions taken after the floor, as a positive number */
  unfloored: number;
}

function tally(lines: readonly ScoreLine[]): Tally {
  const positive: number[] = [];
  const floored: number[] = [];
  const unfloored: number[] = [];
  for (const l of lines) {
    if (l.points > 0) positive.push(l.points);
    else if (l.floored) floored.push(-l.points);
    else unfloored.push(-l.points);
  }
  return { positive: sumPoints(positive), floored: sumPoints(floored), unfloored: sumPoints(unfloored) };
}

/** 扣完为止: one line giving back what the floored deductions took below zero. */
function floorLine(rules: RuleSet, t: Tally, month: string, label: string): ScoreLine | null {
  const { floorAdjust } = applyFloor(t.positive, t.floored, t.unfloored);
  if (floorAdjust === 0) return null;
  return {
    clause: rules.floorClause,
    rule: '扣完为止',
    detail: `${label}得分扣完为止：加分${formatPoints(t.positive)}分，应扣${formatPoints(t.floored)}分，只扣至0分`,
    category: 'floor',
    points: floorAdjust,
    month,
  };
}

function groupOf(rules: RuleSet, unit: UnitFact): GroupRule | undefined {
  return rules.groups.find((g) => g.key === unit.group);
}

/** Lines of one unit for one quarter, with the quarter's floor; scored with the quarter's own rule set and roster. */
function quarterLines(ctx: Ctx, ruleSets: readonly RuleSet[], unitId: number, q: Period): ScoreLine[] {
  const unit = ctx.unitIn(q, unitId);
  if (!unit || unit.group === UNSCORED_GROUP) return [];
  const rules = ruleSetForQuarterOf(ruleSets, q.start);
  const group = groupOf(rules, unit);
  if (!group) {
    // a unit in a group its quarter's rule set lacks is reported, never silently scored 0
    if (monthsOf(q).some((m) => isActiveIn(unit, m.code) && m.start <= ctx.asOf))
      ctx.warnings.add(
        `${unit.name}在${periodLabel(q)}属于“${ctx.nameOf('groups', unit.group)}”分组，规则集“${rules.name}”没有这个分组，该季度未计分。` +
          '请在“单位名单”中把它改到本规则的分组，或在“规则设置”中添加这个分组。',
      );
    return [];
  }
  const lines = monthsOf(q).flatMap((m) => monthLines(ctx, rules, group, unit, m));
  const floor = floorLine(rules, tally(lines), monthsOf(q)[2]!.code, periodLabel(q));
  if (floor) lines.push(floor);
  return lines;
}

function periodLines(ctx: Ctx, ruleSets: readonly RuleSet[], unit: UnitFact, p: Period): ScoreLine[] {
  if (p.kind === 'month') {
    const rules = ruleSetForQuarterOf(ruleSets, p.start);
    const group = groupOf(rules, unit);
    return group ? monthLines(ctx, rules, group, unit, p) : [];
  }
  if (p.kind === 'quarter') return quarterLines(ctx, ruleSets, unit.id, p);
  // the year: each quarter with its own rule set and roster (a unit may change group between quarters)
  const lines = quartersOf(p).flatMap((q) => quarterLines(ctx, ruleSets, unit.id, q));
  // Year-only events (三5) count in the annual total only, under the rule set of the year's first quarter.
  const rules = ruleSetForQuarterOf(ruleSets, p.start);
  const yearOnly = eventLines(ctx, rules, unit, p.start, p.end, 'year', '');
  if (yearOnly.some((l) => l.floored)) {
    // floored year-only deductions are floored against the year: the quarters' total counts as one sum
    const quarters = lineTotal(lines);
    const t = tally(yearOnly);
    if (quarters > 0) t.positive = addPoints(t.positive, quarters);
    else t.unfloored = addPoints(t.unfloored, -quarters);
    const floor = floorLine(rules, t, '', periodLabel(p));
    lines.push(...yearOnly, ...(floor ? [floor] : []));
  } else lines.push(...yearOnly);
  return lines;
}

const lineTotal = (lines: readonly ScoreLine[]): number => sumPoints(lines.map((l) => l.points));

function countsFor(ctx: Ctx, unit: UnitFact, p: Period): UnitCounts {
  const active = monthsOf(p).filter((m) => isActiveIn(unit, m.code));
  const itemsByMonth: Record<string, number> = {};
  const itemsByQuarter: Record<string, number> = {};
  let items = 0;
  let research = 0;
  let special = 0;
  const byCategory: Record<string, number> = {};
  for (const m of active) {
    const list = inRange(ctx.idx.itemsByUnit.get(unit.id), m.start, m.end);
    const n = itemCount(list);
    itemsByMonth[m.code] = n;
    const q = `${m.year}Q${Math.ceil(m.index / 3)}`;
    itemsByQuarter[q] = (itemsByQuarter[q] ?? 0) + n;
    items += n;
    const k = tagCounts(list);
    research += k.research ?? 0;
    special += k.special ?? 0;
    for (const [tag, n] of Object.entries(k))
      if (tag !== 'research' && tag !== 'special') byCategory[tag] = (byCategory[tag] ?? 0) + n;
  }
  const adoptionsByPublication: Record<string, number> = {};
  const adoptions = inRange(ctx.idx.adoptionsByUnit.get(unit.id), p.start, p.end);
  for (const a of adoptions) adoptionsByPublication[a.publication] = (adoptionsByPublication[a.publication] ?? 0) + 1;
  const instructionsByLevel: Record<string, number> = {};
  const instructions = inRange(ctx.idx.instructionsByUnit.get(unit.id), p.start, p.end);
  for (const r of instructions) instructionsByLevel[r.level] = (instructionsByLevel[r.level] ?? 0) + 1;
  return {
    items,
    itemsByMonth,
    itemsByQuarter,
    research,
    special,
    byCategory,
    adoptionsByPublication,
    adoptions: adoptions.length,
    instructionsByLevel,
    instructions: instructions.length,
  };
}

function unitScore(ctx: Ctx, ruleSets: readonly RuleSet[], unit: UnitFact, groupName: string, p: Period): UnitScore {
  const lines = periodLines(ctx, ruleSets, unit, p);
  const sum = (cat: ScoreLine['category']): number => lineTotal(lines.filter((l) => l.category === cat));
  return {
    unitId: unit.id,
    unitName: unit.name,
    group: unit.group,
    groupName,
    sortOrder: unit.sortOrder,
    retiredFrom: unit.activeUntil !== null && unit.activeUntil <= monthOf(p.end).code ? unit.activeUntil : null,
    base: sum('base'),
    adoption: sum('adoption'),
    instruction: sum('instruction'),
    bonus: sum('bonus'),
    deduction: 0 - sum('deduction'),
    total: lineTotal(lines),
    rank: 0,
    provisional: lines.some((l) => l.provisional === true),
    lines,
    counts: countsFor(ctx, unit, p),
  };
}

/** Ranks a group's units: by score, highest first; equal scores share a rank; ties in roster order. */
export function rankUnits(units: UnitScore[]): UnitScore[] {
  const sorted = [...units].sort((a, b) => b.total - a.total || a.sortOrder - b.sortOrder || a.unitId - b.unitId);
  const ranks = competitionRanks(sorted.map((u) => u.total));
  return sorted.map((u, i) => ({ ...u, rank: ranks[i]! }));
}

/** Scores every scored unit active in period `p`. */
export function scorePeriod(ruleSets: readonly RuleSet[], facts: Facts, p: Period, asOf: string): PeriodScores {
  const byQuarter = new Map<string, Map<number, UnitFact>>();
  const rosterIn = (q: Period): Map<number, UnitFact> => {
    let m = byQuarter.get(q.code);
    if (!m) byQuarter.set(q.code, (m = new Map(rosterOf(facts, q.code).map((u) => [u.id, u]))));
    return m;
  };
  const ctx: Ctx = {
    idx: indexFacts(facts),
    unitIn: (q, id) => rosterIn(q).get(id),
    asOf,
    warnings: new Set(),
    nameOf: namesIn(ruleSets),
  };
  const quarters = p.kind === 'year' ? quartersOf(p) : [quarterOfPeriod(p)];
  const used = [...new Set(quarters.map((q) => ruleSetForQuarterOf(ruleSets, q.start).name))];
  const rules = ruleSetForQuarterOf(ruleSets, p.start);
  // the groups shown: the period's rule set's, then (in a year) groups later quarters' rule sets add
  const groups: GroupScores[] = [];
  const byKey = new Map<string, GroupScores>();
  for (const q of quarters)
    for (const g of ruleSetForQuarterOf(ruleSets, q.start).groups)
      if (!byKey.has(g.key)) {
        const gs: GroupScores = { key: g.key, name: g.name, units: [] };
        groups.push(gs);
        byKey.set(g.key, gs);
      }
  // each unit once, placed in the group of the last quarter of the period it was scored in; roster order as that
  // quarter has it
  const placed = new Map<number, { unit: UnitFact; group: GroupScores }>();
  const missed = new Map<number, UnitFact>();
  for (const q of quarters) {
    const qRules = ruleSetForQuarterOf(ruleSets, q.start);
    const months = monthsOf(p.kind === 'year' ? q : p).map((m) => m.code);
    const roster = [...rosterIn(q).values()].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    for (const unit of roster) {
      if (unit.group === UNSCORED_GROUP || !months.some((m) => isActiveIn(unit, m))) continue;
      if (!qRules.groups.some((g) => g.key === unit.group)) {
        if (!missed.has(unit.id)) missed.set(unit.id, unit);
        continue;
      }
      placed.set(unit.id, { unit, group: byKey.get(unit.group)! });
    }
  }
  for (const { unit, group } of placed.values()) group.units.push(unitScore(ctx, ruleSets, unit, group.name, p));
  // units scored in no quarter of the period because their group is missing from the rule set
  const outside = new Map<string, string[]>();
  for (const unit of missed.values())
    if (!placed.has(unit.id)) outside.set(unit.group, [...(outside.get(unit.group) ?? []), unit.name]);
  // one warning a group the rule set does not have, however many units are in it
  for (const [key, names] of outside)
    ctx.warnings.add(
      `规则集“${rules.name}”没有“${ctx.nameOf('groups', key)}”这个分组，其中${names.length}个单位未计分（${names.slice(0, 6).join('、')}${names.length > 6 ? '等' : ''}）。` +
        '请在“单位名单”中把这些单位改到本规则的分组，或在“规则设置”中添加这个分组。',
    );
  for (const g of groups) g.units = rankUnits(g.units);
  return { period: p, ruleSetNames: used, asOf, groups: groups.filter((g, i) => i < rules.groups.length || g.units.length > 0), warnings: [...ctx.warnings] };
}

/** The quarter a month or quarter period lies in. */
function quarterOfPeriod(p: Period): Period {
  return quartersOf(yearPeriod(p.year)).find((q) => q.start <= p.start && p.start <= q.end)!;
}

/** The year-to-date total (全年累计) of each unit: the sum of its quarter scores up to and including quarter `q`. */
export function yearToDate(ruleSets: readonly RuleSet[], facts: Facts, q: Period, asOf: string): Map<number, number> {
  const totals = new Map<number, number>();
  for (const quarter of quartersOf(yearPeriod(q.year)).filter((x) => x.index <= q.index)) {
    for (const g of scorePeriod(ruleSets, facts, quarter, asOf).groups)
      for (const u of g.units) totals.set(u.unitId, addPoints(totals.get(u.unitId) ?? 0, u.total));
  }
  return totals;
}

export function allUnitScores(s: PeriodScores): UnitScore[] {
  return s.groups.flatMap((g) => g.units);
}
