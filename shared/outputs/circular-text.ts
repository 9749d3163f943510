// What the circular says (docs/计分表与通报稿.md §2.1, docs/计分规则说明.md §9.2), as text: the engine's facts put into the office's
// sentence templates. The .docx writer only lays this out; the UI previews the same text.
import { chineseDate, periodLabel, type Period } from '../periods';
import { formatPoints } from '../scoring/points';
import { DEFAULT_TEMPLATES, GENERIC_TEMPLATES, fill, type Settings } from '../settings';
import type { CircularFacts, GroupUnits, UnitRef } from '../scoring/circular';
import { changeText, rankChangeText, type Comparison, type PeriodTotals } from './circular-compare';
import type { PeriodScores, PersonScore, UnitScore } from '../scoring/types';

/** The circular's named parts; the office may rewrite each before export, and the rewrite is kept with the period. */
export type SectionKey = 'overall' | 'advanced' | 'praise' | 'criticise' | 'problems' | 'nextSteps';

export interface CircularSection {
  key: SectionKey;
  /** 一、总体情况 */
  heading: string;
  paragraphs: string[];
}

export interface CircularText {
  title: string;
  mainRecipients: string;
  opening: string;
  sections: CircularSection[];
  attachmentTitle: string;
  contact: string;
  signature: string;
  date: string;
  publicNote: string;
}

const NUMERALS = '一二三四五六七八九十';
const names = (units: readonly { unitName: string }[]): string => units.map((u) => u.unitName).join('、');
const withScores = (units: readonly UnitScore[]): string => units.map((u) => `${u.unitName}（${formatPoints(u.total)}分）`).join('、');

function summaryValues(c: CircularFacts, label: string, s: PeriodScores): Record<string, string | number> {
  const town = s.groups.filter((g) => g.key === 'town').reduce((n, g) => n + (c.summary.itemsByGroup[g.key] ?? 0), 0);
  return {
    期间: label,
    年度: s.period.year,
    报送总数: c.summary.items,
    镇街报送: town,
    部门报送: c.summary.items - town,
    分组报送: s.groups.map((g) => `${g.name}${c.summary.itemsByGroup[g.key] ?? 0}条`).join('，'),
    采用总数: c.summary.adoptions,
    区级采用: c.summary.adoptionsByLevel.district ?? 0,
    市级采用: c.summary.adoptionsByLevel.city ?? 0,
    省级采用: c.summary.adoptionsByLevel.province ?? 0,
    国家级采用: c.summary.adoptionsByLevel.state ?? 0,
    批示总数: c.summary.instructions,
    约稿数: c.summary.requests,
    约稿单位数: c.summary.requestTargets,
    约稿完成: c.summary.targetsDone,
    约稿说明: c.summary.targetsExplained,
    约稿未完成: c.summary.targetsMissed,
    约稿待报: c.summary.targetsPending,
    约稿方: c.summary.requestIssuers.join('、'),
  };
}

/**
 * The office's templates, except that the built-in 总体情况 and 约稿 sentences — written for 莱芜's groups (镇街 and
 * 区直部门) and its two issuers — give way to wordings built from the rule set's own groups and issuers when the
 * period is scored by rules without a 镇街 group. A sentence the office has edited is always used as written.
 */
function templatesFor(settings: Settings, s: PeriodScores): Settings['templates'] {
  const t = settings.templates;
  if (s.groups.some((g) => g.key === 'town')) return t;
  return {
    ...t,
    overall: t.overall === DEFAULT_TEMPLATES.overall ? GENERIC_TEMPLATES.overall : t.overall,
    requests: t.requests === DEFAULT_TEMPLATES.requests ? GENERIC_TEMPLATES.requests : t.requests,
  };
}

function groupLines(template: string, groups: readonly GroupUnits[], label: string): string[] {
  return groups
    .filter((g) => g.units.length > 0)
    .map((g) => fill(template, { 分组: g.groupName, 单位名单: withScores(g.units), 期间: label }));
}

