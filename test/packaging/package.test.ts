// What the installers would carry, packed for real: electron-builder with the project's electron-builder.yml packs
// Linux x64 and Windows x64 (`--dir`) against a stand-in Electron (stand-in.ts) into a temporary folder outside the
// repository, once per platform per run. Checked: the asar holds only the built app, package.json and the production
// node_modules (an allowlist); exactly one better-sqlite3 addon, the target's; the size budget; the fuses flipped in
// the executable; Windows' asar-integrity resource; the locales kept; the desktop entry; and the extracted Linux tree
// passes the shell smoke test (test/shell) in packaged mode — IPC into the real services, the worker threads for
// real, modules resolved only from inside the package. The Windows addon cannot load here; its smoke test, and
// everything that needs Electron's binary, runs in the release workflow.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, extractFile, getRawHeader, listPackage, statFile } from '@electron/asar';
import { NtExecutable, NtExecutableResource } from 'resedit';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { configuredFuses, packedFuses } from './fuses';
import { type Platform, makeStandInElectron, packDir } from './stand-in';

const ROOT = resolve(__dirname, '../..');
const cfg = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { executableName: string };
  productName: string;
};
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; desktopName: string };

/** The budget per package: app.asar plus app.asar.unpacked (measured 38.0 MB with the readers for Word submissions and
 * for workbooks encrypted with Excel's default key; with the per-platform files lists that packed the whole working
 * tree it was 61.8 MB). */
const SIZE_BUDGET_MB = 42;

const PLATFORMS: Platform[] = ['linux', 'win'];
const packed = {} as Record<Platform, string>;
let work: string;

// the production dependency closure as npm resolved it: name@version of every lock entry not marked dev.
// (electron-builder lays node_modules out again by itself, so a package's place can differ from npm's.)
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
};
const PRODUCTION = new Set(
  Object.entries(lock.packages)
    .filter(([key, p]) => key !== '' && !p.dev && !p.devOptional)
    .map(([key, p]) => `${packageName(key)}@${p.version}`),
);

/** node_modules/a/node_modules/@b/c → @b/c */
function packageName(dir: string): string {
  return dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** node_modules/a/node_modules/@b/c/lib/x.js → node_modules/a/node_modules/@b/c */
function packageOf(file: string): string | null {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return null;
  return parts.slice(0, at + (parts[at + 1]!.startsWith('@') ? 3 : 2)).join('/');
}

/** The asar's files (no folders), without the leading slash. */
function asarFiles(archive: string): string[] {
  return listPackage(archive, { isPack: false })
    .map((p) => p.replace(/^[\\/]/, '').split(sep).join('/'))
    .filter((p) => !('files' in statFile(archive, p, false)));
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

const executableOf = (platform: Platform): string => join(packed[platform], platform === 'linux' ? cfg.linux.executableName : `${cfg.productName}.exe`);

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/electron/main.cjs')) || !existsSync(join(ROOT, 'out/renderer/index.html')))
    await promisify(execFile)(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { cwd: ROOT });
  work = tempDir('zwxx-pack-');
  // one pack per platform, one after the other: CI has two cores
  for (const platform of PLATFORMS) {
    const dist = makeStandInElectron(join(work, `electron-${platform}`), platform);
    packed[platform] = await packDir(platform, dist, join(work, `out-${platform}`), [`-c.afterPack=${join(__dirname, 'after-pack-probe.cjs')}`]);
  }
}, 300_000);

