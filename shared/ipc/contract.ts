// The IPC contract (docs/架构.md §3): every call the renderer may make, its arguments (zod, strict: extra
// fields are refused) and its result type. Main, the preload, the test bridge and the renderer all use this one list.
import { z } from 'zod';
import type { CircularFacts } from '../scoring/circular';
import type { PeriodScores, PersonScore } from '../scoring/types';
import type { CircularText } from '../outputs/circular-text';
import type { RuleSet } from '../rules/schema';
import type { Settings } from '../settings';
import { FIELD_LIMITS } from '../field-limits';
import { ITEM_BODY_MAX, type JournalState } from '../journal';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM');
const periodCode = z.string().regex(/^\d{4}(-\d{2}|Q[1-4])?$/, '期间应为 2019-04、2019Q2 或 2019');
const quarterCode = z.string().regex(/^\d{4}Q[1-4]$/, '季度应为 2019Q2 这样的格式');
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const name = z.string().trim().min(1, '不能为空').max(100, '不能超过 100 个字');
const kinds = z.array(z.enum(['research', 'special'])).max(2);
const none = z.object({}).strict();

const unitInput = z
  .object({
    id: id.optional(),
    name,
    group: z.string().min(1).max(40),
    aliases: z.array(name).max(20),
    contact: text(50),
    phone: text(50),
    sortOrder: z.number().int().min(0).max(100000).optional(),
    activeFrom: isoMonth.nullable(),
    activeUntil: isoMonth.nullable(),
    note: text(500),
  })
  .strict();

const itemInput = z
  .object({
    unitId: id,
    date: isoDate,
    title: z.string().trim().min(1, '标题不能为空').max(300, '标题不能超过 300 个字'),
    kinds,
    authors: z.array(name).max(20),
    note: text(500),
    no: text(40).optional(),
    /** the item's 信息类别 (a category key of the rule set in force on its date); null = none; absent = none when
     *  created, unchanged when updated */
    category: z.string().min(1).max(40).nullable().optional(),
    /** 合报: the other units of a joint item in order (the item's own unit leads); absent = as for `category` */
    jointUnitIds: z.array(id).max(20, '合报单位最多 20 个').optional(),
    /** 正文 as submitted; absent = empty when created, unchanged when updated */
    body: z.string().max(ITEM_BODY_MAX, `正文不能超过 ${ITEM_BODY_MAX} 个字`).optional(),
  })
  .strict();

const instructionInput = z
  .object({ itemId: id, level: z.string().min(1).max(40), form: z.enum(['single', 'combined']), date: isoDate, leader: text(50), note: text(500) })
  .strict();

const requestInput = z
  .object({
    issuer: z.string().min(1).max(40),
    topic: z.string().trim().min(1, '主题不能为空').max(200),
    issued: isoDate.nullable(),
    deadline: isoDate,
    unitIds: z.array(id).min(1, '请至少选择一个受约单位').max(500),
    note: text(500),
  })
  .strict();

const eventInput = z
  .object({ unitId: id, date: isoDate, kind: z.string().min(1).max(40), quantity: z.number().int().min(1).max(10000), note: text(500) })
  .strict();

const adoptionInput = z
  .object({
    itemId: id,
    publication: z.string().min(1).max(40),
    form: z.enum(['single', 'combined', 'brief']),
    date: isoDate,
    issueNo: text(40),
    note: text(500),
  })
  .strict();

const journalEntryInput = z
  .object({
    itemIds: z.array(id).min(1, '每篇稿件至少要有一条信息').max(30, '一篇综合最多合并 30 条信息'),
    form: z.enum(['single', 'combined', 'brief']),
    /** the edited title and text; '' prints the item's own */
    title: text(300),
    body: z.string().max(ITEM_BODY_MAX, `正文不能超过 ${ITEM_BODY_MAX} 个字`),
    editorNote: text(2000),
  })
  .strict();

/** A draft issue of a district publication as the 编刊 page (and `journal draft`) describes it. */
const journalDraftInput = z
  .object({
    /** the publication's key in the rule set in force on `date` */
    publication: z.string().min(1).max(40),
    date: isoDate,
    editorNote: text(4000),
    sections: z
      .array(z.object({ name: z.string().trim().min(1, '栏目名称不能为空').max(FIELD_LIMITS.journalSectionName), entries: z.array(journalEntryInput).max(200) }).strict())
      .max(30, '栏目最多 30 个'),
  })
  .strict();

