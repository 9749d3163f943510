// Typing a unit's pinyin initials and Enter picks the first of the list: the exact initials must come first, then
// initials that begin with what was typed, then names containing it, then looser pinyin matches.
import { describe, expect, it } from 'vitest';
import { rankUnits, unitRank } from '../../renderer/src/pinyin';

const unit = (name: string, aliases: string[] = []) => ({ name, aliases });
// roster order as the sample roster has it: the looser matches come first
const ROSTER = [
  unit('区市场监督管理局', ['市场监管局']),
  unit('区行政审批服务局', ['审批局']),
  unit('区退役军人事务局'),
  unit('区审计局'),
  unit('区司法局'),
  unit('区发展和改革委员会', ['发改委']),
];

describe('unit search ranking', () => {
  it('sjj: 区审计局 (its initials) before units that only contain the letters', () => {
    expect(unitRank(ROSTER[3]!, 'sjj')).toBe(0);
    expect(unitRank(ROSTER[0]!, 'sjj')).toBe(3);
    expect(rankUnits(ROSTER, 'sjj')[0]!.name).toBe('区审计局');
  });

  it('exact > initials prefix > name or alias substring > loose pinyin', () => {
    expect(unitRank(ROSTER[4]!, 'sf')).toBe(1); // sfj begins with sf
    expect(unitRank(ROSTER[1]!, '审批')).toBe(2);
    expect(unitRank(ROSTER[5]!, 'fgw')).toBe(0); // the alias 发改委's initials
    expect(unitRank(ROSTER[5]!, 'fazhan')).toBe(3);
    expect(unitRank(ROSTER[2]!, 'xyz')).toBeNull();
    expect(rankUnits(ROSTER, 'sf').map((u) => u.name)[0]).toBe('区司法局');
  });

  it('equal matches keep the roster order', () => {
    expect(rankUnits(ROSTER, '局').map((u) => u.name)).toEqual(['区市场监督管理局', '区行政审批服务局', '区退役军人事务局', '区审计局', '区司法局']);
  });
});
