// The handler table (docs/架构.md): one function per contract method, each argument → service → view. Main's IPC
// and the test bridge both dispatch through `dispatch`, which validates every argument with the contract's zod
// schema and answers { ok, value } or { ok: false, error } with a Chinese message. No SQL and no scoring here.
import { METHOD_NAMES, METHODS, READ_METHODS, type Args, type Method, type Reply, type Result } from '../shared/ipc/contract';
import { periodLabel } from '../shared/periods';
import { today } from './clock';
import { timestamp, type Db } from './db/database';
import { messageOf, UserError } from './db/errors';
import { exportData, writeTemplate } from './exchange/export';
import { IMPORT_EXTENSIONS } from './exchange/limits';
import { contractArgs } from './services/arguments';
import { appInfo, lockedQuarterList, startupView } from './services/app-info';
import { listAudit } from './services/audit-log';
import { backupPreview, backupTo, restoreFrom, describeLedger } from './services/backup';
import { attachSigned, circularPreview, saveCircularIssue } from './services/circular';
import { backupFiles, copyDataInto, listedBackupFile, newLedgerIn, assertLedgerFile } from './services/data-file';
import { recordRestore } from './services/audit-entries';
import { importData, importReportView, importSampleRoster, saveSkippedRows, type ImportRunner } from './services/imports';
import * as ledger from './services/ledger';
import * as journal from './services/journal';
import { lockQuarter, unlockQuarter } from './services/locks';
import { dashboard, itemDetail, listEvents, listIssues, listItems, listRequests, listUnits } from './services/queries';
import * as receiving from './services/receiving';
import { listRecycleBin, restoreDeleted } from './services/recycle';
import { documentsToKeep, writeReports } from './services/report';
import { listRulesInUse, saveRules } from './services/rules';
import { periodOf, periodScoresView } from './services/scores';
import { readSettings, writeSettings } from './services/settings';
import { recoverFromBackup, type StartupFailure } from './services/startup';
import { writtenFiles, type Shell } from './services/written-files';
import { queued } from './services/write-gate';

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
  /**
   * the start-up check: a failure leaves db() refusing until a backup is recovered; `checked` settles when a check
   * that runs after the window opened has finished (every method that writes waits for it)
   */
  startup: { failure: StartupFailure | null; notice: string | null; checked?: Promise<void> };
  /** runs an import; the desktop app runs it in a worker thread so the window never freezes */
  runImport?: ImportRunner;
  /** 打开所在文件夹: Electron's shell in the app, a recorder in the test bridge; absent, the method is refused */
  shell?: Shell;
  /**
   * the ledger file's life: closes the current ledger and opens `file` (checked first) in its place, so every later
   * call reads and writes the new file (moving the data folder, the choice page); absent, those methods are refused
   */
  switchTo?: (file: string) => void;
  /** the choice page's 重试: reads the config again and opens the configured ledger; settles when it is checked */
  retryOpen?: () => Promise<void>;
  /** reads can answer before the start-up check has finished (a read-only connection is open meanwhile) */
  readable?: () => boolean;
}

/** One handler: the contract's arguments (as parsed) → the contract's result. */
export type Handler<M extends Method> = (args: Args<M>) => Result<M> | Promise<Result<M>>;
export type Handlers = { [M in Method]: Handler<M> };

const SOURCE = '界面';
const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
/** What the importer reads: Excel, WPS, LibreOffice and CSV files. */
const SPREADSHEETS = [
  { name: '表格文件（Excel、WPS、CSV）', extensions: IMPORT_EXTENSIONS },
  { name: '所有文件', extensions: ['*'] },
];
const DB = [{ name: '数据备份', extensions: ['db'] }];
const SIGNED = [{ name: '签发稿', extensions: ['pdf', 'docx', 'doc', 'wps', 'ofd', 'jpg', 'png'] }];
const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];
const SUBMISSIONS = [
  { name: '稿件（Word、WPS、文本）', extensions: ['docx', 'doc', 'wps', 'txt'] },
  { name: '所有文件', extensions: ['*'] },
];

