// Turns sheet rows into typed records. Every bad cell becomes a problem naming sheet · row · column · value · reason.
import type { AdoptionForm, InstructionForm, ItemKind, RequestOutcome } from '../../shared/domain';
import { dateOutsideLedger, toIsoDate, toIsoMonth } from '../../shared/dates';
import { LEDGER_YEARS } from '../../shared/field-limits';
import { createHash } from 'node:crypto';
import { cleanText, splitList, toHalfWidth, unitNameKey } from '../../shared/text';
import { Vocabulary } from '../../shared/vocabulary';
import { displayOf, UNREADABLE, type CellRead } from './cells';
import type { SheetRow } from './read-sheet';
import { LIMITS } from './limits';
import type { SheetDef } from './sheets';

export interface Problem {
  sheet: string;
  row: number | null;
  column: string;
  value: string;
  reason: string;
}

export interface UnitRec {
  row: number;
  name: string;
  group: string;
  aliases?: string[];
  contact?: string;
  phone?: string;
  order?: number;
  activeFrom?: string;
  activeUntil?: string;
}
export interface ItemRec {
  row: number;
  no: string;
  date: string;
  unit: string;
  title: string;
  kinds?: ItemKind[];
  authors?: string[];
  note?: string;
  /** the category key; null = 无 (none); undefined = not given */
  category?: string | null;
  /** 合报: the other units' names; [] = 无 */
  jointUnits?: string[];
  /** 正文; undefined = not given (unchanged) */
  body?: string;
}
export interface AdoptionRec {
  row: number;
  itemNo: string;
  publication: string;
  form: AdoptionForm;
  date: string;
  issueNo?: string;
  note?: string;
}
export interface InstructionRec {
  row: number;
  itemNo: string;
  level: string;
  form: InstructionForm;
  date: string;
  leader?: string;
  note?: string;
}
export interface RequestRec {
  row: number;
  no: string;
  issuer: string;
  topic: string;
  issued?: string;
  deadline: string;
  unit: string;
  outcome: RequestOutcome;
  itemNo?: string;
  note?: string;
}
export interface EventRec {
  row: number;
  date: string;
  unit: string;
  kind: string;
  quantity: number;
  note: string;
}

/**
 * The 编号 of an item from a ledger that has none: the same unit, date and title (spacing, full-width forms and
 * punctuation aside) always give the same key, so importing the same ledger twice adds nothing.
 */
export function derivedItemNo(unit: string, date: string, title: string): string {
  const normTitle = toHalfWidth(title).replace(/[\s\p{P}\p{S}]/gu, '');
  const hash = createHash('sha1').update([unitNameKey(unit), date, normTitle].join('\u0000')).digest('hex').slice(0, 8);
  return `T${date.replace(/-/g, '')}-${hash}`;
}

/** Reads one row's cells against its sheet definition, collecting problems. */
export class RowReader {
  ok = true;
  constructor(
    private readonly def: Pick<SheetDef, 'name' | 'columns'>,
    private readonly row: SheetRow,
    private readonly problems: Problem[],
  ) {}

  private header(key: string): string {
    return this.def.columns.find((c) => c.key === key)!.header;
  }

  fail(key: string, reason: string): undefined {
    this.ok = false;
    this.problems.push({
      sheet: this.def.name,
      row: this.row.row,
      column: this.header(key),
      value: displayOf(this.cell(key)),
      reason,
    });
    return undefined;
  }

  cell(key: string): CellRead {
    return this.row.cells[key] ?? { kind: 'empty' };
  }

  has(key: string): boolean {
    return key in this.row.cells;
  }

  /** Text of a cell; undefined when empty (an error when required) or unreadable. */
  text(key: string, required = false, max?: number): string | undefined {
    const c = this.cell(key);
    switch (c.kind) {
      case 'empty':
        return required ? this.fail(key, '必填，不能为空') : undefined;
      case 'image':
        return this.fail(key, '单元格里是图片（WPS 嵌入图片），不能作为文字导入，请改为文字');
      case 'error':
        if (c.code === UNREADABLE) return this.fail(key, '单元格内容结构异常，无法读取，请在 WPS 或 Excel 中重新输入这个单元格');
        return this.fail(key, `单元格是错误值 ${c.code}，请修正公式或改为文字`);
      case 'formula-without-result':
        return this.fail(key, '公式没有计算结果，请在 Excel 或 WPS 中打开并保存后再导入，或改为文字');
      case 'text': {
        const chars = c.chars ?? c.text.length;
        const limit = max ?? this.def.columns.find((d) => d.key === key)?.maxChars ?? LIMITS.cellChars;
        if (chars > limit) return this.fail(key, `内容有 ${chars} 个字，超过 ${limit} 字的上限，请改短`);
        return c.text;
      }
    }
  }