// two packed trees and an extracted one: about 100 MB of temporary files
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(PLATFORMS)('the %s x64 package', (platform) => {
  const resources = () => join(packed[platform], 'resources');
  const archive = () => join(resources(), 'app.asar');

  it('is packed outside the repository', () => {
    expect(relative(ROOT, packed[platform]).startsWith('..')).toBe(true);
    expect(existsSync(archive())).toBe(true);
  });

  it('carries only the built app, package.json and the production node_modules', () => {
    const files = asarFiles(archive());
    const app = files.filter((f) => !f.startsWith('node_modules/'));
    const outside = app.filter(
      (f) =>
        f !== 'package.json' &&
        !/^out\/electron\/(main|preload|import-worker|check-worker|parse-worker)\.cjs$/.test(f) &&
        !/^out\/renderer\/(index\.html|assets\/[\w.-]+\.(js|css|woff2?|png|svg))$/.test(f),
    );
    expect(outside).toEqual([]);
    for (const f of ['package.json', 'out/electron/main.cjs', 'out/electron/preload.cjs', 'out/electron/import-worker.cjs', 'out/electron/check-worker.cjs', 'out/electron/parse-worker.cjs', 'out/renderer/index.html'])
      expect(files, f).toContain(f);
    // never sources, tests (the test bridge), docs, benchmarks, CI files, source maps or TypeScript
    expect(files.filter((f) => /^(electron|renderer|shared|test|bench|bench-data|docs|scripts|assets|\.ci|\.github)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(map|ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    // node_modules: production packages only (nothing of electron, react, vite, the test tools)
    const modules = [...new Set(files.filter((f) => f.startsWith('node_modules/')).map(packageOf))];
    expect(modules).not.toContain(null);
    const shipped = (modules as string[]).map((dir) => {
      const { name, version } = JSON.parse(extractFile(archive(), `${dir}/package.json`).toString('utf8')) as { name: string; version: string };
      expect(name, dir).toBe(packageName(dir));
      return `${name}@${version}`;
    });
    expect(shipped.filter((p) => !PRODUCTION.has(p))).toEqual([]);
    for (const dep of Object.keys(rootPkg.dependencies)) expect(modules, dep).toContain(`node_modules/${dep}`);
    for (const dev of ['electron', 'electron-builder', 'react', 'antd', 'vite', 'vitest', 'typescript', 'playwright-core']) expect(modules).not.toContain(`node_modules/${dev}`);
  });

  it('package.json names the CommonJS main and the desktop name, and nothing of the build', () => {
    const pkg = JSON.parse(extractFile(archive(), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('out/electron/main.cjs');
    expect(pkg.desktopName).toBe('zwxx-desk.desktop');
    expect(pkg.productName).toBe(cfg.productName);
  });

  it('ships exactly one better-sqlite3 addon: the target system and architecture, unpacked from asar', () => {
    const addons = allFiles(packed[platform]).filter((f) => f.endsWith('.node'));
    expect(addons.map((f) => relative(packed[platform], f).split(sep).join('/'))).toEqual([
      `resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/${platform === 'win' ? 'win32' : 'linux'}-x64.node`,
    ]);
    const bytes = readFileSync(addons[0]!);
    if (platform === 'linux') {
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
      expect(bytes.readUInt16LE(18)).toBe(62); // EM_X86_64
    } else {
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('MZ');
      expect(bytes.readUInt16LE(bytes.readUInt32LE(0x3c) + 4)).toBe(0x8664); // IMAGE_FILE_MACHINE_AMD64
    }
    // inside the asar the addon is only a pointer to the unpacked file
    expect(asarFiles(archive()).filter((f) => f.endsWith('.node'))).toHaveLength(1);
  });

  it(`stays within ${SIZE_BUDGET_MB} MB (app.asar + app.asar.unpacked)`, () => {
    const asarMb = statSync(archive()).size / 1e6;
    const unpackedMb = folderBytes(join(resources(), 'app.asar.unpacked')) / 1e6;
    console.log(`${platform} x64：app.asar ${asarMb.toFixed(1)} MB，app.asar.unpacked ${unpackedMb.toFixed(1)} MB（预算 ${SIZE_BUDGET_MB} MB）`);
    expect(asarMb + unpackedMb).toBeLessThanOrEqual(SIZE_BUDGET_MB);
  });

  it('has its fuses flipped in the executable: no Node runtime, only its own asar, encrypted cookies', async () => {
    const wanted = {
      runAsNode: 'off',
      enableNodeOptionsEnvironmentVariable: 'off',
      enableNodeCliInspectArguments: 'off',
      enableEmbeddedAsarIntegrityValidation: 'on',
      onlyLoadAppFromAsar: 'on',
      enableCookieEncryption: 'on',
      grantFileProtocolExtraPrivileges: 'off',
    };
    expect(configuredFuses()).toEqual(wanted);
    expect(await packedFuses(executableOf(platform), Object.keys(wanted))).toEqual(wanted);
  });

  it('keeps only the Chinese and English locales, and the sample roster and icon as resources', () => {
    expect(readdirSync(join(packed[platform], 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    expect(readdirSync(join(resources(), 'assets')).sort()).toEqual(['icon.png', 'sample-roster.csv']);
    expect(readdirSync(resources()).filter((f) => f.endsWith('.asar'))).toEqual(['app.asar']);
  });
});

describe('Windows only', () => {
  it('the executable embeds the hash of its app.asar header (asar integrity)', () => {
    const exe = NtExecutable.from(readFileSync(executableOf('win')));
    const entry = NtExecutableResource.from(exe).entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
    expect(entry).toBeDefined();
    const list = JSON.parse(Buffer.from(entry!.bin).toString('utf8')) as { file: string; alg: string; value: string }[];
    const header = getRawHeader(join(packed.win, 'resources', 'app.asar')).headerString;
    expect(list).toEqual([{ file: 'resources\\app.asar', alg: 'SHA256', value: createHash('sha256').update(header).digest('hex') }]);
  });
});

describe('Linux only', () => {
  it('the desktop entry is named after desktopName and groups the window under it', () => {
    const probe = JSON.parse(readFileSync(join(work, 'out-linux', 'desktop-entry.json'), 'utf8')) as { fileName: string; entry: string };
    expect(rootPkg.desktopName).toBe('zwxx-desk.desktop');
    expect(probe.fileName).toBe('zwxx-desk');
    const entry = Object.fromEntries(
      probe.entry
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(entry).toMatchObject({
      Name: '政务信息计分通报',
      Exec: '"/opt/政务信息计分通报/zwxx-desk" %U',
      Icon: 'zwxx-desk',
      StartupWMClass: 'zwxx-desk',
      Type: 'Application',
      Terminal: 'false',
      Categories: 'Office;',
    });
    expect(entry.Comment).toMatch(/离线桌面工具/);
  });

  it('the extracted package passes the shell smoke test in packaged mode, with nothing from the repository', async () => {
    const app = join(packed.linux, 'resources', 'app');
    // the asar's files, with the unpacked addon copied in beside them, as Electron's asar layer would show them
    extractAll(join(packed.linux, 'resources', 'app.asar'), app);
    expect(existsSync(join(app, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'))).toBe(true);
    // no node_modules above the package could stand in for a missing production dependency
    for (let dir = app; dir !== resolve(dir, '..'); dir = resolve(dir, '..')) if (dir !== app) expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
    const report = join(work, 'smoke.json');
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/shell/shell.test.ts', '--reporter=json', `--outputFile=${report}`],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', HOME: work, TZ: 'Asia/Shanghai', ZWXX_SMOKE_APP_DIR: app } },
    ).catch((e: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    });
    const result = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; testResults: { assertionResults: { title: string; status: string }[] }[] };
    expect(result.numFailedTests).toBe(0);
    expect(result.numPendingTests).toBe(0);
    const titles = result.testResults.flatMap((r) => r.assertionResults.map((a) => `${a.status} ${a.title}`));
    expect(titles).toContain('passed packaged: main loads, sets up the window and answers through the preload');
    expect(titles).toContain('passed every native addon the app ships loads in the chosen Electron and on UOS 20 / Kylin V10');
    expect(titles.some((t) => t.includes('default_app'))).toBe(false);
  }, 300_000);
});

