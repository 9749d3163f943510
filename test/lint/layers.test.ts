// The layer rules of docs/架构.md are enforced by lint: SQL outside electron/store fails, RegExp.exec does not, and
// shared/ may import only shared/, zod and dayjs. The rules run on real files through ESLint itself.
import { ESLint } from 'eslint';
import { join, resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import local from '../../lint/rules.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'test/lint/fixtures');

function linter(rule: string, options: unknown[] = [], typed = false): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: typed ? { project: [join(fixtures, 'tsconfig.json')], tsconfigRootDir: fixtures } : {},
        },
        plugins: { local },
        rules: { [`local/${rule}`]: ['error', ...options] },
      },
    ],
  });
}

const lines = (r: ESLint.LintResult[]): number[] => r.flatMap((f) => f.messages.map((m) => m.line));

describe('local/sql-in-store', () => {
  it('with types: flags prepare, pragma, a database’s exec and cachedStatement, and not RegExp.exec', async () => {
    const eslint = linter('sql-in-store', [], true);
    const bad = await eslint.lintFiles([join(fixtures, 'sql-outside-store.ts')]);
    expect(lines(bad)).toEqual([5, 6, 7, 8, 9]);
    expect(bad[0]!.messages[0]!.message).toContain('electron/store/');
    const good = await eslint.lintFiles([join(fixtures, 'regexp-exec.ts')]);
    expect(good[0]!.messages).toEqual([]);
  });

  it('without types: flags exec with SQL text, never a regex literal’s exec', async () => {
    const eslint = linter('sql-in-store');
    const [r] = await eslint.lintText(
      ['db.prepare("SELECT 1");', 'db.exec(`DROP TABLE items`);', '/a(b)/.exec("ab");', 'pattern.exec(text);', 'conn.pragma("optimize");'].join('\n'),
      { filePath: join(root, 'electron/services/sample.ts') },
    );
    expect(r!.messages.map((m) => m.line)).toEqual([1, 2, 5]);
  });

  it('the project config applies it outside electron/store and electron/db only', async () => {
    const eslint = new ESLint({ cwd: root });
    const on = async (file: string): Promise<unknown> => ((await eslint.calculateConfigForFile(join(root, file))) as { rules: Record<string, unknown> }).rules['local/sql-in-store'];
    for (const f of ['electron/services/ledger.ts', 'electron/exchange/import.ts', 'electron/handlers.ts', 'shared/periods.ts', 'renderer/src/api.ts'])
      expect(await on(f), f).toEqual([2]);
    for (const f of ['electron/store/items.ts', 'electron/db/migrations.ts', 'test/helpers/cli.ts']) expect(await on(f), f).toBeUndefined();
  });
});

describe('local/shared-imports', () => {
  const lint = async (code: string, file = 'shared/scoring/sample.ts'): Promise<string[]> => {
    const [r] = await linter('shared-imports', [{ root }]).lintText(code, { filePath: join(root, file) });
    return r!.messages.map((m) => m.message);
  };

  it('allows shared/, zod and dayjs', async () => {
    expect(await lint(`import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport utc from 'dayjs/plugin/utc';\nimport { quarterOf } from '../periods';\nimport type { Facts } from '../domain';\nexport * from './engine';`)).toEqual([]);
  });

  it('refuses Node, Electron, the database, UI libraries and anything outside shared/', async () => {
    for (const source of ['node:fs', 'fs', 'electron', 'better-sqlite3', 'react', 'exceljs', 'lodash', '@scope/pkg'])
      expect(await lint(`import x from '${source}';`), source).toEqual([expect.stringContaining('不在允许的包里')]);
    for (const source of ['../../electron/db/database', '../../renderer/src/api', '../../test/helpers/cli'])
      expect(await lint(`import { x } from '${source}';`), source).toEqual([expect.stringContaining('在 shared/ 之外')]);
    expect(await lint(`const fs = await import('node:fs');`)).toHaveLength(1);
    expect(await lint(`export { x } from '../../electron/clock';`)).toHaveLength(1);
  });
});
