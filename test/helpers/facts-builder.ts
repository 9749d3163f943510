// Builds engine facts by hand for unit tests: readable fixtures, no database.
import type {
  AdoptionForm,
  Facts,
  InstructionForm,
  ItemKind,
  RequestOutcome,
  UnitFact,
} from '../../shared/domain';

export class FactsBuilder {
  readonly facts: Facts = {
    units: [],
    persons: [],
    items: [],
    adoptions: [],
    instructions: [],
    requestTargets: [],
    events: [],
  };
  private nextId = 1;

  unit(name: string, group: string, opts: Partial<Pick<UnitFact, 'activeFrom' | 'activeUntil'>> = {}): number {
    const id = this.nextId++;
    this.facts.units.push({
      id,
      name,
      group,
      sortOrder: this.facts.units.length + 1,
      activeFrom: opts.activeFrom ?? null,
      activeUntil: opts.activeUntil ?? null,
    });
    return id;
  }

  person(name: string, unitId: number): number {
    const id = this.nextId++;
    this.facts.persons.push({ id, name, unitId });
    return id;
  }

  item(unitId: number, date: string, kinds: ItemKind[] = [], authorIds: number[] = [], title?: string): number {
    const id = this.nextId++;
    this.facts.items.push({ id, no: `X${id}`, unitId, date, title: title ?? `信息${id}`, kinds, authorIds });
    return id;
  }

  /** An item with a category of the rule set and/or 合报 units (the first unit is the lead). */
  itemWith(
    unitId: number,
    date: string,
    opts: { kinds?: ItemKind[]; category?: string; jointUnitIds?: number[]; authorIds?: number[]; title?: string },
  ): number {
    const id = this.item(unitId, date, opts.kinds ?? [], opts.authorIds ?? [], opts.title);
    const item = this.facts.items[this.facts.items.length - 1]!;
    if (opts.category !== undefined) item.category = opts.category;
    if (opts.jointUnitIds !== undefined) item.jointUnitIds = opts.jointUnitIds;
    return id;
  }

  /** `count` items on `date`; the first `research` are 调研 and the next `special` are 专报. */
  items(unitId: number, date: string, count: number, research = 0, special = 0): number[] {
    return Array.from({ length: count }, (_, i) => {
      const kinds: ItemKind[] = i < research ? ['research'] : i < research + special ? ['special'] : [];
      return this.item(unitId, date, kinds);
    });
  }

  adopt(itemId: number, publication: string, form: AdoptionForm, date: string): number {
    const id = this.nextId++;
    this.facts.adoptions.push({ id, itemId, publication, form, date, issueNo: '' });
    return id;
  }

  instruct(itemId: number, level: string, form: InstructionForm, date: string): number {
    const id = this.nextId++;
    this.facts.instructions.push({ id, itemId, level, form, date, leader: '' });
    return id;
  }

  request(issuer: string, deadline: string, targets: { unitId: number; outcome: RequestOutcome }[]): number {
    const requestId = this.nextId++;
    for (const t of targets)
      this.facts.requestTargets.push({
        id: this.nextId++,
        requestId,
        requestNo: `YG${requestId}`,
        issuer,
        topic: `约稿${requestId}`,
        deadline,
        unitId: t.unitId,
        outcome: t.outcome,
        itemId: null,
      });
    return requestId;
  }

  event(unitId: number, date: string, kind: string, quantity = 1): number {
    const id = this.nextId++;
    this.facts.events.push({ id, unitId, date, kind, quantity, note: '' });
    return id;
  }
}