function problemParagraphs(settings: Settings, c: CircularFacts, label: string, cmp?: Comparison): string[] {
  const t = settings.templates;
  const out: string[] = [];
  const list = (units: readonly UnitRef[]): string => names(units);
  if (c.zeroAdoption.length > 0) out.push(fill(t.zeroAdoption, { 期间: label, 单位名单: list(c.zeroAdoption) }));
  const oneEmpty = c.emptyMonth.filter((u) => !c.twoEmptyMonths.some((x) => x.unitId === u.unitId));
  if (oneEmpty.length > 0)
    out.push(
      fill(t.emptyMonth, {
        期间: label,
        单位名单: oneEmpty.map((u) => `${u.unitName}（${u.months.map((m) => `${Number(m.slice(5))}月`).join('、')}）`).join('、'),
      }),
    );
  if (c.twoEmptyMonths.length > 0)
    out.push(
      fill(t.twoEmptyMonths, {
        期间: label,
        单位名单: c.twoEmptyMonths
          .map((u) => `${u.unitName}（${u.months.map((m) => `${Number(m.slice(5))}月`).join('、')}）`)
          .join('、'),
      }),
    );
  if (c.overdue.length > 0)
    out.push(
      fill(t.overdue, {
        期间: label,
        约稿名单: c.overdue.map((o) => `${o.unitName}（${o.issuerName}约稿“${o.target.topic}”，截止${chineseDate(o.target.deadline)}）`).join('、'),
      }),
    );
  if (c.belowStandard.length > 0)
    out.push(
      fill(t.belowStandard, {
        期间: label,
        单位名单: c.belowStandard.map((u) => `${u.unitName}（${formatPoints(u.total)}分，达标线${formatPoints(u.passLine)}分）`).join('、'),
      }),
    );
  if (cmp && cmp.belowQuotaTwice.length > 0)
    out.push(
      fill(t.belowQuotaTwice, {
        期间: label,
        单位名单: cmp.belowQuotaTwice.map((u) => `${u.unitName}（本期报送${u.items}条，任务${u.quota}条）`).join('、'),
      }),
    );
  if (cmp && cmp.fallenGroups.length > 0)
    out.push(
      fill(t.fallenGroups, {
        期间: label,
        上期: before(label),
        名单: cmp.fallenGroups.map((g) => `${g.groupName}（平均${formatPoints(g.now)}分，${before(label)}${formatPoints(g.before)}分）`).join('、'),
      }),
    );
  if (out.length === 0) out.push(fill(t.noProblems, { 期间: label }));
  return out;
}

/** 上季度 / 上年, as the circular of a quarter or a year says it. */
const before = (label: string): string => (label.includes('季度') ? '上季度' : '上年');

const delta = (now: number, was: number, unit: string): string => changeText(now, was, '', unit).replace(/^比/, '').replace(/^与持平$/, '持平');

function comparisonLine(template: string, now: PeriodTotals, was: PeriodTotals, label: string): string {
  return fill(template, {
    期间: label,
    上期: before(label),
    报送增减: delta(now.items, was.items, '条'),
    采用增减: delta(now.adoptions, was.adoptions, '条次'),
    批示增减: delta(now.instructions, was.instructions, '条次'),
  });
}

/** 基本情况's highlights and comparisons: what the period achieved, and against the periods before. */
function highlightParagraphs(settings: Settings, c: CircularFacts, label: string, cmp?: Comparison): string[] {
  if (!cmp) return [];
  const t = settings.templates;
  const out: string[] = [];
  const now = { items: c.summary.items, adoptions: c.summary.adoptions, instructions: c.summary.instructions };
  if (cmp.topAdoptions.length > 0)
    out.push(
      fill(t.topAdoptions, {
        期间: label,
        条数: cmp.topAdoptions.length,
        名单: cmp.topAdoptions.map((h) => `${h.unitName}报送的《${h.title}》被${h.where.replace(/采用$/, '')}采用`).join('；'),
      }),
    );
  if (cmp.topInstructions.length > 0)
    out.push(
      fill(t.topInstructions, {
        期间: label,
        条数: cmp.topInstructions.length,
        名单: cmp.topInstructions.map((h) => `${h.unitName}报送的《${h.title}》获${h.where}批示`).join('；'),
      }),
    );
  if (cmp.previous) out.push(comparisonLine(t.comparison, now, cmp.previous, label));
  if (cmp.lastYear) out.push(comparisonLine(t.comparisonLastYear, now, cmp.lastYear, label));
  if (cmp.risers.length > 0)
    out.push(
      fill(t.risers, {
        期间: label,
        名单: cmp.risers.map((r) => `${r.unitName}（${r.groupName}由第${r.from}名升至第${r.to}名，${rankChangeText(r.from - r.to)}）`).join('、'),
      }),
    );
  return out;
}

