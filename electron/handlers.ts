// The handler table (architecture.md §2): one function per contract method, each a thin call into the services.
// Main's IPC and the test bridge both dispatch through `dispatch`, which validates every argument with the
// contract's zod schema and answers { ok, value } or { ok: false, error } with a Chinese message.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHODS, type Method, type Reply, type Results } from '../shared/ipc/contract';
import { quarterCircularText, yearCircularText } from '../shared/outputs/circular-text';
import { parsePeriod, periodLabel, previousPeriod, quartersOf, yearPeriod } from '../shared/periods';
import { parseRuleSet } from '../shared/rules/schema';
import { circularFacts, overdueTargetsIn, personScores, ruleSetForQuarterOf, scorePeriod } from '../shared/scoring';
import { timestamp, withSource, type Db } from './db/database';
import { messageOf, UserError } from './db/errors';
import { exportData, writeTemplate } from './exchange/export';
import { importWorkbook, type ImportReport } from './exchange/import';
import { IMPORT_EXTENSIONS } from './exchange/limits';
import { SHEETS, type SheetKey } from './exchange/sheets';
import { rememberColumnMapping } from './store/column-mappings';
import { backupBeforeImport } from './services/auto-backup';
import { backupDirFor, backupTo, restoreFrom } from './services/backup';
import * as ledger from './services/ledger';
import { lockQuarter, unlockQuarter } from './services/locks';
import { dashboard, itemDetail, listEvents, listItems, listRequests } from './services/queries';
import { writeReports } from './services/report';
import { today } from './services/scores';
import { loadFacts } from './store/facts';
import { lockedQuarters } from './store/locks';
import { listRuleSets, ruleSets } from './store/rulesets';
import { readSettings, writeSettings } from './store/settings';
import { listUnits } from './store/units';
import { importRosterCsvAsync } from './services/roster';
import { listAudit } from './services/audit-log';
import { listRecycleBin, restoreDeleted } from './services/recycle';
import { listBackups, recoverFromBackup, type StartupFailure } from './services/startup';

