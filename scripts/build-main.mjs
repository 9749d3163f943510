// Bundles the Electron main process and preload into out/electron (CommonJS, as Electron loads them).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: {
    main: 'electron/main/index.ts',
    'import-worker': 'electron/workers/import-worker.ts',
    'parse-worker': 'electron/workers/parse-worker.ts',
  },
  outdir: 'out/electron',
  external: ['electron', 'better-sqlite3', 'exceljs', 'docx', '@e965/xlsx', 'jszip'],
});
// a sandboxed preload may only require 'electron': everything else is bundled in
await build({ ...common, entryPoints: { preload: 'electron/main/preload.ts' }, outdir: 'out/electron', external: ['electron'] });