  /** Text of several paragraphs (正文): its line breaks kept, each line cleaned like any cell. */
  paragraphs(key: string, limit: number): string | undefined {
    const c = this.cell(key);
    if (c.kind !== 'text') return this.text(key);
    const raw = typeof c.raw === 'string' ? c.raw : c.text;
    const t = raw.replace(/\r\n?/g, '\n').split('\n').map(cleanText).join('\n').replace(/\n{3,}/g, '\n\n').trim();
    if (t.length > limit) return this.fail(key, `内容有 ${t.length} 个字，超过 ${limit} 字的上限`);
    return t;
  }

  date(key: string, required = false): string | undefined {
    const c = this.cell(key);
    if (c.kind !== 'text') return this.text(key, required);
    if (c.chars !== undefined) return this.text(key, required);
    const iso = toIsoDate(c.raw);
    if (iso) return iso;
    const outside = dateOutsideLedger(c.raw);
    if (outside)
      return this.fail(key, `${outside} 超出台账能记录的年份（${LEDGER_YEARS.first} 至 ${LEDGER_YEARS.last} 年），请核对年份后再导入`);
    return this.fail(key, '不是有效日期，请写成 2019-04-03、2019/4/3、2019.4.3 或 2019年4月3日');
  }

  month(key: string): string | undefined {
    const c = this.cell(key);
    if (c.kind !== 'text') return this.text(key);
    return toIsoMonth(c.raw) ?? this.fail(key, '不是有效月份，请写成 2019-04');
  }

  positiveInt(key: string, fallback: number | undefined): number | undefined {
    const t = this.text(key);
    if (t === undefined) return fallback;
    const n = Number(t);
    if (!Number.isInteger(n) || n < 1 || n > 10000) return this.fail(key, '应为 1 至 10000 之间的整数');
    return n;
  }

  list(key: string): string[] | undefined {
    const t = this.text(key);
    return t === undefined ? undefined : splitList(t);
  }
}

export interface Parsed {
  units: UnitRec[];
  items: ItemRec[];
  adoptions: AdoptionRec[];
  instructions: InstructionRec[];
  requests: RequestRec[];
  events: EventRec[];
}

type Parser<T> = (r: RowReader, row: number, vocab: Vocabulary) => T | undefined;