/** File dialogs: Electron's in the app, scripted answers in the test bridge. null = the clerk cancelled. */
export interface Dialogs {
  openFile(opts: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  saveFile(opts: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  chooseFolder(opts: { title: string }): Promise<string | null>;
}

export interface HandlerContext {
  db: () => Db;
  replaceDb: (db: Db) => void;
  dataFile: string;
  assetsDir: string;
  dialogs: Dialogs;
  version: string;
  /** remembers a new data file for the next start (the desktop app's config.json); absent in the test bridge */
  setDataFile?: (file: string) => void;
  /** today's date (the test bridge may fix it) */
  today?: () => string;
  /** the start-up check: a failure leaves db() refusing until a backup is recovered */
  startup: { failure: StartupFailure | null; notice: string | null };
  /** runs an import; the desktop app runs it in a worker thread so the window never freezes */
  runImport?: (file: string, opts: { dryRun: boolean; source: string }) => Promise<ImportReport>;
}

type Handlers = { [M in Method]: (args: never) => Promise<Results[M]> | Results[M] };

const SOURCE = '界面';
const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
/** What the importer reads: Excel, WPS, LibreOffice and CSV files. */
const SPREADSHEETS = [
  { name: '表格文件（Excel、WPS、CSV）', extensions: IMPORT_EXTENSIONS },
  { name: '所有文件', extensions: ['*'] },
];
const DB = [{ name: '数据备份', extensions: ['db'] }];

function periodOf(code: string) {
  const p = parsePeriod(code);
  if (!p) throw new UserError(`无法识别期间“${code}”。`);
  return p;
}

const itemsDef = SHEETS.find((d) => d.key === 'items')!;
const reportView = (r: ImportReport) => ({
  ...r,
  counts: r.counts as Record<string, { added: number; changed: number; unchanged: number }>,
  mappable: {
    sheetKey: 'items' as const,
    name: itemsDef.name,
    columns: itemsDef.columns.map((c) => ({ key: c.key, header: c.header, required: c.required && !c.derivable })),
  },
});

export function createHandlers(ctx: HandlerContext): Handlers {
  const db = (): Db => {
    if (ctx.startup.failure) throw new UserError('数据文件未通过检查，请先在恢复页面选择一个备份恢复数据。');
    return ctx.db();
  };
  const asOf = (): string => (ctx.today ?? today)();
  const h: Handlers = {
    'app:info': () => ({
      dataFile: ctx.dataFile,
      today: asOf(),
      version: ctx.version,
      units: (db().prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n,
      items: (db().prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL').get() as { n: number }).n,
      ruleSets: ruleSets(db()),
      locked: [...lockedQuarters(db())].sort(),
    }),
    'app:moveData': async () => {
      if (!ctx.setDataFile) throw new UserError('更改数据文件夹只能在桌面程序中进行。');
      const dir = await ctx.dialogs.chooseFolder({ title: '选择新的数据文件夹（建议本机硬盘上的文件夹，不要选网络盘或 U 盘）' });
      if (!dir) return null;
      const file = join(dir, 'zwxx.db');
      if (existsSync(file)) throw new UserError(`“${dir}”中已有数据文件 zwxx.db。请选择一个空文件夹；如要使用那份数据，请用“从备份恢复”。`);
      // a consistent, checked copy; the old file stays where it was until the clerk removes it
      await backupTo(db(), file);
      ctx.setDataFile(file);
      return { file };
    },
    'app:startup': () => ({
      ok: ctx.startup.failure === null,
      dataFile: ctx.dataFile,
      notice: ctx.startup.notice,
      problem: ctx.startup.failure?.problem ?? null,
      details: ctx.startup.failure?.details ?? [],
      backups: ctx.startup.failure ? listBackups(ctx.dataFile) : [],
    }),
    'app:recover': async (a: { name?: string }) => {
      if (!ctx.startup.failure) throw new UserError('数据文件检查正常，不需要恢复。');
      let file: string | null;
      if (a.name !== undefined) {
        // only a backup the screen listed, by name: never a path from the page
        const listed = listBackups(ctx.dataFile).find((b) => b.name === a.name);
        if (!listed) throw new UserError('备份文件夹中没有这个备份，请刷新后重新选择。');
        file = join(backupDirFor(ctx.dataFile), listed.name);
      } else file = await ctx.dialogs.openFile({ title: '选择用于恢复的备份', filters: DB });
      if (!file) return null;
      const r = await recoverFromBackup(ctx.dataFile, file);
      ctx.replaceDb(r.db);
      ctx.startup.failure = null;
      return { damagedCopy: r.damagedCopy };
    },
    'audit:list': (a: Parameters<typeof listAudit>[1]) => listAudit(db(), a),
    'recycle:list': () => listRecycleBin(db()),
    'recycle:restore': (a: { kind: Parameters<typeof restoreDeleted>[1]; id: number }) => restoreDeleted(db(), a.kind, a.id, SOURCE),
    'units:list': () => listUnits(db()),
    'units:save': (a: Parameters<typeof ledger.saveUnit>[1]) => ledger.saveUnit(db(), a, SOURCE),
    'units:move': (a: { id: number; direction: -1 | 1 }) => (ledger.moveUnit(db(), a.id, a.direction, SOURCE), null),
    'units:importSample': () => importRosterCsvAsync(db(), readFileSync(join(ctx.assetsDir, 'sample-roster.csv'), 'utf8'), SOURCE).then(reportView),
    'items:list': (a: Parameters<typeof listItems>[1]) => listItems(db(), a),
    'items:get': (a: { id: number }) => itemDetail(db(), a.id),
    'items:create': (a: ledger.ItemInput) => itemDetail(db(), ledger.createItem(db(), a, SOURCE)),
    'items:createMany': (a: { rows: ledger.ItemInput[] }) => ({ created: ledger.createItems(db(), a.rows, SOURCE).length }),
    'items:update': (a: { id: number; item: ledger.ItemInput }) => (ledger.updateItem(db(), a.id, a.item, SOURCE), itemDetail(db(), a.id)),
    'items:delete': (a: { id: number }) => (ledger.deleteItem(db(), a.id, SOURCE), null),
    'items:similar': (a: { unitId: number; title: string; date: string; excludeId?: number }) => ledger.similarItems(db(), a.unitId, a.title, a.date, a.excludeId),
    'adoptions:create': (a: { list: ledger.AdoptionInput[] }) => ({ created: ledger.createAdoptions(db(), a.list, SOURCE).length }),
    'adoptions:delete': (a: { id: number }) => (ledger.deleteAdoption(db(), a.id, SOURCE), null),
    'instructions:create': (a: ledger.InstructionInput) => ({ id: ledger.createInstruction(db(), a, SOURCE) }),
    'instructions:delete': (a: { id: number }) => (ledger.deleteInstruction(db(), a.id, SOURCE), null),
    'requests:list': (a: { year?: number }) => listRequests(db(), asOf(), a.year),
    'requests:create': (a: ledger.RequestInput) => ({ id: ledger.createRequest(db(), a, SOURCE) }),
    'requests:setOutcome': (a: { targetId: number; outcome: 'done' | 'explained' | 'missed' | 'pending'; itemId: number | null }) => (
      ledger.setTargetOutcome(db(), a.targetId, a.outcome, a.itemId, SOURCE), null
    ),
    'requests:delete': (a: { id: number }) => (ledger.deleteRequest(db(), a.id, SOURCE), null),
    'events:list': (a: { year?: number }) => listEvents(db(), a.year),
    'events:create': (a: ledger.EventInput) => ({ id: ledger.createEvent(db(), a, SOURCE) }),
    'events:delete': (a: { id: number }) => (ledger.deleteEvent(db(), a.id, SOURCE), null),
    'scores:period': (a: { period: string }) => {
      const p = periodOf(a.period);
      const rules = ruleSets(db());
      const facts = loadFacts(db(), rules, p);
      const scores = scorePeriod(rules, facts, p, asOf());
      const prev = previousPeriod(p);
      const previous = scorePeriod(rules, loadFacts(db(), rules, prev), prev, asOf());
      const itemTitles: Record<number, string> = {};
      for (const i of facts.items) if (i.id > 0) itemTitles[i.id] = i.title;
      return { scores, previous, itemTitles };
    },
    'circular:preview': (a: { period: string }) => {
      const p = periodOf(a.period);
      const rules = ruleSets(db());
      const settings = readSettings(db());
      const facts = loadFacts(db(), rules, p);
      const scores = scorePeriod(rules, facts, p, asOf());
      const circular = circularFacts(rules, facts, scores);
      const persons = p.kind === 'year' ? personScores(facts, scores) : [];
      const text = p.kind === 'year' ? yearCircularText(settings, scores, circular, persons, asOf()) : quarterCircularText(settings, scores, circular, asOf());
      const overdueCount = p.kind === 'quarter' ? overdueTargetsIn(facts, p, asOf()).length : 0;
      return { scores, circular, text, persons, overdueCount, locked: lockedQuarters(db()).has(p.code) };
    },
    'dashboard:get': (a: { month: string }) => dashboard(db(), periodOf(a.month), asOf()),
    'rules:list': () => {
      const rows = listRuleSets(db());
      const all = rows.map((r) => r.rules);
      const locks = lockedQuarters(db());
      const years = db().prepare(`SELECT min(submitted) AS a, max(submitted) AS b FROM items WHERE deleted_at IS NULL`).get() as { a: string | null; b: string | null };
      const first = Number((years.a ?? asOf()).slice(0, 4));
      const last = Math.max(Number((years.b ?? asOf()).slice(0, 4)), Number(asOf().slice(0, 4)));
      return rows.map((r) => {
        const usedBy: string[] = [];
        for (let y = first; y <= last; y++)
          for (const q of quartersOf(yearPeriod(y))) if (ruleSetForQuarterOf(all, q.start).name === r.rules.name) usedBy.push(q.code);
        return { id: r.id, rules: r.rules, usedBy, lockedPeriods: usedBy.filter((q) => locks.has(q)) };
      });
    },
    'rules:save': (a: { id?: number; rules: unknown }) => {
      const parsed = parseRuleSet(a.rules);
      if (!parsed.ok) throw new UserError(`规则有误：${parsed.errors.join('；')}`);
      const rules = parsed.value;
      const d = db();
      const t = new Date().toISOString();
      if (a.id !== undefined) {
        const listed = h['rules:list']({} as never) as Results['rules:list'];
        const cur = listed.find((r) => r.id === a.id);
        if (!cur) throw new UserError('这个规则集已不存在，请刷新后重试。');
        if (cur.lockedPeriods.length > 0)
          throw new UserError(`这个规则集已用于已锁定的 ${cur.lockedPeriods.join('、')}，不能修改；请“另存为新版本”，设置新的生效日期。`);
      }
      return withSource(d, SOURCE, () => {
        const clash = d.prepare('SELECT id FROM rule_sets WHERE (name = ? OR effective_from = ?) AND id != ?').get(rules.name, rules.effectiveFrom, a.id ?? -1);
        if (clash) throw new UserError('已有同名或同一生效日期的规则集，请换一个名称或生效日期。');
        if (a.id !== undefined) {
          d.prepare('UPDATE rule_sets SET name = ?, effective_from = ?, body = ?, updated_at = ? WHERE id = ?').run(rules.name, rules.effectiveFrom, JSON.stringify(rules), t, a.id);
          return { id: a.id };
        }
        return {
          id: Number(
            d.prepare('INSERT INTO rule_sets (name, effective_from, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(rules.name, rules.effectiveFrom, JSON.stringify(rules), t, t)
              .lastInsertRowid,
          ),
        };
      });
    },
    'settings:get': () => readSettings(db()),
    'settings:save': (a: { settings: unknown }) => writeSettings(db(), a.settings, SOURCE),
    'locks:list': () => [...lockedQuarters(db())].sort(),
    'locks:lock': (a: { period: string }) => (lockQuarter(db(), periodOf(a.period), SOURCE, asOf()), null),
    'locks:unlock': (a: { period: string }) => (unlockQuarter(db(), periodOf(a.period), SOURCE), null),
    'report:export': async (a: { period: string }) => {
      const p = periodOf(a.period);
      const dir = await ctx.dialogs.chooseFolder({ title: `选择保存${periodLabel(p)}计分表和通报稿的文件夹` });
      if (!dir) return null;
      const files = await writeReports(db(), p, dir, asOf());
      return { files: [files.workbook, files.circular, files.sms].filter((f): f is string => Boolean(f)) };
    },
    'data:import': async (a: {
      dryRun: boolean;
      file?: string;
      mapping?: { signature: string; sheetKey: SheetKey; columns: Record<string, number> };
    }) => {
      // the first call (dry run) asks for the file; the confirming call passes back the file the clerk chose
      const file = a.file ?? (await ctx.dialogs.openFile({ title: '选择要导入的表格', filters: SPREADSHEETS }));
      if (!file) return null;
      if (a.file !== undefined && !lastChosen.has(a.file)) throw new UserError('请先选择文件并检查，再确认导入。');
      lastChosen.add(file);
      // remembered before the import runs (the worker reads it from the ledger), and for the next import of this layout
      if (a.mapping) rememberColumnMapping(db(), a.mapping, SOURCE);
      if (!a.dryRun) await backupBeforeImport(db(), ctx.dataFile);
      const run = ctx.runImport ?? ((f: string, o: { dryRun: boolean; source: string }) => importWorkbook(db(), f, o));
      return reportView(await run(file, { dryRun: a.dryRun, source: '导入' }));
    },
    'data:export': async () => {
      const file = await ctx.dialogs.saveFile({ title: '导出全部数据', defaultName: `政务信息全部数据-${asOf()}.xlsx`, filters: XLSX });
      if (!file) return null;
      return { file, counts: await exportData(db(), file) };
    },
    'data:template': async () => {
      const file = await ctx.dialogs.saveFile({ title: '保存导入模板', defaultName: '政务信息导入模板.xlsx', filters: XLSX });
      if (!file) return null;
      await writeTemplate(db(), file);
      return { file };
    },
    'backup:create': async () => {
      const file = await ctx.dialogs.saveFile({ title: '备份数据', defaultName: `政务信息备份-${timestamp()}.db`, filters: DB });
      if (!file) return null;
      await backupTo(db(), file);
      return { file };
    },
    'backup:restore': async () => {
      const file = await ctx.dialogs.openFile({ title: '选择要恢复的备份', filters: DB });
      if (!file) return null;
      const restored = await restoreFrom(db(), ctx.dataFile, file);
      ctx.replaceDb(restored.db);
      return { safetyBackup: restored.safetyBackup };
    },
  };
  const lastChosen = new Set<string>();
  return h;
}

/** Validates `args` against the contract and runs the handler; never throws. */
export async function dispatch(handlers: Handlers, method: string, args: unknown): Promise<Reply<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(METHODS, method)) return { ok: false, error: `未知的操作“${String(method).slice(0, 40)}”。` };
  const m = method as Method;
  const parsed = METHODS[m].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `（${issue.path.join('.')}）` : '';
    return { ok: false, error: `参数有误${where}：${issue.code === 'unrecognized_keys' ? '含有不认识的字段' : issue.message}` };
  }
  try {
    const value = await (handlers[m] as (a: unknown) => unknown)(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return { ok: false, error: messageOf(e) };
  }
}

