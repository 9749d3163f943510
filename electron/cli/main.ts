// The command line (docs/命令行.md): the app's own services, headless. `npm run -s zwxx -- <command> …`
// Each command is argument → service → view; list commands validate their flags with the contract's schemas.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Method } from '../../shared/ipc/contract';
import { periodText, quartersText } from '../../shared/periods';
import { today } from '../clock';
import { closeDatabase, type Db } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { exportData, writeTemplate } from '../exchange/export';
import { formatReport } from '../exchange/import';
import { defaultDatabaseFile } from '../paths';
import { lockedQuarterList } from '../services/app-info';
import { contractArgs } from '../services/arguments';
import { listAudit } from '../services/audit-log';
import { recordRestore } from '../services/audit-entries';
import { backupTo, checkDatabase, describeLedger, restoreFrom } from '../services/backup';
import { circularPreview } from '../services/circular';
import { importData, saveSkippedRows, skippedRowsFileFor } from '../services/imports';
import { lockQuarter, unlockQuarter } from '../services/locks';
import { listEvents, listItems, listRequests, listUnits } from '../services/queries';
import { listRecycleBin } from '../services/recycle';
import { documentsToKeep, writeReports } from '../services/report';
import { openChecked, recoverFromBackup, type StartupFailure } from '../services/startup';
import { listRulesInUse, ruleWords, saveRules } from '../services/rules';
import { periodOf, periodScores, scoresJson, scoresTable } from '../services/scores';
import { readSettings, writeSettings } from '../services/settings';
import { parseArgs, type CliArgs } from './args';
import { JOURNAL_USAGE, runJournal } from './journal';
import { RULES_USAGE, runRules } from './rules';
import { auditTable, circularText, eventsTable, itemsTable, recycleTable, requestsTable, rulesTable, settingsText, unitsTable } from './views';

const USAGE = `用法：npm run -s zwxx -- <命令> [参数] [--db 数据文件]

数据
  import 文件.xlsx [--dry-run]        导入数据交换工作簿（--dry-run 只检查不写入；写入前自动备份）
            [--skip-similar]          与已有信息相近的新信息列出、不导入（默认照常导入并列出，请核对）
            [--skip-bad-rows]         跳过有问题的行，其余照常导入；跳过的行存为“文件名-跳过的行.xlsx”
  export-data 文件.xlsx               把全部数据导出为数据交换工作簿
  template 文件.xlsx                  生成空白导入模板（带下拉列表）
  backup 文件.db                      备份数据
  restore 文件.db                     从备份恢复（恢复前自动备份当前数据）
  check                               检查数据完整性

计分与通报
  scores --period P [--json]          计分：P 为 2019-04（月）、2019Q2（季度）或 2019（年）
  circular --period P [--json]        通报稿预览：P 为 2019Q2（季度）或 2019（年）
  report --period P --out 文件夹       生成计分表；季度另生成通报稿和短信名单，年度另生成年度通报稿
  lock --period 2019Q2                锁定已通报的季度
  unlock --period 2019Q2              解锁季度
  locks                               列出已锁定的季度

查看（均可加 --json 输出原始数据）
  units                               单位名单
  items [--month 2019-04] [--from 日期] [--to 日期] [--unit 单位编号] [--q 关键词] [--offset N] [--limit N]
                                      信息登记
  requests [--year 2019]              约稿及完成情况
  events [--year 2019]                加减分事项
  audit [--from 日期] [--to 日期] [--source 来源] [--offset N] [--limit N]
                                      操作记录
  recycle                             回收站
${RULES_USAGE}
${JOURNAL_USAGE}
  settings                            通报设置

修改
  settings-save 文件.json             保存通报设置（格式同 settings --json 的输出）
  rules-save 文件.json [--id 编号]     保存规则集（不写 --id 为新增；已用于锁定季度的规则集不能修改）

--db 默认为本程序的数据文件：${defaultDatabaseFile()}
--as-of YYYY-MM-DD 按指定日期判断“暂定”和“逾期”（默认今天）`;

const SOURCE = '命令行';
const HELP_HINT = '运行“npm run -s zwxx -- help”查看用法。';

function need(args: CliArgs, what: string): string {
  const v = args.positional[0];
  if (!v) throw new UserError(`缺少${what}。${HELP_HINT}`);
  return resolve(v);
}

function flag(args: CliArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function number(args: CliArgs, name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UserError(`--${name} 应为数字，例如 --${name} 10`);
  return Number(v);
}

function period(args: CliArgs): string {
  const p = flag(args, 'period');
  if (!p) throw new UserError('缺少 --period，例如 --period 2019Q2');
  return p;
}

/** Flags for a contract method, validated by the contract's own schema (absent flags are left out). */
function methodArgs<M extends Method>(method: M, flags: Record<string, unknown>) {
  return contractArgs(method, Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)), { flags: true });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`无法读取 ${file}：文件不存在或没有读取权限。请检查文件名和路径。`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError(`${file} 不是有效的 JSON 文件（可能缺了引号、逗号或括号）。请用 settings --json 或 rules export 生成的文件对照修改。`);
  }
}

