// The real desktop app under Playwright's Electron support. Needs Electron's binary, so it runs only on a machine
// with internet (.github/workflows/release.yml: `npm run test:electron`), never in the default `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/electron-app/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
