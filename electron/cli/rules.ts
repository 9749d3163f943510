// `zwxx rules export FILE [--name=名称] | import FILE [--dry-run]`: the command-line door to the rule-file service
// (docs/规则文件.md). No logic here beyond reading the arguments. `rules` and `rules list` are one listing, in main.ts.
import { resolve } from 'node:path';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { exportRuleFile, formatRuleImport, importRuleFile } from '../services/rule-files';
import type { CliArgs } from './args';

export const RULES_USAGE = `  rules [list]                        规则集：编号、生效日期、适用季度、已锁定季度
  rules export 文件.json [--name=名称]  把规则集导出为规则文件（默认全部）
  rules import 文件.json [--dry-run]   从规则文件导入新规则集（--dry-run 只检查不写入）`;

const HINT = '运行“npm run -s zwxx -- help”查看用法。';

export function runRules(db: Db, args: CliArgs, out: (s: string) => void, source: string): number {
  const [sub, file] = args.positional;
  const needFile = (): string => {
    if (!file) throw new UserError(`缺少规则文件名。${HINT}`);
    return resolve(file);
  };
  switch (sub) {
    case 'export': {
      const target = needFile();
      const name = args.flags.get('name');
      const names = exportRuleFile(db, target, typeof name === 'string' ? name : undefined);
      out(`已导出规则集 ${names.map((n) => `“${n}”`).join('、')} 到 ${target}`);
      return 0;
    }
    case 'import': {
      const report = importRuleFile(db, needFile(), { dryRun: args.flags.has('dry-run'), source });
      out(formatRuleImport(report));
      return report.problems.length > 0 ? 1 : 0;
    }
    default:
      throw new UserError(`rules 后面应为 list、export 或 import。${HINT}`);
  }
}
