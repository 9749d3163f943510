import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the real Electron app needs its binary: vitest.electron.config.ts, in CI with internet only
    exclude: ['test/electron-app/**', 'node_modules/**'],
    // Dates in workbooks are read as UTC; run in the office's zone so a local-midnight bug cannot hide (pitfalls.md).
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
