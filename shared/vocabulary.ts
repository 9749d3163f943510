// Names → keys for everything a rule set names (groups, publications, instruction levels, request issuers, event
// kinds), across all rule sets, plus the fixed vocabularies. Used by imports and by the UI's pickers.
import { UNSCORED_GROUP, type AdoptionForm, type InstructionForm, type ItemKind, type RequestOutcome } from './domain';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, REQUEST_OUTCOME_LABEL, UNSCORED_GROUP_NAME } from './labels';
import type { RuleSet } from './rules/schema';
import { vocabKey } from './text';

interface Named {
  key: string;
  name: string;
  aliases: string[];
}

class Lookup {
  private readonly map = new Map<string, string>();
  /** display name of each key, from the newest rule set that has it */
  readonly names = new Map<string, string>();

  add(entries: readonly Named[]): void {
    for (const e of entries) {
      this.names.set(e.key, e.name);
      for (const n of [e.name, ...e.aliases]) {
        const k = vocabKey(n);
        if (!this.map.has(k)) this.map.set(k, e.key);
      }
    }
  }

  find(text: string): string | undefined {
    return this.map.get(vocabKey(text));
  }

  list(): string {
    return [...this.names.values()].join('、');
  }
}

export class Vocabulary {
  readonly groups = new Lookup();
  readonly publications = new Lookup();
  readonly levels = new Lookup();
  readonly issuers = new Lookup();
  readonly eventKinds = new Lookup();
  /** the rule sets' item categories (要情、图片信息 …) */
  readonly categories = new Lookup();
  private readonly starsToLevel = new Map<number, string>();

  /** `ruleSets` oldest first: names of newer rule sets win for display. */
  constructor(ruleSets: readonly RuleSet[]) {
    for (const r of ruleSets) {
      this.groups.add(r.groups);
      this.publications.add(r.publications);
      this.levels.add(r.instructionLevels);
      this.issuers.add(r.requestIssuers);
      this.eventKinds.add(r.eventKinds);
      this.categories.add(r.categories);
      for (const l of r.instructionLevels) this.starsToLevel.set(l.stars, l.key);
    }
    this.groups.add([{ key: UNSCORED_GROUP, name: UNSCORED_GROUP_NAME, aliases: ['不参与计分', '不排名'] }]);
  }

  group(text: string): string | undefined {
    return this.groups.find(text);
  }

  /** 批示级别: a name (国办/省/市/区) or stars (★★★★ …) */
  level(text: string): string | undefined {
    const t = text.replace(/\s/g, '');
    if (/^[★☆]+$/.test(t)) return this.starsToLevel.get(t.length);
    return this.levels.find(t);
  }

  static adoptionForm(text: string): AdoptionForm | undefined {
    if (text.trim() === '') return 'single';
    return fromLabels(ADOPTION_FORM_LABEL, text, { 单篇采用: 'single', 整篇: 'single', 综合采用: 'combined' });
  }

  static instructionForm(text: string): InstructionForm | undefined {
    if (text.trim() === '') return 'single';
    return fromLabels(INSTRUCTION_FORM_LABEL, text, {});
  }

  static outcome(text: string): RequestOutcome | undefined {
    return fromLabels(REQUEST_OUTCOME_LABEL, text, { 完成: 'done', 已报: 'done', 说明: 'explained', 未报: 'missed', 未完成报送: 'missed', 待定: 'pending', 未到期: 'pending' });
  }

  /** 类型: 一般 / 调研 / 专报, several joined by 、; 一般 alone = no kinds */
  static itemKinds(parts: readonly string[]): ItemKind[] | null {
    const kinds = new Set<ItemKind>();
    for (const p of parts) {
      const t = vocabKey(p);
      if (t === '一般' || t === '') continue;
      else if (t === '调研' || t === '调研类' || t === '调研信息') kinds.add('research');
      else if (t === '专报' || t === '市专报' || t === '专报信息') kinds.add('special');
      else return null;
    }
    return [...kinds].sort();
  }
}

function fromLabels<K extends string>(labels: Record<K, string>, text: string, extra: Record<string, K>): K | undefined {
  const t = vocabKey(text);
  for (const [k, v] of Object.entries(labels) as [K, string][]) if (v === t) return k;
  return extra[t];
}