/** One received file, as confirmed in the 收稿 preview. */
const receivedInput = z
  .object({
    /** the token of the preview row (the file the clerk chose) */
    token: z.string().min(1).max(100),
    unitId: id,
    date: isoDate,
    title: z.string().trim().min(1, '标题不能为空').max(300, '标题不能超过 300 个字'),
    body: z.string().max(ITEM_BODY_MAX),
  })
  .strict();

declare const RESULT: unique symbol;

/** A method's argument schema carrying its result type (a type only: at run time it is the zod schema itself). */
export type MethodSchema<S extends z.ZodType, R> = S & { readonly [RESULT]?: { result: R } };

/** `method(argumentSchema).returns<Result>()`: a method's arguments and its result, declared in one place. */
function method<S extends z.ZodType>(schema: S): { returns<R>(): MethodSchema<S, R> } {
  return { returns: <R>() => schema as MethodSchema<S, R> };
}

/** Every method: its arguments (validated by main before any handler runs) and the type of its result. */
export const METHODS = {
  'app:info': method(none).returns<AppInfo>(),
  'app:moveData': method(none).returns<{ file: string } | null>(),
  'app:startup': method(none).returns<StartupView>(),
  'app:startupCheck': method(none).returns<StartupView>(),
  /** 打开所在文件夹: shows a file the app has just written (an export, a backup) in the system's file manager */
  'app:showInFolder': method(z.object({ file: z.string().min(1).max(1000) }).strict()).returns<null>(),
  'app:recover': method(z.object({ name: z.string().min(1).max(200).optional() }).strict()).returns<{
    damagedCopy: string | null;
  } | null>(),
  /** the choice page (config.json unreadable, or the configured ledger missing): try the configured file again */
  'app:retryOpen': method(none).returns<StartupView>(),
  /** the choice page: the clerk picks the ledger file in a dialog; it is checked, opened and remembered */
  'app:chooseLedger': method(none).returns<StartupView | null>(),
  /** the choice page: a new, empty ledger (zwxx.db) in a folder the clerk picks, then remembered */
  'app:newLedger': method(none).returns<StartupView | null>(),
  'audit:list': method(
    z
      .object({
        entity: z.string().max(40).optional(),
        action: z.enum(['create', 'update', 'delete', 'restore']).optional(),
        source: z.string().max(40).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        text: z.string().trim().max(100).optional(),
        entityId: id.optional(),
        /** the rows of one grouped entry (an import): what the entry expands to */
        group: id.optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ).returns<{ total: number; rows: AuditRowView[]; sources: string[] }>(),
  'recycle:list': method(none).returns<RecycledView[]>(),
  'recycle:restore': method(
    z.object({ kind: z.enum(['items', 'adoptions', 'instructions', 'requests', 'events']), id }).strict(),
  ).returns<{ restored: number }>(),
  'units:list': method(none).returns<UnitView[]>(),
  'units:save': method(unitInput).returns<UnitView>(),
  'units:move': method(z.object({ id, direction: z.union([z.literal(-1), z.literal(1)]) }).strict()).returns<null>(),
  'units:importSample': method(none).returns<ImportReportView>(),
  'units:delete': method(z.object({ id }).strict()).returns<null>(),
  'items:list': method(
    z
      .object({
        month: isoMonth.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        unitId: id.optional(),
        group: z.string().max(40).optional(),
        kind: z.enum(['research', 'special', 'plain']).optional(),
        /** a 信息类别 key of the rule sets */
        category: z.string().min(1).max(40).optional(),
        /** only 合报 items */
        joint: z.boolean().optional(),
        adopted: z.enum(['yes', 'no']).optional(),
        q: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
  ).returns<{ total: number; rows: ItemView[] }>(),
  'items:get': method(z.object({ id }).strict()).returns<ItemDetailView>(),
  'items:create': method(itemInput).returns<ItemView>(),
  'items:createMany': method(z.object({ rows: z.array(itemInput).min(1).max(5000) }).strict()).returns<{
    created: number;
  }>(),
  'items:update': method(z.object({ id, item: itemInput }).strict()).returns<ItemView>(),
  'items:delete': method(z.object({ id }).strict()).returns<null>(),
  'items:similar': method(
    z.object({ unitId: id, title: z.string().max(300), date: isoDate, excludeId: id.optional() }).strict(),
  ).returns<{ id: number; no: string; title: string; date: string; similarity: number }[]>(),
  /** rows about to be saved together (粘贴多行): for each, the closest existing item of its unit, or null */
  'items:similarMany': method(
    z.object({ rows: z.array(z.object({ unitId: id, title: z.string().max(300), date: isoDate }).strict()).min(1).max(5000) }).strict(),
  ).returns<({ id: number; no: string; title: string; date: string; similarity: number } | null)[]>(),
  'adoptions:create': method(z.object({ list: z.array(adoptionInput).min(1).max(500) }).strict()).returns<{
    created: number;
  }>(),
  'adoptions:update': method(z.object({ id, adoption: adoptionInput }).strict()).returns<null>(),
  'adoptions:check': method(z.object({ list: z.array(adoptionInput).min(1).max(500), excludeId: id.optional() }).strict()).returns<string[]>(),
  'adoptions:issues': method(z.object({ year: z.number().int().min(1900).max(2100).optional() }).strict()).returns<IssueView[]>(),
  'adoptions:delete': method(z.object({ id }).strict()).returns<null>(),
  'instructions:create': method(instructionInput).returns<{ id: number }>(),
  'instructions:update': method(z.object({ id, instruction: instructionInput }).strict()).returns<null>(),
  'instructions:delete': method(z.object({ id }).strict()).returns<null>(),
  'requests:list': method(z.object({ year: z.number().int().min(1900).max(2100).optional() }).strict()).returns<
    RequestView[]
  >(),
  'requests:create': method(requestInput).returns<{ id: number }>(),
  'requests:update': method(z.object({ id, request: requestInput }).strict()).returns<null>(),
  'requests:setOutcome': method(
    z
      .object({ targetId: id, outcome: z.enum(['done', 'explained', 'missed', 'pending']), itemId: id.nullable(), reason: text(500).optional() })
      .strict(),
  ).returns<null>(),
  'requests:delete': method(z.object({ id }).strict()).returns<null>(),
  'events:list': method(z.object({ year: z.number().int().min(1900).max(2100).optional() }).strict()).returns<
    EventView[]
  >(),
  'events:create': method(eventInput).returns<{ id: number }>(),
  'events:update': method(z.object({ id, event: eventInput }).strict()).returns<null>(),
  'events:delete': method(z.object({ id }).strict()).returns<null>(),
  'scores:period': method(z.object({ period: periodCode }).strict()).returns<{
    scores: PeriodScores;
    previous: PeriodScores;
    itemTitles: Record<number, string>;
  }>(),
  'circular:preview': method(
    z.object({ period: z.string().regex(/^\d{4}(Q[1-4])?$/, '通报期间应为季度（2019Q2）或年度（2019）') }).strict(),
  ).returns<{
    scores: PeriodScores;
    circular: CircularFacts;
    /** the text as it will go out: the draft with the clerk's rewrites */
    text: CircularText;
    /** the draft as the data gives it, before any rewrite */
    drafted: CircularText;
    persons: PersonScore[];
    overdueCount: number;
    locked: boolean;
    /** the 成文日期, 文号 and rewritten parts the clerk left for this period */
    issue: CircularIssueView;
    /** a locked quarter: the files it went out with and the signed final version, if attached */
    kept: KeptDocumentView[];
  }>(),
  'circular:saveIssue': method(
    z
      .object({
        period: z.string().regex(/^\d{4}(Q[1-4])?$/, '通报期间应为季度（2019Q2）或年度（2019）'),
        date: isoDate.nullable(),
        docNo: z.string().trim().max(10, '文号序号不能超过 10 个字'),
        /** the parts the clerk rewrote; a part left out goes back to the drafted text */
        edits: z.partialRecord(
          z.enum(['overall', 'advanced', 'praise', 'criticise', 'problems', 'nextSteps'], '通报的段落名称不对'),
          z.array(z.string().trim().max(4000, '一段不能超过 4000 字')).max(60, '一部分不能超过 60 段'),
        ),
      })
      .strict(),
  ).returns<null>(),
  'circular:attachSigned': method(z.object({ period: quarterCode }).strict()).returns<{ name: string } | null>(),
  'dashboard:get': method(z.object({ month: isoMonth }).strict()).returns<DashboardView>(),
  'rules:list': method(none).returns<{ id: number; rules: RuleSet; usedBy: string[]; lockedPeriods: string[] }[]>(),
  'rules:save': method(z.object({ id: id.optional(), rules: z.unknown() }).strict()).returns<{ id: number }>(),
  'settings:get': method(none).returns<Settings>(),
  'settings:save': method(z.object({ settings: z.unknown() }).strict()).returns<Settings>(),
  'locks:list': method(none).returns<string[]>(),
  'locks:lock': method(z.object({ period: quarterCode }).strict()).returns<null>(),
  'locks:unlock': method(z.object({ period: quarterCode }).strict()).returns<null>(),
  'report:export': method(
    z
      .object({
        period: periodCode,
        /** the circular's 成文日期 (default today) */
        date: isoDate.optional(),
        /** the number of the 文号, e.g. 12 in 莱芜政办字〔2019〕12号 (default left blank for the clerk) */
        docNo: z.string().trim().max(10, '文号序号不能超过 10 个字').optional(),
      })
      .strict(),
  ).returns<{ files: string[] } | null>(),
  'data:import': method(
    z
      .object({
        dryRun: z.boolean(),
        file: z.string().max(1000).optional(),
        /** the clerk's column choice for a sheet whose headers were not recognised (remembered for its layout) */
        mapping: z
          .object({
            signature: z.string().max(20_000),
            sheetKey: z.enum(['units', 'items', 'adoptions', 'instructions', 'requests', 'events']),
            columns: z.record(z.string().max(40), z.number().int().min(1).max(16_384)),
          })
          .strict()
          .optional(),
        /** 信息 rows near an existing item that the clerk ticked to import all the same */
        includeSimilar: z.array(z.number().int().min(1).max(1_048_576)).max(5000).optional(),
        /** the clerk chose 跳过有问题的行: rows with a problem are left out and listed, the rest go in together */
        skipBadRows: z.boolean().optional(),
      })
      .strict(),
  ).returns<ImportReportView | null>(),
  /** the rows an import skipped, saved as a workbook to fix */
  'data:saveSkipped': method(
    z
      .object({
        rows: z
          .array(
            z
              .object({
                sheet: z.string().max(100),
                row: z.number().int().min(1),
                values: z.array(z.string().max(40_000)).max(200),
                reasons: z.array(z.string().max(2000)).max(50),
              })
              .strict(),
          )
          .min(1)
          .max(100_000),
        headers: z.record(z.string().max(100), z.array(z.string().max(1000)).max(200)),
      })
      .strict(),
  ).returns<{ file: string } | null>(),
  'data:export': method(none).returns<{ file: string; counts: Record<string, number> } | null>(),
  'data:template': method(none).returns<{ file: string } | null>(),
  'journal:list': method(
    z.object({ year: z.number().int().min(1900).max(2100).optional(), publication: z.string().min(1).max(40).optional() }).strict(),
  ).returns<JournalIssueView[]>(),
  'journal:get': method(z.object({ id }).strict()).returns<JournalIssueDetail>(),
  'journal:save': method(z.object({ id: id.optional(), draft: journalDraftInput }).strict()).returns<{ id: number }>(),
  'journal:delete': method(z.object({ id }).strict()).returns<null>(),
  'journal:candidates': method(
    z.object({ date: isoDate, q: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  ).returns<JournalCandidatesView>(),
  'journal:preview': method(z.object({ id }).strict()).returns<JournalPublishPreview>(),
  'journal:publish': method(z.object({ id }).strict()).returns<{ yearNo: number; totalNo: number; label: string; created: number; linked: number }>(),
  'journal:withdraw': method(z.object({ id }).strict()).returns<{ removed: number; unlinked: number }>(),
  'journal:export': method(z.object({ id }).strict()).returns<{ file: string } | null>(),
  /** 收稿: choose files (or a folder) and read them; nothing is written */
  'receive:preview': method(z.object({ folder: z.boolean().optional() }).strict()).returns<ReceivePreviewView | null>(),
  'receive:confirm': method(z.object({ rows: z.array(receivedInput).min(1).max(500) }).strict()).returns<{ created: number; itemIds: number[] }>(),
  'backup:create': method(none).returns<{ file: string } | null>(),
  /** the backups folder beside the ledger, newest first, with time and size */
  'backup:list': method(none).returns<BackupFileView[]>(),
  /**
   * 从备份恢复 in two steps: without `confirm`, the backup (one listed by `name`, else chosen in a dialog) is checked
   * and described (units, items, last entry) and nothing changes; with `confirm` and the `file` that step returned,
   * the ledger is replaced (a safety backup of the current data first).
   */
  'backup:restore': method(
    z
      .object({
        name: z.string().min(1).max(200).optional(),
        file: z.string().min(1).max(1000).optional(),
        confirm: z.boolean().optional(),
      })
      .strict(),
  ).returns<{ stage: 'preview'; file: string; preview: BackupPreview } | { stage: 'done'; safetyBackup: string } | null>(),
} as const;

export type Method = keyof typeof METHODS;
/** What a handler receives: the arguments after the contract's schema parsed them (trimmed strings and all). */
export type Args<M extends Method> = z.infer<(typeof METHODS)[M]>;
/** What a caller sends, before parsing (the renderer's side of the same schema). */
export type ArgsInput<M extends Method> = z.input<(typeof METHODS)[M]>;
/** What a handler answers. */
export type Result<M extends Method> = NonNullable<(typeof METHODS)[M][typeof RESULT]>['result'];

export interface AppInfo {
  dataFile: string;
  today: string;
  version: string;
  units: number;
  items: number;
  ruleSets: RuleSet[];
  locked: string[];
}

/** The start-up check: ok, or what is wrong with the data file and the backups that could replace it. */
export interface StartupView {
  ok: boolean;
  /** why the ledger is not open: damaged (recovery screen), missing or config (the choice page); null when ok */
  kind: 'damaged' | 'missing' | 'config' | null;
  /** the integrity check is still running (app:startupCheck waits for it) */
  checking: boolean;
  dataFile: string;
  /** e.g. the data file is on a network drive and runs in compatibility mode */
  notice: string | null;
  problem: string | null;
  details: string[];
  backups: { name: string; at: string; bytes: number; ok: boolean; problem?: string }[];
}

/** A backup in the backups folder (数据 page). */
export interface BackupFileView {
  name: string;
  /** ISO time the file was last written */
  at: string;
  bytes: number;
}

/** What a backup holds, shown before 恢复 replaces the ledger with it. */
export interface BackupPreview {
  name: string;
  at: string;
  bytes: number;
  units: number;
  items: number;
  /** the newest 报送 date among its items, or null when it has none */
  lastEntry: string | null;
  /** the same for the ledger it would replace */
  current: { units: number; items: number; lastEntry: string | null };
}

export interface AuditRowView {
  id: number;
  at: string;
  source: string;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
  changes: { field: string; before: string; after: string }[];
  /** an entry standing for many rows (an import): how many; audit:list with `group: id` lists them */
  rows?: number;
}

export type RecycleKind = 'items' | 'adoptions' | 'instructions' | 'requests' | 'events';

export interface RecycledView {
  kind: RecycleKind;
  id: number;
  date: string;
  unitName: string;
  summary: string;
  deletedAt: string;
  together: number;
}

export interface UnitView {
  id: number;
  name: string;
  group: string;
  sortOrder: number;
  activeFrom: string | null;
  activeUntil: string | null;
  contact: string;
  phone: string;
  note: string;
  aliases: string[];
}

export interface ItemView {
  id: number;
  no: string;
  unitId: number;
  unitName: string;
  date: string;
  title: string;
  kinds: ('research' | 'special')[];
  authors: string;
  adoptions: number;
  instructions: number;
  note: string;
  /** 信息类别: its key (for the forms) and its name in the rules */
  category: string | null;
  categoryName: string | null;
  /** 合报: the other units, in order (the item's own unit leads) */
  jointUnits: { id: number; name: string }[];
}

export interface RecordWorthView<R> {
  record: R;
  points: number;
  counts: boolean;
}

export interface ItemDetailView extends ItemView {
  authorList: string[];
  /** 正文 as submitted, and the original file kept with it */
  body: string;
  file: { name: string; bytes: number } | null;
  /** issueNo: as typed, or the 期号 of the issue 定版 recorded or linked it from */
  adoptionRecords: RecordWorthView<{ id: number; publication: string; form: 'single' | 'combined' | 'brief'; date: string; issueNo: string; journalIssueId?: number | null }>[];
  instructionRecords: RecordWorthView<{ id: number; level: string; form: 'single' | 'combined'; date: string; leader: string }>[];
}

export interface ImportReportView {
  file: string;
  dryRun: boolean;
  applied: boolean;
  problems: { sheet: string; row: number | null; column: string; value: string; reason: string }[];
  notes: string[];
  counts: Record<string, { added: number; changed: number; unchanged: number }>;
  /** how each sheet and column was understood */
  sheets: { sheet: string; as: string; headerRow: number; columns: { column: string; header: string; key: string | null; as: string }[] }[];
  /** sheets whose headers matched nothing: the column-mapping step offers them */
  unrecognised: { sheet: string; headerRow: number; headers: { column: number; text: string }[]; signature: string }[];
  /** the table a sheet can be mapped onto in that step, with its columns */
  mappable: { sheetKey: 'items'; name: string; columns: { key: string; header: string; required: boolean }[] };
  /** new 信息 rows near an item already in the ledger, each with that item: imported only when ticked */
  /** units on the roster whose 排序 the import changes */
  orderChanges: { name: string; from: number; to: number }[];
  /** rows left out at the clerk's choice (跳过有问题的行), as they stood, with what is wrong */
  skipped: { sheet: string; row: number; values: string[]; reasons: string[] }[];
  skippedHeaders: Record<string, string[]>;
  similar: { row: number; no: string; unit: string; date: string; title: string; existing: { id: number; no: string; date: string; title: string }; included: boolean }[];
}

export interface RequestView {
  id: number;
  no: string;
  issuer: string;
  topic: string;
  issued: string | null;
  deadline: string;
  note: string;
  targets: {
    id: number;
    unitId: number;
    unitName: string;
    outcome: 'done' | 'explained' | 'missed' | 'pending';
    itemId: number | null;
    itemNo: string | null;
    itemTitle: string | null;
    /** the reason given for 已说明 */
    reason: string;
    overdue: boolean;
  }[];
}

/** One recorded issue of a publication (刊物 + 期号) with the items it carried. */
export interface IssueView {
  key: string;
  publication: string;
  issueNo: string;
  date: string;
  items: {
    adoptionId: number;
    itemId: number;
    no: string;
    title: string;
    unitName: string;
    form: 'single' | 'combined' | 'brief';
    date: string;
    submitted: string;
    /** the same item appears earlier in this issue */
    twice: boolean;
    /** adopted before it was submitted */
    early: boolean;
  }[];
}

export interface EventView {
  id: number;
  unitId: number;
  unitName: string;
  date: string;
  kind: string;
  quantity: number;
  note: string;
}

export interface DashboardView {
  month: string;
  quarter: string;
  groups: { key: string; name: string; units: number; metQuota: number; items: number; quota: number | null }[];
  adoptions: number;
  instructions: number;
  emptyUnits: { unitId: number; unitName: string; groupName: string }[];
  overdue: { unitName: string; topic: string; deadline: string; issuer: string }[];
  series: { month: string; items: number; adoptions: number }[];
  ranking: { group: string; units: { unitName: string; total: number }[] }[];
}

export type JournalForm = 'single' | 'combined' | 'brief';

export interface JournalIssueView {
  id: number;
  publication: string;
  publicationName: string;
  date: string;
  state: JournalState;
  yearNo: number | null;
  totalNo: number | null;
  /** 第12期（总第345期）, or 草稿 */
  label: string;
  entries: number;
  editorNote: string;
  publishedAt: string | null;
}

export interface JournalEntryItemView {
  id: number;
  no: string;
  title: string;
  unitName: string;
  date: string;
  /** the submitted text, as received */
  body: string;
}

export interface JournalEntryView {
  id: number;
  form: JournalForm;
  /** the edited copy ('' = the item's own) and what will print */
  title: string;
  body: string;
  printedTitle: string;
  printedBody: string;
  editorNote: string;
  items: JournalEntryItemView[];
  /** every unit credited, in order */
  units: string[];
  words: number;
  limit: number;
}

export interface JournalIssueDetail extends JournalIssueView {
  sections: { name: string; entries: JournalEntryView[] }[];
  /** the adoptions this issue recorded (定版) or linked */
  adoptions: { adoptionId: number; itemNo: string; title: string; unitName: string; form: JournalForm; role: 'created' | 'linked' }[];
  /** 约稿 answered by an item of this issue (as linked on the 约稿 page) */
  requests: JournalRequestView[];
}

export interface JournalRequestView {
  targetId: number;
  requestNo: string;
  topic: string;
  unitName: string;
  itemId: number;
  itemNo: string;
  outcome: 'done' | 'explained' | 'missed' | 'pending';
}

export interface JournalCandidatesView {
  items: {
    id: number;
    no: string;
    title: string;
    unitName: string;
    date: string;
    words: number;
    /** adoptions by other publications (or by hand in this one), as 《济南政务信息》单篇 */
    adoptedElsewhere: string[];
  }[];
  /** units that have submitted nothing in the month of the issue date */
  silentUnits: string[];
}

export interface JournalPublishPreview {
  yearNo: number;
  totalNo: number;
  label: string;
  /** adoptions 定版 will record */
  create: { itemId: number; no: string; title: string; unitName: string; form: JournalForm }[];
  /** hand-logged adoptions it will link instead of counting twice */
  link: { adoptionId: number; no: string; title: string; unitName: string; form: JournalForm; date: string; issueNo: string }[];
  requests: JournalRequestView[];
  /** what stops 定版 (a locked quarter, an empty issue) */
  problems: string[];
  /** what the clerk should know (an item printed in another issue already) */
  warnings: string[];
}

export interface ReceivePreviewView {
  rows: {
    token: string;
    file: string;
    bytes: number;
    /** '' when the file could not be read: `problem` says why */
    title: string;
    unitId: number | null;
    unitGuess: string;
    date: string;
    body: string;
    firstLines: string[];
    problem: string | null;
  }[];
}

/** Every method's result, by name (derived from METHODS: declared there, next to the arguments). */
export type Results = { [M in Method]: Result<M> };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** window.api as the preload exposes it: api.items.create(args) → Promise<Reply<…>>. */
export type Api = {
  [M in Method as M extends `${infer NS}:${string}` ? NS : never]: {
    [K in Method as K extends `${M extends `${infer NS}:${string}` ? NS : never}:${infer Name}` ? Name : never]: (
      args: ArgsInput<K>,
    ) => Promise<Reply<Result<K>>>;
  };
};

export interface CircularIssueView {
  date: string | null;
  docNo: string;
  edits: Partial<Record<'overall' | 'advanced' | 'praise' | 'criticise' | 'problems' | 'nextSteps', string[]>>;
}

export interface KeptDocumentView {
  id: number;
  kind: 'generated' | 'signed';
  name: string;
  keptAt: string;
  size: number;
}

/**
 * What the window asks the page before it closes (the main process calls these in the page, the tests call them in
 * Chromium): whether it has unsaved edits, and the page's own question about them — true when the clerk lets them go.
 */
export interface BeforeCloseHooks {
  zwxxUnsaved: () => boolean;
  zwxxAskLeave: () => Promise<boolean>;
}
export const BEFORE_CLOSE = { unsaved: 'zwxxUnsaved', ask: 'zwxxAskLeave' } as const satisfies Record<string, keyof BeforeCloseHooks>;

export const METHOD_NAMES = Object.keys(METHODS) as Method[];

/** Turns the method list into the api object shape, given a transport (ipcRenderer.invoke or fetch). */
export function buildApi(call: (method: Method, args: unknown) => Promise<unknown>): Api {
  const api: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const m of METHOD_NAMES) {
    const [ns, fn] = m.split(':') as [string, string];
    (api[ns] ??= {})[fn] = (args: unknown) => call(m, args ?? {});
  }
  return api as unknown as Api;
}

/**
 * Methods that only read the ledger. At start-up the window opens before the integrity check has finished (it reads
 * the whole file, about a second at ten office-years); these answer at once, every other method waits for the check,
 * so nothing is written to a ledger that then turns out to be damaged.
 */
export const READ_METHODS: ReadonlySet<Method> = new Set<Method>([
  'app:info',
  'app:startup',
  'app:startupCheck',
  'backup:list',
  // writes nothing: it only shows a file already written
  'app:showInFolder',
  'audit:list',
  'recycle:list',
  'units:list',
  'items:list',
  'items:get',
  'items:similar',
  'items:similarMany',
  'adoptions:check',
  'adoptions:issues',
  'requests:list',
  'events:list',
  'scores:period',
  'circular:preview',
  'dashboard:get',
  'rules:list',
  'settings:get',
  'locks:list',
  'journal:list',
  'journal:get',
  'journal:candidates',
  'journal:preview',
]);
