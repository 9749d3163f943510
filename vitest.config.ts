import { defineConfig } from 'vitest/config';

// `npm run test:fast` (vitest --mode fast): the edit loop — the pure engine, the handler table, migrations, cells,
// backup retention, the lint rules; seconds. `npm run test:slow` (--mode slow): everything else — crash, fuzz, reports, the command
// line, bad workbooks, e2e. `npm test` runs both. Slow is defined as "not fast", so no test can fall between them.
const FAST = [
  'test/shared/**/*.test.ts',
  'test/electron/handlers.test.ts',
  'test/electron/db/**/*.test.ts',
  'test/electron/exchange/cells.test.ts',
  'test/electron/auto-backup.test.ts',
  'test/packaging/release-workflow.test.ts',
  'test/lint/**/*.test.ts',
];
// the real Electron app needs its binary: vitest.electron.config.ts, in CI with internet only
const NEVER = ['test/electron-app/**', 'node_modules/**'];

export default defineConfig(({ mode }) => ({
  test: {
    include: mode === 'fast' ? FAST : ['test/**/*.test.ts'],
    exclude: mode === 'slow' ? [...NEVER, ...FAST] : NEVER,
    // Dates in workbooks are read as UTC; run in the office's zone so a local-midnight bug cannot hide (docs/已知问题与对策.md §1).
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
}));
