// Each rule the model gained for other districts (docs/规则文件.md), alone: categories, forwarded multiples,
// per-publication 批示 bonus, 合报 shares, 约稿 completion, base grant and pass line, exact tenths.
import { describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import {
  categorySchema,
  instructionLevelSchema,
  parseRuleSet,
  publicationSchema,
  requestIssuerSchema,
  requirementSchema,
  baseGrantSchema,
} from '../../../shared/rules/schema';
import {
  addPoints,
  adoptionPoints,
  applyFloor,
  baseGrantPoints,
  belowPassLine,
  categoryAdoptionPoints,
  categoryFactorPoints,
  combinedValue,
  formatPoints,
  forwardedPoints,
  jointShare,
  publicationInstructionPoints,
  requestDonePoints,
  requestMissPenalty,
  researchPoints,
  sumPoints,
  timesPoints,
} from '../../../shared/scoring';

const daily = publicationSchema.parse({
  key: 'daily',
  name: '每日要情',
  level: 'city',
  points: { single: 3, combined: 1.5, brief: 1 },
  instructionPoints: { city: { single: 10, combined: 5 } },
});
const special = publicationSchema.parse({
  key: 'special',
  name: '信息专报',
  level: 'city',
  points: { single: 10, combined: 5, brief: 5 },
  categoryPoints: { research_piece: { single: 20, combined: 10, brief: 10 } },
  instructionPoints: { city: { single: 20, combined: 10 } },
});
const province = publicationSchema.parse({
  key: 'province',
  name: '省政府办公厅采用',
  level: 'province',
  points: { single: 10, combined: 5, brief: 3 },
  multiplier: 2,
});
const picture = categorySchema.parse({ key: 'picture', name: '图片信息', factor: 0.5 });
const research = categorySchema.parse({ key: 'research_piece', name: '调研类' });
const cityLevel = instructionLevelSchema.parse({ key: 'city', name: '市', stars: 2, points: { single: 8, combined: 4 } });
const provinceLevel = instructionLevelSchema.parse({
  key: 'province',
  name: '省',
  stars: 3,
  points: { single: 30, combined: 15 },
});

describe('exact tenths', () => {
  it('adds 0.1 + 0.2 to 0.3 exactly and keeps one decimal', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // why the tenths are needed
    expect(addPoints(0.1, 0.2)).toBe(0.3);
    expect(sumPoints([0.1, 0.1, 0.1, -0.3])).toBe(0);
    expect(Object.is(sumPoints([0.5, -0.5]), 0)).toBe(true); // never −0
    expect(timesPoints(0.1, 3)).toBe(0.3);
    expect(timesPoints(-0.5, 7)).toBe(-3.5);
    // 1.5 × 0.5 = 0.75 → half up to 0.8
    expect(timesPoints(1.5, 0.5)).toBe(0.8);
    expect(formatPoints(135.4)).toBe('135.4');
    expect(formatPoints(135)).toBe('135');
    expect(formatPoints(addPoints(0.1, 0.2))).toBe('0.3');
  });

  it('floors with decimals exactly: 2.5 positive, 3.1 floored, 0.2 unfloored → 0 − 0.2', () => {
    expect(applyFloor(2.5, 3.1, 0.2)).toEqual({ total: -0.2, floorAdjust: 0.6 });
  });

  it('sums adoptions exactly in sum mode', () => {
    expect(combinedValue([0.1, 0.2, 1.5], 'sum')).toBe(1.8);
  });

  it('rejects rule values with more than one decimal, naming the field', () => {
    const bad = parseRuleSet({
      ...LAIWU_2019,
      publications: [{ ...LAIWU_2019.publications[0], points: { single: 10.25, combined: 5, brief: 5 } }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join()).toContain('publications.0.points.single');
  });
});

describe('item categories', () => {
  it('a category condition is a category quota (≥ 8 要情 a month)', () => {
    const req = requirementSchema.parse({
      name: '要情动态',
      window: 'month',
      conditions: [{ kind: 'short', min: 8 }],
      points: 5,
      award: 'each_month',
    });
    expect(researchPoints(req, { short: 8 })).toBe(5);
    expect(researchPoints(req, { short: 7 })).toBe(0);
    expect(researchPoints(req, {})).toBe(0); // no item of the category at all
  });

  it('adoption points depend on the category where the publication names it', () => {
    expect(categoryAdoptionPoints(special, 'single', 'research_piece')).toBe(20);
    expect(categoryAdoptionPoints(special, 'single', undefined)).toBe(10);
    expect(categoryAdoptionPoints(special, 'single', 'picture')).toBe(10); // not named: the plain points
    expect(adoptionPoints(special, 'brief', research)).toBe(10);
  });

  it('a picture item is worth half: 3 × 0.5 = 1.5, 1.5 × 0.5 = 0.75 → 0.8', () => {
    expect(categoryFactorPoints(picture, 3)).toBe(1.5);
    expect(adoptionPoints(daily, 'single', picture)).toBe(1.5);
    expect(adoptionPoints(daily, 'combined', picture)).toBe(0.8);
    expect(categoryFactorPoints(undefined, 3)).toBe(3);
  });

  it('a condition naming no kind or category of the rule set is refused', () => {
    const bad = parseRuleSet({
      ...LAIWU_2019,
      groups: [
        {
          ...LAIWU_2019.groups[0],
          requirements: [{ name: 'x', window: 'month', conditions: [{ kind: 'short', min: 1 }], points: 1, award: 'once' }],
        },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join()).toContain('不是调研（research）、专报（special），也不是本规则集的信息类别');
  });

  it('a category may not take the keys of 调研 and 专报', () => {
    expect(categorySchema.safeParse({ key: 'research', name: '调研' }).success).toBe(false);
  });
});

describe('forwarded items: a multiple of the upper office points', () => {
  it('twice the provincial points: 10 × 2 = 20, 3 × 2 = 6', () => {
    expect(forwardedPoints(province, 10)).toBe(20);
    expect(adoptionPoints(province, 'single')).toBe(20);
    expect(adoptionPoints(province, 'brief')).toBe(6);
  });

  it('with a picture item: 10 × 2 × 0.5 = 10', () => {
    expect(adoptionPoints(province, 'single', picture)).toBe(10);
  });

  it('a plain publication keeps its points (multiplier 1)', () => {
    expect(forwardedPoints(daily, 3)).toBe(3);
  });
});

describe('批示 bonus by the publication that adopted the item', () => {
  it('日报 +10, 专报 +20; the highest where both adopted it', () => {
    expect(publicationInstructionPoints(cityLevel, 'single', [daily]).points).toBe(10);
    expect(publicationInstructionPoints(cityLevel, 'single', [special]).points).toBe(20);
    const both = publicationInstructionPoints(cityLevel, 'single', [daily, special]);
    expect(both).toEqual({ points: 20, publication: special });
    expect(publicationInstructionPoints(cityLevel, 'combined', [daily]).points).toBe(5);
  });

  it("the level's own points when no adopting publication names the level, or the item was not adopted", () => {
    expect(publicationInstructionPoints(provinceLevel, 'single', [daily, special])).toEqual({ points: 30, publication: null });
    expect(publicationInstructionPoints(cityLevel, 'single', [])).toEqual({ points: 8, publication: null });
    expect(publicationInstructionPoints(cityLevel, 'single', [province]).points).toBe(8);
  });

  it('an unknown level names no points', () => {
    expect(publicationInstructionPoints(undefined, 'single', [daily]).points).toBe(0);
  });
});

describe('合报 shares', () => {
  it('even: 10 among 3 units is 3.4, 3.3, 3.3 — the odd tenth to the lead', () => {
    // 100 tenths / 3 = 33 each, 1 tenth left → the lead (position 0)
    expect([0, 1, 2].map((p) => jointShare(10, 'even', p, 3))).toEqual([3.4, 3.3, 3.3]);
    expect(sumPoints([0, 1, 2].map((p) => jointShare(10, 'even', p, 3)))).toBe(10);
    // 20 tenths... 2 points among 3: 20 / 3 = 6 each, 2 left → 0.7, 0.7, 0.6
    expect([0, 1, 2].map((p) => jointShare(2, 'even', p, 3))).toEqual([0.7, 0.7, 0.6]);
    expect(jointShare(5, 'even', 1, 2)).toBe(2.5);
  });

  it('full: each unit the full points; lead: the lead unit only', () => {
    expect([0, 1].map((p) => jointShare(10, 'full', p, 2))).toEqual([10, 10]);
    expect([0, 1].map((p) => jointShare(10, 'lead', p, 2))).toEqual([10, 0]);
  });

  it('an item of one unit is not split', () => {
    expect(jointShare(10, 'even', 0, 1)).toBe(10);
  });

  it('a larger value never gives a smaller share (so gains over periods stay ≥ 0)', () => {
    for (let t = 0; t < 60; t++)
      for (let p = 0; p < 3; p++)
        expect(jointShare((t + 1) / 10, 'even', p, 3)).toBeGreaterThanOrEqual(jointShare(t / 10, 'even', p, 3));
  });
});

describe('约稿 completion', () => {
  const issuer = requestIssuerSchema.parse({ key: 'city_office', name: '市政府办公厅', missPoints: -5, donePoints: 5 });

  it('a delivered piece earns the completion points; other outcomes none', () => {
    expect(requestDonePoints(issuer, 'done')).toBe(5);
    expect(requestDonePoints(issuer, 'explained')).toBe(0);
    expect(requestDonePoints(issuer, 'missed')).toBe(0);
    expect(requestMissPenalty(issuer, 'missed')).toBe(-5);
  });

  it('莱芜区2019 gives none (the default)', () => {
    expect(LAIWU_2019.requestIssuers.map((i) => requestDonePoints(i, 'done'))).toEqual([0, 0]);
  });
});

describe('base grant and pass line', () => {
  const grant = baseGrantSchema.parse({ window: 'quarter', points: 6, passLine: 6 });

  it('grants 6 and names a score under 6 as not meeting the standard', () => {
    expect(baseGrantPoints(grant)).toBe(6);
    expect(belowPassLine(grant, 5.9)).toBe(true);
    expect(belowPassLine(grant, 6)).toBe(false);
    expect(belowPassLine(grant, addPoints(5.7, 0.3))).toBe(false);
  });

  it('no grant, or no pass line: nothing below standard', () => {
    expect(baseGrantPoints(null)).toBe(0);
    expect(belowPassLine(null, -10)).toBe(false);
    expect(belowPassLine(baseGrantSchema.parse({ window: 'quarter', points: 6 }), 0)).toBe(false);
  });
});

describe('莱芜区2019 keeps its meaning under the new defaults', () => {
  it('no categories, whole-point multipliers, 合报 to the lead only', () => {
    expect(LAIWU_2019.categories).toEqual([]);
    expect(LAIWU_2019.publications.every((p) => p.multiplier === 1)).toBe(true);
    expect(LAIWU_2019.jointSplit).toBe('lead');
    expect(LAIWU_2019.groups.every((g) => g.baseGrant === null)).toBe(true);
  });
});
