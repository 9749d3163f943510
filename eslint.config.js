// Boundaries of architecture.md §1 are enforced here, not by memory.
import tseslint from 'typescript-eslint';

const nodeOnly = ['electron', 'electron/*', 'better-sqlite3', 'exceljs', 'docx', 'node:*', 'fs', 'path', 'os', 'child_process'];

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
  {
    // the shell smoke test's loader is plain CommonJS on purpose (no TypeScript loader between it and the bundles)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeOnly, 'react', 'react-dom', 'react/*', 'antd', 'zustand'], message: 'shared/ 只能是纯 TypeScript：不得引入 Node、Electron、数据库或界面库。' },
            { group: ['../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*'], message: 'shared/ 不得依赖 electron/ 或 renderer/。' },
          ],
        },
      ],
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
);
