// The command line (exchange.md §2): the app's own services, headless. `npm run -s zwxx -- <command> …`
import { resolve } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { exportData } from '../exchange/export';
import { formatReport, importWorkbook } from '../exchange/import';
import { defaultDatabaseFile } from '../paths';
import { backupBeforeImport } from '../services/auto-backup';
import { backupTo, checkDatabase, restoreFrom } from '../services/backup';
import { lockQuarter, unlockQuarter } from '../services/locks';
import { writeReports } from '../services/report';
import { periodOrThrow, periodScores, scoresJson, scoresTable, today } from '../services/scores';
import { parseArgs, type CliArgs } from './args';
import { RULES_USAGE, runRules } from './rules';

const USAGE = `用法：npm run -s zwxx -- <命令> [参数] [--db 数据文件]

  import 文件.xlsx [--dry-run]        导入数据交换工作簿（--dry-run 只检查不写入）
  export-data 文件.xlsx               把全部数据导出为数据交换工作簿
  template 文件.xlsx                  生成空白导入模板（带下拉列表）
  scores --period P [--json]          计分：P 为 2019-04（月）、2019Q2（季度）或 2019（年）
  report --period P --out 文件夹       生成计分表；季度另生成通报稿和短信名单，年度另生成年度通报稿
  backup 文件.db                      备份数据
  restore 文件.db                     从备份恢复（恢复前自动备份当前数据）
  check                               检查数据完整性
  lock --period 2019Q2                锁定已通报的季度
  unlock --period 2019Q2              解锁季度
${RULES_USAGE}

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

async function run(args: CliArgs, out: (s: string) => void): Promise<number> {
  if (!args.command || args.command === 'help' || args.flags.has('help')) {
    out(USAGE);
    return args.command ? 0 : 2;
  }
  const known = ['import', 'export-data', 'template', 'scores', 'backup', 'restore', 'check', 'lock', 'unlock', 'report', 'rules'];
  if (!known.includes(args.command)) throw new UserError(`没有“${args.command}”这个命令。${HELP_HINT}`);
  const dbFile = resolve(flag(args, 'db') ?? defaultDatabaseFile());
  const asOf = flag(args, 'as-of') ?? today();
  let db: Db = openDatabase(dbFile);
  try {
    switch (args.command) {
      case 'rules':
        return runRules(db, args, out, SOURCE);
      case 'import': {
        const file = need(args, '要导入的工作簿');
        if (!args.flags.has('dry-run')) await backupBeforeImport(db, dbFile);
        const report = await importWorkbook(db, file, { dryRun: args.flags.has('dry-run'), source: SOURCE });
        out(formatReport(report));
        return report.problems.length > 0 ? 1 : 0;
      }
      case 'export-data': {
        const file = need(args, '导出文件名');
        const counts = await exportData(db, file);
        out(`已导出到 ${file}：单位 ${counts.units}，信息 ${counts.items}，采用 ${counts.adoptions}，批示 ${counts.instructions}，约稿 ${counts.requests}，加减分 ${counts.events}`);
        return 0;
      }
      case 'template': {
        const file = need(args, '模板文件名');
        const { writeTemplate } = await import('../exchange/export');
        await writeTemplate(db, file);
        out(`已生成导入模板：${file}`);
        return 0;
      }
      case 'scores': {
        const period = flag(args, 'period');
        if (!period) throw new UserError('缺少 --period，例如 --period 2019Q2');
        const scores = periodScores(db, periodOrThrow(period), asOf);
        out(args.flags.has('json') ? JSON.stringify(scoresJson(scores), null, 2) : scoresTable(scores));
        return 0;
      }
      case 'backup': {
        const file = need(args, '备份文件名');
        await backupTo(db, file);
        out(`已备份到 ${file}`);
        return 0;
      }
      case 'restore': {
        const file = need(args, '备份文件');
        const restored = await restoreFrom(db, dbFile, file);
        db = restored.db;
        out(`已从 ${file} 恢复。恢复前的数据已另存为 ${restored.safetyBackup}，如需撤销可再从它恢复。`);
        return 0;
      }
      case 'check': {
        const r = checkDatabase(db);
        if (r.ok) out('数据完整性检查通过。');
        else {
          for (const m of r.integrity) out(`完整性问题：${m}`);
          for (const f of r.foreignKeys) out(`引用问题：表 ${f.table} 第 ${f.rowid} 行引用的 ${f.parent} 记录不存在`);
        }
        return r.ok ? 0 : 1;
      }
      case 'lock':
      case 'unlock': {
        const period = flag(args, 'period');
        if (!period) throw new UserError('缺少 --period，例如 --period 2019Q2');
        const p = periodOrThrow(period);
        if (args.command === 'lock') lockQuarter(db, p, SOURCE, asOf);
        else unlockQuarter(db, p, SOURCE);
        out(`${args.command === 'lock' ? '已锁定' : '已解锁'} ${p.code}`);
        return 0;
      }
      case 'report': {
        const period = flag(args, 'period');
        const outDir = flag(args, 'out');
        if (!period || !outDir) throw new UserError('缺少 --period 或 --out，例如 report --period 2019Q2 --out 输出文件夹');
        const files = await writeReports(db, periodOrThrow(period), resolve(outDir), asOf);
        out(['已生成：', files.workbook, files.circular, files.sms].filter(Boolean).join('\n  '));
        return 0;
      }
    }
    return 2;
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

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