function criticiseParagraphs(settings: Settings, c: CircularFacts, label: string): string[] {
  const t = settings.templates;
  const byRank = groupLines(t.criticiseLine, c.criticiseLast, label);
  const out = byRank.length > 0 ? [t.criticise, ...byRank] : [];
  for (const u of c.criticiseEvents)
    out.push(
      fill(t.criticiseEvent, {
        单位: u.unitName,
        期间: label,
        事项: u.events.map((e) => `${e.name}${e.quantity > 1 ? `${e.quantity}条` : ''}（${chineseDate(e.date)}）`).join('、'),
      }),
    );
  return out.length > 0 ? out : [fill(t.noCriticise, { 期间: label })];
}

function closing(settings: Settings, date: string, p: Period): Pick<CircularText, 'attachmentTitle' | 'contact' | 'signature' | 'date' | 'publicNote'> {
  const label = periodLabel(p);
  return {
    attachmentTitle: fill(settings.templates.attachment, { 期间: label }),
    contact: fill(settings.templates.contact, {
      联系人: settings.contactPerson || '（请填写）',
      电话: settings.contactPhone,
      邮箱: settings.contactEmail,
    }),
    signature: settings.officeName,
    date: chineseDate(date),
    publicNote: settings.publicNote,
  };
}

const heading = (i: number, text: string): string => `${NUMERALS[i]}、${text}`;

/** The text with the parts the clerk rewrote for this period in place of the drafted ones. */
export function withEdits<T extends CircularText>(text: T, edits: Partial<Record<string, string[]>>): T {
  return { ...text, sections: text.sections.map((s) => (edits[s.key] ? { ...s, paragraphs: edits[s.key]! } : s)) };
}

/** The quarterly circular (docs/计分表与通报稿.md §2.1). */
export function quarterCircularText(settings: Settings, s: PeriodScores, c: CircularFacts, date: string, cmp?: Comparison): CircularText {
  const t = templatesFor(settings, s);
  const label = periodLabel(s.period);
  const v = summaryValues(c, label, s);
  const praise = groupLines(t.praiseLine, c.praise, label);
  return {
    title: fill(t.quarterTitle, v),
    mainRecipients: settings.mainRecipients,
    opening: fill(t.opening, v),
    sections: [
      {
        key: 'overall',
        heading: heading(0, '总体情况'),
        paragraphs: [fill(t.overall, v), ...highlightParagraphs(settings, c, label, cmp), fill(c.summary.requests > 0 ? t.requests : t.noRequests, v)],
      },
      { key: 'praise', heading: heading(1, '通报表扬'), paragraphs: praise.length > 0 ? [t.praise, ...praise] : [fill(t.noPraise, v)] },
      { key: 'criticise', heading: heading(2, '通报批评'), paragraphs: criticiseParagraphs(settings, c, label) },
      { key: 'problems', heading: heading(3, '存在问题'), paragraphs: problemParagraphs(settings, c, label, cmp) },
      { key: 'nextSteps', heading: heading(4, '下一步要求'), paragraphs: t.nextSteps.split('\n').filter((x) => x.trim() !== '') },
    ],
    ...closing(settings, date, s.period),
  };
}

/**
 * 先进单位 proposed from the year's ranking [decision]: the places are shared among the groups in proportion to
 * their sizes (largest remainder), each group giving its best-ranked units with a score above zero; units tied at the
 * last place all come in.
 */
export function proposeAdvancedUnits(s: PeriodScores, count: number): GroupUnits[] {
  const groups = s.groups.filter((g) => g.units.length > 0);
  const total = groups.reduce((n, g) => n + g.units.length, 0);
  if (total === 0 || count === 0) return s.groups.map((g) => ({ group: g.key, groupName: g.name, units: [] }));
  const quotas = groups.map((g) => (count * g.units.length) / total);
  const seats = quotas.map(Math.floor);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; seats.reduce((a, b) => a + b, 0) < Math.min(count, total); k++) seats[order[k % order.length]!.i]!++;
  return s.groups.map((g) => {
    const i = groups.indexOf(g);
    const n = i < 0 ? 0 : seats[i]!;
    const positive = g.units.filter((u) => u.total > 0);
    const take = Math.min(n, positive.length);
    const cutoff = take > 0 ? positive[take - 1]!.rank : 0;
    return { group: g.key, groupName: g.name, units: positive.filter((u) => u.rank <= cutoff) };
  });
}