interface Run {
  db: Db;
  dbFile: string;
  args: CliArgs;
  asOf: string;
  out: (s: string) => void;
  /** after a restore the command goes on with the restored ledger */
  replaceDb: (db: Db) => void;
}

/** `--json` prints the service's answer, otherwise the view for a clerk. */
const show = <T>(r: Run, value: T, view: (v: T) => string): number => (r.out(r.args.flags.has('json') ? JSON.stringify(value, null, 2) : view(value)), 0);

const COMMANDS: Record<string, (r: Run) => number | Promise<number>> = {
  import: async ({ db, dbFile, args, out }) => {
    const file = need(args, '要导入的工作簿');
    const report = await importData(db, dbFile, file, {
      dryRun: args.flags.has('dry-run'),
      source: SOURCE,
      // a script cannot tick rows as the preview does: by default everything goes in and the near rows are listed to
      // check, so a re-import never loses an item silently; --skip-similar leaves them out instead
      includeSimilar: args.flags.has('skip-similar') ? undefined : 'all',
      skipBadRows: args.flags.has('skip-bad-rows'),
    });
    out(formatReport(report));
    // the skipped rows are never only printed: they are saved beside the workbook to be fixed and imported again
    if (report.applied && report.skipped.length > 0) {
      const saved = skippedRowsFileFor(file);
      await saveSkippedRows(saved, { rows: report.skipped, headers: report.skippedHeaders });
      out(`跳过的行已存为：${saved}（改正后可再导入）`);
    }
    return report.problems.length > 0 ? 1 : 0;
  },
  'export-data': async ({ db, args, out }) => {
    const file = need(args, '导出文件名');
    const c = await exportData(db, file);
    out(`已导出到 ${file}：单位 ${c.units}，信息 ${c.items}，采用 ${c.adoptions}，批示 ${c.instructions}，约稿 ${c.requests}，加减分 ${c.events}`);
    return 0;
  },
  template: async ({ db, args, out }) => {
    const file = need(args, '模板文件名');
    await writeTemplate(db, file);
    out(`已生成导入模板：${file}`);
    return 0;
  },
  backup: async ({ db, args, out }) => {
    const file = need(args, '备份文件名');
    await backupTo(db, file);
    out(`已备份到 ${file}`);
    return 0;
  },
  restore: async ({ db, dbFile, args, out, replaceDb }) => {
    const file = need(args, '备份文件');
    const replaced = describeLedger(db);
    const restored = await restoreFrom(db, dbFile, file);
    replaceDb(restored.db);
    recordRestore(restored.db, SOURCE, { from: file, replaced, damagedCopy: null, safetyBackup: restored.safetyBackup });
    out(`已从 ${file} 恢复。恢复前的数据已另存为 ${restored.safetyBackup}，如需撤销可再从它恢复。`);
    return 0;
  },
  check: ({ db, out }) => {
    const r = checkDatabase(db);
    if (r.ok) out('数据完整性检查通过。');
    else {
      for (const m of r.integrity) out(`完整性问题：${m}`);
      for (const f of r.foreignKeys) out(`引用问题：表 ${f.table} 第 ${f.rowid} 行引用的 ${f.parent} 记录不存在`);
    }
    return r.ok ? 0 : 1;
  },
  scores: ({ db, args, asOf, out }) => {
    const scores = periodScores(db, periodOf(period(args)), asOf);
    out(args.flags.has('json') ? JSON.stringify(scoresJson(scores), null, 2) : scoresTable(scores));
    return 0;
  },
  circular: (r) => {
    const { period: code } = methodArgs('circular:preview', { period: period(r.args) });
    return show(r, circularPreview(r.db, periodOf(code), r.asOf), (c) => circularText(c.text));
  },
  report: async ({ db, args, asOf, out }) => {
    const outDir = flag(args, 'out');
    if (!flag(args, 'period') || !outDir) throw new UserError('缺少 --period 或 --out，例如 report --period 2019Q2 --out 输出文件夹');
    const files = await writeReports(db, periodOf(period(args)), resolve(outDir), asOf);
    const head = files.kept ? '该季度已锁定，写出的是锁定时留存的文件：' : '已生成：';
    out([head, files.workbook, files.circular, files.sms, ...files.signed].filter(Boolean).join('\n  '));
    return 0;
  },
  lock: async ({ db, args, asOf, out }) => {
    const p = periodOf(period(args));
    const locked = lockQuarter(db, p, SOURCE, asOf, await documentsToKeep(db, p, asOf));
    out(`已锁定${quartersText(locked)}`);
    return 0;
  },
  unlock: ({ db, args, out }) => {
    const p = periodOf(period(args));
    const unlocked = unlockQuarter(db, p, SOURCE);
    out(`已解锁${quartersText(unlocked)}`);
    return 0;
  },
  locks: (r) => show(r, lockedQuarterList(r.db), (l) => (l.length > 0 ? l.map((c) => periodText(c)).join('\n') : '没有锁定的季度。')),
  units: (r) => show(r, listUnits(r.db), (v) => unitsTable(v, ruleWords(r.db))),
  items: (r) => {
    const a = r.args;
    const filter = methodArgs('items:list', {
      month: flag(a, 'month'),
      from: flag(a, 'from'),
      to: flag(a, 'to'),
      unitId: number(a, 'unit'),
      q: flag(a, 'q'),
      offset: number(a, 'offset') ?? 0,
      limit: number(a, 'limit') ?? 1000,
    });
    return show(r, listItems(r.db, filter), itemsTable);
  },
  requests: (r) => show(r, listRequests(r.db, r.asOf, methodArgs('requests:list', { year: number(r.args, 'year') }).year), (v) => requestsTable(v, ruleWords(r.db))),
  events: (r) => show(r, listEvents(r.db, methodArgs('events:list', { year: number(r.args, 'year') }).year), (v) => eventsTable(v, ruleWords(r.db))),
  audit: (r) => {
    const a = r.args;
    const filter = methodArgs('audit:list', {
      from: flag(a, 'from'),
      to: flag(a, 'to'),
      source: flag(a, 'source'),
      offset: number(a, 'offset'),
      limit: number(a, 'limit'),
    });
    return show(r, listAudit(r.db, filter), auditTable);
  },
  recycle: (r) => show(r, listRecycleBin(r.db), recycleTable),
  // `rules` and `rules list`: one listing, the 规则设置 page's (with --json, its answer); export | import: rule files
  rules: (r) => {
    const [sub] = r.args.positional;
    return sub === undefined || sub === 'list' ? show(r, listRulesInUse(r.db, r.asOf), rulesTable) : runRules(r.db, r.args, r.out, SOURCE);
  },
  journal: (r) => runJournal(r.db, r.args, r.out, SOURCE),
  settings: (r) => show(r, readSettings(r.db), settingsText),
  'settings-save': ({ db, args, out }) => {
    writeSettings(db, readJson(need(args, '设置文件（JSON）')), SOURCE);
    out('已保存通报设置。');
    return 0;
  },
  'rules-save': ({ db, args, asOf, out }) => {
    // the whole call is validated once the rule set is read (the rules are what the contract requires)
    const a = methodArgs('rules:save', { id: number(args, 'id'), rules: readJson(need(args, '规则集文件（JSON）')) });
    const saved = saveRules(db, a, SOURCE, asOf);
    out(`已保存规则集（编号 ${saved.id}）。`);
    return 0;
  },
};