export function createHandlers(ctx: HandlerContext): Handlers {
  const db = (): Db => {
    if (ctx.startup.failure) throw new UserError('数据文件未通过检查，请先在恢复页面选择一个备份恢复数据。');
    return ctx.db();
  };
  const asOf = (): string => (ctx.today ?? today)();
  /** files the clerk chose in this session's import dialog: a confirming call may name only one of them */
  const chosenImports = new Set<string>();
  /** files this session wrote where the clerk chose: the only ones 打开所在文件夹 may show */
  const written = writtenFiles(ctx.shell);
  // the check of the ledger in use has finished (a switch or a retry starts another one)
  const settled = new WeakSet<Promise<void>>();
  const checkDone = (): boolean => {
    const c = ctx.startup.checked;
    if (!c || settled.has(c)) return true;
    void c.then(() => settled.add(c));
    return false;
  };
  checkDone();
  /** files the clerk chose in this session's restore dialog: a confirming call may name only one of them */
  const chosenBackups = new Set<string>();
  const view = () => startupView(ctx.dataFile, ctx.startup, false);
  /** the choice page's ways out: only while the ledger is not open */
  const assertChoosing = (): void => {
    if (!ctx.startup.failure) throw new UserError('数据文件已正常打开，不需要重新选择。如要更换位置，请在“数据”页点“更改数据文件夹…”。');
    if (!ctx.switchTo || !ctx.setDataFile) throw new UserError('选择数据文件只能在桌面程序中进行。');
  };
  /** opens `file` in place of the current ledger and remembers it; if it cannot be remembered, goes back */
  const switchAndRemember = (file: string): void => {
    const previous = ctx.dataFile;
    ctx.switchTo!(file);
    try {
      ctx.setDataFile!(file);
    } catch (e) {
      if (!ctx.startup.failure || previous !== file) ctx.switchTo!(previous);
      throw new UserError(`无法保存程序设置（${(e as Error).message}），仍使用原来的数据文件。请检查程序设置文件夹是否可写后重试。`);
    }
  };
  const h: Handlers = {
    'app:info': () => appInfo(db(), { dataFile: ctx.dataFile, version: ctx.version, asOf: asOf() }),
    'app:moveData': async () => {
      if (!ctx.setDataFile) throw new UserError('更改数据文件夹只能在桌面程序中进行。');
      const dir = await ctx.dialogs.chooseFolder({ title: '选择新的数据文件夹（建议本机硬盘上的文件夹，不要选网络盘或 U 盘）' });
      if (!dir) return null;
      if (!ctx.switchTo) throw new UserError('更改数据文件夹只能在桌面程序中进行。');
      const file = await copyDataInto(db(), dir);
      // from here on everything reads and writes the new file: the old one is closed and never written again
      switchAndRemember(file);
      written.remember(file);
      return { file };
    },
    'app:retryOpen': async () => {
      if (!ctx.startup.failure || ctx.startup.failure.kind === 'damaged') throw new UserError('当前没有需要重试打开的数据文件。');
      if (!ctx.retryOpen) throw new UserError('重试只能在桌面程序中进行。');
      await ctx.retryOpen();
      return view();
    },
    'app:chooseLedger': async () => {
      assertChoosing();
      const file = await ctx.dialogs.openFile({ title: '选择数据文件（zwxx.db）', filters: DB });
      if (!file) return null;
      assertLedgerFile(file);
      switchAndRemember(file);
      return view();
    },
    'app:newLedger': async () => {
      assertChoosing();
      const dir = await ctx.dialogs.chooseFolder({ title: '选择新数据文件存放的文件夹（建议本机硬盘上的文件夹）' });
      if (!dir) return null;
      switchAndRemember(newLedgerIn(dir));
      return view();
    },
    'app:startup': () => startupView(ctx.dataFile, ctx.startup, !checkDone()),
    'app:startupCheck': async () => {
      await ctx.startup.checked;
      return startupView(ctx.dataFile, ctx.startup, false);
    },
    'app:showInFolder': (a) => written.reveal(a.file),
    'app:recover': async (a) => {
      if (!ctx.startup.failure) throw new UserError('数据文件检查正常，不需要恢复。');
      const file = a.name !== undefined ? listedBackupFile(ctx.dataFile, a.name) : await ctx.dialogs.openFile({ title: '选择用于恢复的备份', filters: DB });
      if (!file) return null;
      const r = await recoverFromBackup(ctx.dataFile, file);
      recordRestore(r.db, SOURCE, { from: file, replaced: null, damagedCopy: r.damagedCopy, safetyBackup: null });
      ctx.replaceDb(r.db);
      ctx.startup.failure = null;
      return { damagedCopy: r.damagedCopy };
    },
    'audit:list': (a) => listAudit(db(), a),
    'recycle:list': () => listRecycleBin(db()),
    'recycle:restore': (a) => restoreDeleted(db(), a.kind, a.id, SOURCE),
    'units:list': () => listUnits(db()),
    'units:save': (a) => ledger.saveUnit(db(), a, SOURCE),
    'units:move': (a) => (ledger.moveUnit(db(), a.id, a.direction, SOURCE), null),
    'units:delete': (a) => (ledger.deleteUnit(db(), a.id, SOURCE), null),
    'units:importSample': async () => importReportView(await importSampleRoster(db(), ctx.assetsDir, SOURCE)),
    'items:list': (a) => listItems(db(), a),
    'items:get': (a) => itemDetail(db(), a.id),
    'items:create': (a) => itemDetail(db(), ledger.createItem(db(), a, SOURCE)),
    'items:createMany': (a) => ({ created: ledger.createItems(db(), a.rows, SOURCE).length }),
    'items:update': (a) => (ledger.updateItem(db(), a.id, a.item, SOURCE), itemDetail(db(), a.id)),
    'items:delete': (a) => (ledger.deleteItem(db(), a.id, SOURCE), null),
    'items:similar': (a) => ledger.similarItems(db(), a.unitId, a.title, a.date, a.excludeId),
    'items:similarMany': (a) => ledger.similarInBatch(db(), a.rows),
    'adoptions:create': (a) => ({ created: ledger.createAdoptions(db(), a.list, SOURCE).length }),
    'adoptions:update': (a) => (ledger.updateAdoption(db(), a.id, a.adoption, SOURCE), null),
    'adoptions:check': (a) => ledger.adoptionWarnings(db(), a.list, a.excludeId),
    'adoptions:issues': (a) => listIssues(db(), a.year),
    'adoptions:delete': (a) => (ledger.deleteAdoption(db(), a.id, SOURCE), null),
    'instructions:create': (a) => ({ id: ledger.createInstruction(db(), a, SOURCE) }),
    'instructions:update': (a) => (ledger.updateInstruction(db(), a.id, a.instruction, SOURCE), null),
    'instructions:delete': (a) => (ledger.deleteInstruction(db(), a.id, SOURCE), null),
    'requests:list': (a) => listRequests(db(), asOf(), a.year),
    'requests:create': (a) => ({ id: ledger.createRequest(db(), a, SOURCE) }),
    'requests:update': (a) => (ledger.updateRequest(db(), a.id, a.request, SOURCE), null),
    'requests:setOutcome': (a) => (ledger.setTargetOutcome(db(), a.targetId, a.outcome, a.itemId, SOURCE, a.reason), null),
    'requests:delete': (a) => (ledger.deleteRequest(db(), a.id, SOURCE), null),
    'events:list': (a) => listEvents(db(), a.year),
    'events:create': (a) => ({ id: ledger.createEvent(db(), a, SOURCE) }),
    'events:update': (a) => (ledger.updateEvent(db(), a.id, a.event, SOURCE), null),
    'events:delete': (a) => (ledger.deleteEvent(db(), a.id, SOURCE), null),
    'scores:period': (a) => periodScoresView(db(), periodOf(a.period), asOf()),
    'circular:preview': (a) => circularPreview(db(), periodOf(a.period), asOf()),
    'dashboard:get': (a) => dashboard(db(), periodOf(a.month), asOf()),
    'rules:list': () => listRulesInUse(db(), asOf()),
    'rules:save': (a) => saveRules(db(), a, SOURCE, asOf()),
    'settings:get': () => readSettings(db()),
    'settings:save': (a) => writeSettings(db(), a.settings, SOURCE),
    'locks:list': () => lockedQuarterList(db()),
    'locks:lock': async (a) => {
      const p = periodOf(a.period);
      // the files the quarter goes out with are made first (they are written asynchronously) and stored with the lock
      const keep = await documentsToKeep(db(), p, asOf());
      lockQuarter(db(), p, SOURCE, asOf(), keep);
      return null;
    },
    'circular:saveIssue': (a) => saveCircularIssue(db(), a, SOURCE),
    'circular:attachSigned': async (a) => {
      const p = periodOf(a.period);
      const file = await ctx.dialogs.openFile({ title: `选择${periodLabel(p)}通报的签发稿（扫描件或定稿文件）`, filters: SIGNED });
      return file ? attachSigned(db(), p, file, SOURCE) : null;
    },
    'locks:unlock': (a) => (unlockQuarter(db(), periodOf(a.period), SOURCE), null),
    'report:export': async (a) => {
      const p = periodOf(a.period);
      const dir = await ctx.dialogs.chooseFolder({ title: `选择保存${periodLabel(p)}计分表和通报稿的文件夹` });
      if (!dir) return null;
      const out = await writeReports(db(), p, dir, asOf(), { date: a.date, docNo: a.docNo });
      const files = [out.workbook, out.circular, out.sms, ...out.signed].filter((f): f is string => Boolean(f));
      written.remember(...files);
      return { files };
    },
    'data:import': async (a) => {
      // the first call (dry run) asks for the file; the confirming call passes back the file the clerk chose
      const file = a.file ?? (await ctx.dialogs.openFile({ title: '选择要导入的表格', filters: SPREADSHEETS }));
      if (!file) return null;
      // a call that names a file may name only one the clerk chose in the dialog (dry run or confirmation)
      if (a.file !== undefined && !chosenImports.has(a.file)) throw new UserError('请先选择文件并检查，再确认导入。');
      chosenImports.add(file);
      const opts = { dryRun: a.dryRun, source: '导入', mapping: a.mapping, mappingSource: SOURCE, includeSimilar: a.includeSimilar, skipBadRows: a.skipBadRows };
      return importReportView(await importData(db(), ctx.dataFile, file, opts, ctx.runImport));
    },
    'data:saveSkipped': async (a) => {
      const file = await ctx.dialogs.saveFile({ title: '保存跳过的行', defaultName: `跳过的行-${asOf()}.xlsx`, filters: XLSX });
      if (!file) return null;
      await saveSkippedRows(file, { rows: a.rows, headers: a.headers });
      written.remember(file);
      return { file };
    },
    'data:export': async () => {
      const file = await ctx.dialogs.saveFile({ title: '导出全部数据', defaultName: `政务信息全部数据-${asOf()}.xlsx`, filters: XLSX });
      if (!file) return null;
      const counts = await exportData(db(), file);
      written.remember(file);
      return { file, counts };
    },
    'data:template': async () => {
      const file = await ctx.dialogs.saveFile({ title: '保存导入模板', defaultName: '政务信息导入模板.xlsx', filters: XLSX });
      if (!file) return null;
      await writeTemplate(db(), file);
      written.remember(file);
      return { file };
    },
    'journal:list': (a) => journal.listJournal(db(), a),
    'journal:get': (a) => journal.journalDetail(db(), a.id),
    'journal:save': (a) => ({ id: journal.saveDraft(db(), a.id, a.draft, SOURCE) }),
    'journal:delete': (a) => (journal.deleteDraft(db(), a.id, SOURCE), null),
    'journal:candidates': (a) => journal.journalCandidates(db(), a),
    'journal:preview': (a) => journal.publishPreview(db(), a.id),
    'journal:publish': (a) => journal.publishIssue(db(), a.id, SOURCE),
    'journal:withdraw': (a) => journal.withdrawIssue(db(), a.id, SOURCE),
    'journal:export': async (a) => {
      const d = journal.journalDetail(db(), a.id);
      const name = `${d.publicationName}${d.state === 'published' ? d.label : `（样稿）${d.date}`}.docx`;
      const file = await ctx.dialogs.saveFile({ title: '保存这一期的 Word 文件', defaultName: name, filters: DOCX });
      if (!file) return null;
      await journal.exportIssue(db(), a.id, file);
      written.remember(file);
      return { file };
    },
    'receive:preview': async (a) => {
      const chosen = a.folder
        ? await ctx.dialogs.chooseFolder({ title: '选择收到的稿件所在的文件夹' })
        : await ctx.dialogs.openFile({ title: '选择收到的稿件', filters: SUBMISSIONS });
      if (!chosen) return null;
      return receiving.preview(db(), chosen);
    },
    'receive:confirm': (a) => receiving.confirm(db(), a.rows, SOURCE),
    'backup:create': async () => {
      const file = await ctx.dialogs.saveFile({ title: '备份数据', defaultName: `政务信息备份-${timestamp()}.db`, filters: DB });
      if (!file) return null;
      await backupTo(db(), file);
      written.remember(file);
      return { file };
    },
    'backup:list': () => backupFiles(ctx.dataFile),
    'backup:restore': async (a) => {
      if (a.confirm) {
        // the confirming call names the file the preview step returned, never a path of its own
        if (!a.file || !chosenBackups.has(a.file)) throw new UserError('请先选择备份并查看其内容，再确认恢复。');
        const replaced = describeLedger(db());
        const restored = await restoreFrom(db(), ctx.dataFile, a.file);
        ctx.replaceDb(restored.db);
        recordRestore(restored.db, SOURCE, { from: a.file, replaced, damagedCopy: null, safetyBackup: restored.safetyBackup });
        written.remember(restored.safetyBackup);
        return { stage: 'done' as const, safetyBackup: restored.safetyBackup };
      }
      const file = a.name !== undefined ? listedBackupFile(ctx.dataFile, a.name) : await ctx.dialogs.openFile({ title: '选择要恢复的备份', filters: DB });
      if (!file) return null;
      const preview = backupPreview(file, db(), ctx.dataFile);
      chosenBackups.add(file);
      return { stage: 'preview' as const, file, preview };
    },
  };
  // Nothing is written before the start-up check has passed: writing methods wait for it (reads answer at once).
  // Writing methods then wait their turn in the one write queue, so an import, a restore or an export that awaits
  // between its steps never interleaves with another write, and a write asked for during a restore runs after it,
  // on the restored ledger (each handler asks for db() only when its turn comes).
  const table = h as Record<Method, (a: never) => unknown>;
  for (const m of METHOD_NAMES)
    if (!READ_METHODS.has(m)) {
      const run = table[m];
      table[m] = (a: never) => queued(() => (checkDone() ? run(a) : ctx.startup.checked!.then(() => run(a))));
    } else if (m !== 'app:startup' && m !== 'app:startupCheck' && ctx.readable) {
      // a ledger that needs its migration has no read-only connection meanwhile: its reads wait for the check too
      const run = table[m];
      table[m] = (a: never) => (checkDone() || ctx.readable!() ? run(a) : ctx.startup.checked!.then(() => run(a)));
    }
  return h;
}

/** Validates `args` against the contract and runs the handler; never throws. */
export async function dispatch(handlers: Handlers, method: string, args: unknown): Promise<Reply<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(METHODS, method)) return { ok: false, error: `未知的操作“${String(method).slice(0, 40)}”。` };
  const m = method as Method;
  try {
    const value = await (handlers[m] as (a: unknown) => unknown)(contractArgs(m, args));
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    // a fault of the program: its own text goes to the main process's log, the clerk reads what to do
    if (!(e instanceof UserError)) console.error(e);
    return { ok: false, error: messageOf(e) };
  }
}
