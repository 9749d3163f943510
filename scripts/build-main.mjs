// Bundles the Electron main process, the preload and the worker threads into out/electron as CommonJS, named .cjs.
// The extension is what makes the format unambiguous: package.json says "type": "module", so Electron (like Node)
// would load a main.js — and a worker's .js — as an ES module and die at the first require(). A sandboxed preload
// is run by Electron as a plain script whose require() knows only 'electron', so everything else is bundled into it.
// test/shell loads these very files the way Electron's loader does.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('out/electron', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 24
  target: 'node24',
  sourcemap: true,
  logLevel: 'warning',
  // worker-thread.ts asks import.meta only where __dirname is missing (tsx); in these bundles __dirname exists
  logOverride: { 'empty-import-meta': 'silent' },
  outdir: 'out/electron',
  outExtension: { '.js': '.cjs' },
};
await build({
  ...common,
  entryPoints: {
    main: 'electron/main/index.ts',
    'import-worker': 'electron/workers/import-worker.ts',
    'check-worker': 'electron/workers/check-worker.ts',
    'parse-worker': 'electron/workers/parse-worker.ts',
  },
  external: ['electron', 'better-sqlite3', 'exceljs', 'docx', '@e965/xlsx', 'jszip', 'officecrypto-tool'],
});
await build({ ...common, entryPoints: { preload: 'electron/main/preload.ts' }, external: ['electron'] });