/** A ledger that failed its check: `check` reports it, `restore` recovers from a backup, the rest refuse. */
async function damaged(args: CliArgs, dbFile: string, f: StartupFailure, out: (s: string) => void): Promise<number> {
  if (args.command === 'check') {
    out(f.problem);
    for (const d of f.details) out(`  ${d}`);
    return 1;
  }
  if (args.command === 'restore') {
    const file = need(args, '备份文件');
    const r = await recoverFromBackup(dbFile, file);
    recordRestore(r.db, SOURCE, { from: file, replaced: null, damagedCopy: r.damagedCopy, safetyBackup: null });
    closeDatabase(r.db);
    out(`已从备份恢复。${r.damagedCopy ? `损坏的数据文件已移到 ${r.damagedCopy}。` : ''}`);
    return 0;
  }
  throw new UserError(`${f.problem}${f.details[0] ? `（${f.details[0]}）` : ''}数据文件未被改动。请运行 check 查看，或用 restore 从备份恢复。`);
}

async function run(args: CliArgs, out: (s: string) => void): Promise<number> {
  if (!args.command || args.command === 'help' || args.flags.has('help')) {
    out(USAGE);
    return args.command ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, args.command) ? COMMANDS[args.command] : undefined;
  if (!command) throw new UserError(`没有“${args.command}”这个命令。${HELP_HINT}`);
  const dbFile = resolve(flag(args, 'db') ?? defaultDatabaseFile());
  // the same opening as the app: checked read-only first, then opened for writing in the storage's journal mode
  const opened = openChecked(dbFile);
  if (!opened.ok) return damaged(args, dbFile, opened, out);
  let db: Db = opened.db;
  try {
    return await command({ db, dbFile, args, asOf: flag(args, 'as-of') ?? today(), out, replaceDb: (d) => (db = d) });
  } finally {
    closeDatabase(db);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(parseArgs(argv), (s) => process.stdout.write(`${s}\n`));
  } catch (e) {
    process.stderr.write(`错误：${messageOf(e).replace(/\n/g, ' ')}\n`);
    return e instanceof UserError ? 1 : 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
