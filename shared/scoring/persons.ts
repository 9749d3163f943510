// 先进个人 (docs/计分规则说明.md §7): a person's score is the adoption and instruction gains of the items they authored;
// each author of a shared item gets the full gain [decision]. Built from the unit scores' lines, so the two agree.
// A 合报 item's authors take their own unit's share; an author of none of its units, the lead unit's.
import type { Facts } from '../domain';
import { competitionRanks } from './clauses';
import { addPoints } from './points';
import type { PeriodScores, PersonScore } from './types';

export function personScores(facts: Facts, scores: PeriodScores): PersonScore[] {
  const items = new Map(facts.items.map((i) => [i.id, i]));
  const persons = new Map(facts.persons.map((p) => [p.id, p]));
  const unitNames = new Map(facts.units.map((u) => [u.id, u.name]));
  const acc = new Map<number, PersonScore>();
  for (const g of scores.groups)
    for (const u of g.units)
      for (const line of u.lines) {
        if ((line.category !== 'adoption' && line.category !== 'instruction') || line.itemId === undefined) continue;
        if (line.points === 0) continue;
        const item = items.get(line.itemId);
        const jointUnits = item?.jointUnitIds?.length ? [item.unitId, ...item.jointUnitIds] : null;
        for (const personId of item?.authorIds ?? []) {
          const person = persons.get(personId);
          if (!person) continue;
          if (jointUnits) {
            const creditedUnit = jointUnits.includes(person.unitId) ? person.unitId : item!.unitId;
            if (creditedUnit !== u.unitId) continue;
          }
          let s = acc.get(personId);
          if (!s) {
            s = {
              personId,
              name: person.name,
              unitId: person.unitId,
              unitName: unitNames.get(person.unitId) ?? '',
              adoption: 0,
              instruction: 0,
              total: 0,
              rank: 0,
              itemIds: [],
            };
            acc.set(personId, s);
          }
          if (line.category === 'adoption') s.adoption = addPoints(s.adoption, line.points);
          else s.instruction = addPoints(s.instruction, line.points);
          s.total = addPoints(s.total, line.points);
          if (!s.itemIds.includes(line.itemId)) s.itemIds.push(line.itemId);
        }
      }
  const sorted = [...acc.values()].sort((a, b) => b.total - a.total || a.unitId - b.unitId || a.personId - b.personId);
  const ranks = competitionRanks(sorted.map((s) => s.total));
  return sorted.map((s, i) => ({ ...s, rank: ranks[i]! }));
}