/** 先进个人: the best persons by the year's person scores, ties at the last place included. */
export function proposeAdvancedPersons(persons: readonly PersonScore[], count: number): PersonScore[] {
  const positive = persons.filter((p) => p.total > 0);
  const take = Math.min(count, positive.length);
  const cutoff = take > 0 ? positive[take - 1]!.rank : 0;
  return positive.filter((p) => p.rank <= cutoff);
}

/** The annual circular: the year's ranking, proposed 先进单位 and 先进个人, praise and criticism. */
export function yearCircularText(
  settings: Settings,
  s: PeriodScores,
  c: CircularFacts,
  persons: readonly PersonScore[],
  date: string,
  cmp?: Comparison,
): CircularText & { advancedUnits: GroupUnits[]; advancedPersons: PersonScore[] } {
  const t = templatesFor(settings, s);
  const label = periodLabel(s.period);
  const v = summaryValues(c, label, s);
  const advancedUnits = proposeAdvancedUnits(s, settings.advancedUnitCount);
  const advancedPersons = proposeAdvancedPersons(persons, settings.advancedPersonCount);
  const unitCount = advancedUnits.reduce((n, g) => n + g.units.length, 0);
  const praise = groupLines(t.praiseLine, c.praise, label);
  return {
    title: fill(t.yearTitle, v),
    mainRecipients: settings.mainRecipients,
    opening: fill(t.opening, v),
    sections: [
      {
        key: 'overall',
        heading: heading(0, '总体情况'),
        paragraphs: [fill(t.overall, v), ...highlightParagraphs(settings, c, label, cmp), fill(c.summary.requests > 0 ? t.requests : t.noRequests, v)],
      },
      {
        key: 'advanced',
        heading: heading(1, '先进单位和先进个人'),
        paragraphs: [
          fill(t.advancedUnits, { 先进单位数: unitCount, 年度: s.period.year }),
          // each with the reason it is proposed: its year score and place, a person's adopted items
          ...advancedUnits
            .filter((g) => g.units.length > 0)
            .map((g) => `${g.groupName}：${g.units.map((u) => `${u.unitName}（全年${formatPoints(u.total)}分，第${u.rank}名）`).join('、')}。`),
          fill(t.advancedPersons, { 先进个人数: advancedPersons.length, 年度: s.period.year }),
          advancedPersons.map((p) => `${p.name}（${p.unitName}，${p.itemIds.length}条信息得分，计${formatPoints(p.total)}分）`).join('、') +
            (advancedPersons.length > 0 ? '。' : '（无）'),
        ],
      },
      { key: 'praise', heading: heading(2, '通报表扬'), paragraphs: praise.length > 0 ? [t.praise, ...praise] : [fill(t.noPraise, v)] },
      { key: 'criticise', heading: heading(3, '通报批评'), paragraphs: criticiseParagraphs(settings, c, label) },
      { key: 'problems', heading: heading(4, '存在问题'), paragraphs: problemParagraphs(settings, c, label, cmp) },
      { key: 'nextSteps', heading: heading(5, '下一步要求'), paragraphs: t.nextSteps.split('\n').filter((x) => x.trim() !== '') },
    ],
    ...closing(settings, date, s.period),
    advancedUnits,
    advancedPersons,
  };
}

/**
 * 短信通知: one line per unit for the office's SMS group-send system (docs/计分表与通报稿.md §3): the unit's 联系电话
 * and 信息员 from the roster, then the text; while the quarter is not locked its scores are 暂定 and the text says so.
 */
export function smsLines(
  settings: Settings,
  s: PeriodScores,
  roster: readonly { id: number; contact: string; phone: string }[] = [],
  locked = true,
): string[] {
  const label = periodLabel(s.period);
  const who = new Map(roster.map((u) => [u.id, u]));
  return s.groups.flatMap((g) =>
    g.units.map((u) => {
      const text = fill(settings.templates.sms, { 前缀: settings.smsPrefix, 单位: u.unitName, 期间: label, 得分: formatPoints(u.total), 分组: g.name, 排名: u.rank });
      const note = locked ? '' : fill(settings.templates.smsProvisional, { 期间: label });
      const r = who.get(u.unitId);
      return `${r?.phone ?? ''}\t${r?.contact ?? ''}\t${text}${note}`;
    }),
  );
}