export const PARSERS: { [K in keyof Parsed]: Parser<Parsed[K][number]> } = {
  units(r, row, vocab) {
    const name = r.text('name', true);
    const groupText = r.text('group', true);
    const group = groupText === undefined ? undefined : vocab.group(groupText);
    if (groupText !== undefined && group === undefined)
      r.fail('group', `没有这个类别，应为：${vocab.groups.list()}`);
    const rec: UnitRec = {
      row,
      name: name ?? '',
      group: group ?? '',
      aliases: r.list('aliases'),
      contact: r.text('contact'),
      phone: r.text('phone'),
      order: r.positiveInt('order', undefined),
      activeFrom: r.month('activeFrom'),
      activeUntil: r.month('activeUntil'),
    };
    if (rec.activeFrom && rec.activeUntil && rec.activeUntil <= rec.activeFrom)
      r.fail('activeUntil', '停用月份应晚于启用月份');
    return r.ok ? rec : undefined;
  },
  items(r, row, vocab) {
    const kindsText = r.list('kinds');
    const kinds = kindsText === undefined ? undefined : Vocabulary.itemKinds(kindsText);
    if (kinds === null) r.fail('kinds', '类型只能是 一般、调研、专报（多个用“、”分隔）');
    const categoryText = r.text('category');
    const none = (t: string): boolean => t.trim() === '无' || t.trim() === '一般';
    let category: string | null | undefined;
    if (categoryText !== undefined) {
      category = none(categoryText) ? null : vocab.categories.find(categoryText);
      if (category === undefined)
        r.fail(
          'category',
          vocab.categories.names.size > 0
            ? `规则中没有这个信息类别，应为：${vocab.categories.list()}，或“无”`
            : '现行规则没有信息类别，请留空',
        );
    }
    const joint = r.list('jointUnits');
    const rec: ItemRec = {
      row,
      no: r.has('no') ? (r.text('no', true) ?? '') : '',
      date: r.date('date', true) ?? '',
      unit: r.text('unit', true) ?? '',
      title: r.text('title', true) ?? '',
      kinds: kinds ?? undefined,
      authors: r.list('authors'),
      note: r.text('note'),
      category,
      jointUnits: joint === undefined ? undefined : joint.filter((u) => !none(u)),
      body: r.paragraphs('body', LIMITS.bodyChars),
    };
    if (r.ok && !r.has('no')) rec.no = derivedItemNo(rec.unit, rec.date, rec.title);
    return r.ok ? rec : undefined;
  },
  adoptions(r, row, vocab) {
    const pubText = r.text('publication', true);
    const publication = pubText === undefined ? undefined : vocab.publications.find(pubText);
    if (pubText !== undefined && publication === undefined)
      r.fail('publication', `规则中没有这个刊物，应为：${vocab.publications.list()}`);
    const form = Vocabulary.adoptionForm(r.text('form') ?? '');
    if (form === undefined) r.fail('form', '形式只能是 单篇、综合、简讯（空白为单篇）');
    const rec: AdoptionRec = {
      row,
      itemNo: r.text('itemNo', true) ?? '',
      publication: publication ?? '',
      form: form ?? 'single',
      date: r.date('date', true) ?? '',
      issueNo: r.text('issueNo'),
      note: r.text('note'),
    };
    return r.ok ? rec : undefined;
  },
  instructions(r, row, vocab) {
    const levelText = r.text('level', true);
    const level = levelText === undefined ? undefined : vocab.level(levelText);
    if (levelText !== undefined && level === undefined)
      r.fail('level', `没有这个批示级别，应为：${vocab.levels.list()}，或 ★★★★/★★★/★★/★`);
    const form = Vocabulary.instructionForm(r.text('form') ?? '');
    if (form === undefined) r.fail('form', '形式只能是 单篇、综合（空白为单篇）');
    const rec: InstructionRec = {
      row,
      itemNo: r.text('itemNo', true) ?? '',
      level: level ?? '',
      form: form ?? 'single',
      date: r.date('date', true) ?? '',
      leader: r.text('leader'),
      note: r.text('note'),
    };
    return r.ok ? rec : undefined;
  },
  requests(r, row, vocab) {
    const issuerText = r.text('issuer', true);
    const issuer = issuerText === undefined ? undefined : vocab.issuers.find(issuerText);
    if (issuerText !== undefined && issuer === undefined)
      r.fail('issuer', `没有这个约稿方，应为：${vocab.issuers.list()}`);
    const outcomeText = r.text('outcome', true);
    const outcome = outcomeText === undefined ? undefined : Vocabulary.outcome(outcomeText);
    if (outcomeText !== undefined && outcome === undefined)
      r.fail('outcome', '完成情况只能是 已完成、已说明、未完成、待报');
    const rec: RequestRec = {
      row,
      no: r.text('no', true) ?? '',
      issuer: issuer ?? '',
      topic: r.text('topic', true) ?? '',
      issued: r.date('issued'),
      deadline: r.date('deadline', true) ?? '',
      unit: r.text('unit', true) ?? '',
      outcome: outcome ?? 'pending',
      itemNo: r.text('itemNo'),
      note: r.text('note'),
    };
    if (rec.issued && rec.deadline && rec.deadline < rec.issued) r.fail('deadline', '截止日期早于下发日期');
    return r.ok ? rec : undefined;
  },
  events(r, row, vocab) {
    const kindText = r.text('kind', true);
    const kind = kindText === undefined ? undefined : vocab.eventKinds.find(kindText);
    if (kindText !== undefined && kind === undefined)
      r.fail('kind', `规则中没有这个事项，应为：${vocab.eventKinds.list()}`);
    const rec: EventRec = {
      row,
      date: r.date('date', true) ?? '',
      unit: r.text('unit', true) ?? '',
      kind: kind ?? '',
      quantity: r.positiveInt('quantity', 1) ?? 1,
      note: r.text('note') ?? '',
    };
    return r.ok ? rec : undefined;
  },
};
