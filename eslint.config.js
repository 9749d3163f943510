// Boundaries of docs/架构.md are enforced here, not by memory: shared/ is pure, renderer/ talks only through the
// contract, and on the Node side db ← store ← services ← {handlers, cli, main}, each layer importing only below it.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import local from './lint/rules.js';

const nodeOnly = ['electron', 'electron/*', 'better-sqlite3', 'exceljs', 'docx', 'node:*', 'fs', 'path', 'os', 'child_process'];

/** Relative imports of a folder of electron/, from anywhere below electron/ (one or two levels deep). */
const into = (...folders) => folders.flatMap((f) => [`./${f}`, `./${f}/*`, `../${f}`, `../${f}/*`, `../../${f}`, `../../${f}/*`]);
const noRenderer = { group: ['**/renderer', '**/renderer/*', '**/renderer/**'], message: 'electron/ 不得依赖 renderer/：界面只通过 IPC 契约与主进程交流。' };
/** no-restricted-imports for a folder of electron/: never the renderer, never the layers named. */
const layer = (message, ...above) => ({
  'no-restricted-imports': ['error', { patterns: [noRenderer, ...(above.length > 0 ? [{ group: into(...above), message }] : [])] }],
});
const FRONT_DOORS = ['handlers', 'cli', 'main'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-output/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // type-aware rules that catch real bugs: a promise nobody awaits, an async function where a void callback is
  // expected, a switch over a union that forgets a case
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json', './tsconfig.scripts.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React ignores what an event handler returns; the pages' async handlers catch through attempt() (renderer/src/api.ts)
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // the shell smoke test's loader is plain CommonJS on purpose (no TypeScript loader between it and the bundles)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // shared/ is pure TypeScript: it may import shared/, zod and dayjs, nothing else (an allowlist, lint/rules.js)
  { files: ['shared/**/*.ts'], plugins: { local }, rules: { 'local/shared-imports': ['error', { root: import.meta.dirname }] } },
  // SQL lives in electron/store (the migrations and the connection's own pragmas in electron/db): a .prepare(),
  // .pragma() or a database's .exec() anywhere else in the app fails lint; RegExp.exec is not SQL
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['electron/store/**', 'electron/db/**'],
    plugins: { local },
    rules: { 'local/sql-in-store': 'error' },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // only says the React Compiler would skip a component (useVirtualizer); this project does not use the compiler
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'renderer/ 只能通过 IPC 契约访问主进程，不得引入 Node、Electron 或数据库。' },
            { group: ['../electron/*', '../../electron/*'], message: 'renderer/ 不得依赖 electron/。' },
          ],
        },
      ],
    },
  },
  // the Node side, one layer a block: each may import only the layers below it
  { files: ['electron/*.ts'], rules: layer('electron/ 根目录的模块（时钟、路径、前门）不得被下层依赖。') },
  { files: ['electron/db/**/*.ts'], rules: layer('db/ 是最底层：只管打开数据库、迁移和审计触发器，不得依赖 store/、services/、exchange/、outputs/ 或前门。', 'store', 'services', 'exchange', 'outputs', 'workers', ...FRONT_DOORS) },
  { files: ['electron/store/**/*.ts'], rules: layer('store/ 只读写表：不得依赖 services/、exchange/、outputs/ 或前门（handlers、cli、main）。', 'services', 'exchange', 'outputs', 'workers', ...FRONT_DOORS) },
  { files: ['electron/exchange/**/*.ts', 'electron/outputs/**/*.ts'], rules: layer('exchange/ 和 outputs/ 与 services/ 同层：不得依赖前门（handlers、cli、main）。', 'workers', ...FRONT_DOORS) },
  { files: ['electron/services/**/*.ts', 'electron/workers/**/*.ts'], rules: layer('services/ 不得依赖前门（handlers、cli、main）：前门调用服务，而不是相反。', ...FRONT_DOORS) },
  // the front doors are argument → service → view: they reach the tables only through services/
  { files: ['electron/handlers.ts', 'electron/cli/**/*.ts', 'electron/main/**/*.ts'], rules: layer('前门（handlers、cli、main）只调用 services/，不得直接读写 store/。', 'store') },
);
