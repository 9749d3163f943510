// The release workflow and the installer configuration, read as data. The workflow only runs on GitHub (it needs
// Electron's binary, arm runners, Windows); what can be checked here is its shape: which jobs, in what order, that
// the addon is really built from source, that what is tested is what ships, and that it asks for no more rights
// than it needs. The packed content itself is checked by package.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name: string;
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: Record<string, unknown>[] } };
  steps: Step[];
}
const wf = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const jobs = wf.jobs;
const needs = (job: string) => [jobs[job]!.needs ?? []].flat().sort();
const runs = (job: string) => jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
/** index of the first step of `job` whose run text matches */
const stepIndex = (job: string, re: RegExp) => jobs[job]!.steps.findIndex((s) => re.test(s.run ?? ''));

const cfg = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  desktopName: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

describe('the release workflow', () => {
  it('runs on a version tag or by hand, with read-only rights except the release job', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(wf.on.push).toEqual({ tags: ['v*'] });
    expect(wf.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(jobs).filter(([, j]) => j.permissions && Object.values(j.permissions).some((p) => p !== 'read'));
    expect(writers.map(([id, j]) => [id, j.permissions])).toEqual([['release', { contents: 'write' }]]);
    for (const [id, job] of Object.entries(jobs))
      for (const step of job.steps.filter((s) => s.uses)) expect(step.uses, `${id}: ${step.uses}`).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    // checkouts keep no token around for the build scripts
    for (const [id, job] of Object.entries(jobs))
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout'))) expect(step.with, id).toMatchObject({ 'persist-credentials': false });
  });

  it('has its jobs in order: tests and the addon before packing, every package before the release', () => {
    expect(Object.keys(jobs).sort()).toEqual(['actionlint', 'linux-addon', 'package-linux', 'package-win', 'release', 'test']);
    expect(needs('linux-addon')).toEqual([]);
    expect(needs('package-linux')).toEqual(['linux-addon', 'test']);
    expect(needs('package-win')).toEqual(['test']);
    expect(needs('release')).toEqual(['actionlint', 'package-linux', 'package-win']);
    expect(jobs.release!.if).toMatch(/startsWith\(github\.ref, 'refs\/tags\/v'\)/);
    expect(runs('test')).toMatch(/^npm ci\b/m);
    expect(runs('test')).toMatch(/^npm test$/m);
  });

  it('checks itself with actionlint from its official release, checksum verified', () => {
    const text = runs('actionlint');
    expect(text).toContain('https://github.com/rhysd/actionlint/releases/download/v');
    expect(text).toMatch(/checksums\.txt/);
    expect(text).toMatch(/sha256sum -c -/);
    expect(text).toMatch(/\.\/actionlint .*\.github\/workflows\/release\.yml/);
  });

  it('builds the Linux addon from source, forced, in manylinux_2_28 for x64 and arm64, and gates its glibc needs', () => {
    const matrix = jobs['linux-addon']!.strategy!.matrix.include;
    expect(matrix.map((m) => [m.arch, m.image])).toEqual([
      ['x64', 'quay.io/pypa/manylinux_2_28_x86_64'],
      ['arm64', 'quay.io/pypa/manylinux_2_28_aarch64'],
    ]);
    expect(runs('linux-addon')).toMatch(/docker run .*--platform .*bash scripts\/release\/build-addon\.sh/);
    const script = readFileSync(join(ROOT, 'scripts/release/build-addon.sh'), 'utf8');
    // better-sqlite3's own build-release script is the forced build: without --force_build=1 binding.gyp builds nothing
    expect(script).toMatch(/cd node_modules\/better-sqlite3 && npm run build-release/);
    const bsq = JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(bsq.scripts['build-release']).toMatch(/node-gyp rebuild --release --force_build=1/);
    expect(script).toMatch(/python3 --version/);
    expect(script).toMatch(/npm_config_python/);
    expect(script).toMatch(/cp node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node/);
    expect(script).toMatch(/glibc-gate\.ts "\$out"/);
    expect(script).toMatch(/sha256sum -c -/);
  });

  it.each(['package-linux', 'package-win'])('%s: packs once with --dir outside the checkout, tests that tree, then makes installers from it', (job) => {
    const text = runs(job);
    // continued lines joined
    const builds = [...text.replace(/\\\n\s*/g, ' ').matchAll(/npx electron-builder [^\n]*/g)].map((m) => m[0]);
    // exactly one pack (a --dir) and one installer run from the packed folder; never a second full build
    expect(builds).toHaveLength(2);
    expect(builds[0]).toMatch(/--dir/);
    expect(builds[0]).toMatch(/-c\.directories\.output=\$\{RUNNER_TEMP\}\/pack/);
    expect(builds[1]).toMatch(/--prepackaged "\$\{APP_DIR\}"/);
    expect(text).toMatch(/APP_DIR=\$\{RUNNER_TEMP\}\/pack\//);
    const pack = stepIndex(job, /--dir/);
    const smoke = stepIndex(job, /ZWXX_SMOKE_APP_DIR="\$\{smoke\}\/app"/);
    const e2e = stepIndex(job, /ZWXX_APP_EXECUTABLE="\$\{EXE\}".*npm run test:electron/);
    const fuses = stepIndex(job, /EnableNodeCliInspectArguments=off[\s\S]*fuse-gate\.ts "\$\{EXE\}"/);
    const start = stepIndex(job, /start-check\.mjs "\$\{EXE\}"/);
    const installers = stepIndex(job, /--prepackaged/);
    for (const i of [pack, smoke, e2e, fuses, start, installers]) expect(i).toBeGreaterThanOrEqual(0);
    expect(pack < smoke && smoke < e2e && e2e < fuses && fuses < start && start < installers).toBe(true);
    // the smoke test reads the unpacked tree outside the checkout, so nothing resolves from the repository
    expect(text).toMatch(/smoke="\$\{RUNNER_TEMP\}\/smoke\/resources"/);
    expect(text).toMatch(/npx --no-install asar extract "\$\{APP_DIR\}\/resources\/app\.asar" "\$\{smoke\}\/app"/);
    expect(jobs[job]!.steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && /installers-/.test(String(s.with?.name)))).toBe(true);
  });

  it('Linux: the addon built here replaces the registry one, the glibc gate covers Electron too, and Electron may use its sandbox', () => {
    const text = runs('package-linux');
    expect(text).toMatch(/cp "addons\/better_sqlite3-linux-\$\{ARCH\}\.node" "node_modules\/better-sqlite3\/prebuilds\/linux-\$\{ARCH\}\.node"/);
    expect(stepIndex('package-linux', /cp "addons/)).toBeLessThan(stepIndex('package-linux', /--dir/));
    // the whole packed tree: Electron's executable and libraries as well as the addon
    expect(text).toMatch(/glibc-gate\.ts "\$\{APP_DIR\}"/);
    expect(text).toMatch(/ZWXX_GLIBC_GATE=1/);
    const sysctl = stepIndex('package-linux', /sudo sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0/);
    expect(sysctl).toBeGreaterThanOrEqual(0);
    expect(sysctl).toBeLessThan(stepIndex('package-linux', /npm run test:electron/));
    expect(sysctl).toBeLessThan(stepIndex('package-linux', /start-check\.mjs "\$\{EXE\}"$/m));
    expect(text).toMatch(/xvfb-run -a npm run test:electron/);
    expect(text).toMatch(/--linux deb AppImage "--\$\{ARCH\}"/);
  });

  it('arm64 is packed and its program started: on an arm runner, or in an arm64 container under QEMU', () => {
    const matrix = jobs['package-linux']!.strategy!.matrix.include;
    expect(matrix.map((m) => m.arch)).toEqual(['x64', 'arm64']);
    expect(matrix[1]!.runner).toMatch(/ubuntu-24\.04-arm/);
    expect(matrix[1]!.runner).toMatch(/vars\.ZWXX_ARM64_QEMU/);
    const steps = jobs['package-linux']!.steps;
    const nativeStart = steps.find((s) => /start-check\.mjs "\$\{EXE\}"$/m.test(s.run ?? ''))!;
    const qemuStart = steps.find((s) => /docker run --rm --platform linux\/arm64/.test(s.run ?? ''))!;
    expect(nativeStart.if).toBe('${{ !matrix.qemu }}');
    expect(qemuStart.if).toBe('matrix.qemu');
    expect(qemuStart.run).toMatch(/node:24-bookworm bash scripts\/release\/start-in-arm64-container\.sh "\$\{EXE\}"/);
    expect(readFileSync(join(ROOT, 'scripts/release/start-in-arm64-container.sh'), 'utf8')).toMatch(/xvfb-run -a node test\/packaging\/start-check\.mjs "\$1" --no-sandbox/);
    expect(jobs['linux-addon']!.steps.some((s) => s.uses?.startsWith('docker/setup-qemu-action') && s.if === 'matrix.qemu')).toBe(true);
  });

  it('Windows: NSIS and the portable zip from the tested folder', () => {
    expect(jobs['package-win']!['runs-on']).toBe('windows-latest');
    expect(runs('package-win')).toMatch(/--prepackaged "\$\{APP_DIR\}" --win nsis zip --x64/);
  });

  it('attaches the installers to a draft release for the tag', () => {
    const text = runs('release');
    expect(text).toMatch(/gh release create "\$\{TAG\}" installers\/\* --draft/);
    expect(jobs.release!.steps[0]!.uses).toMatch(/^actions\/download-artifact@/);
    expect(jobs.release!.steps[0]!.with).toMatchObject({ pattern: 'installers-*' });
  });
});

describe('electron-builder.yml', () => {
  const targets = (os: 'win' | 'linux'): Record<string, string[]> =>
    Object.fromEntries((cfg[os].target as { target: string; arch: string[] }[]).map((t) => [t.target, [...t.arch].sort()]));

  it('one top-level files list: no platform list that would restart from **/*', () => {
    for (const section of ['win', 'linux', 'mac', 'nsis', 'deb', 'appImage']) expect(cfg[section]?.files, section).toBeUndefined();
    const files = cfg.files as string[];
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/electron/**/*', 'out/renderer/**/*', 'package.json']);
    expect(files).toContain('!**/*.map');
    expect(files).toContain('!node_modules/better-sqlite3/prebuilds/!(${os}?(32)-${arch}).node');
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toContain('**/*.node');
  });

  it('sets the fuses through electronFuses, and names the desktop entry after desktopName', () => {
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(pkg.desktopName).toBe(`${cfg.linux.executableName}.desktop`);
    expect(cfg.linux.syncDesktopName).toBe(true);
  });

  it('has the Chinese product name, per-user NSIS in Chinese, a portable zip, deb and AppImage for x64 and arm64', () => {
    expect(cfg.productName).toBe('政务信息计分通报');
    expect(cfg.appId).toBe('cn.gov.laiwu.zwxx-desk');
    expect(targets('win')).toEqual({ nsis: ['x64'], zip: ['x64'] });
    expect(targets('linux')).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(cfg.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
    expect(cfg.nsis.installerLanguages).toEqual(['zh_CN']);
  });

  it('rebuilds nothing for Electron, ships only the runtime dependencies, and keeps electron a devDependency', () => {
    expect(cfg.npmRebuild).toBe(false);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^1[3-9]\./);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@e965/xlsx', 'better-sqlite3', 'docx', 'exceljs', 'jszip', 'mammoth', 'officecrypto-tool', 'word-extractor']);
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.optionalDependencies?.electron).toBeUndefined();
    expect(pkg.main).toBe(cfg.extraMetadata.main);
  });

  it('points at icons that exist in every size the targets need', () => {
    const ico = readFileSync(join(ROOT, cfg.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(ROOT, cfg.linux.icon, `${s}x${s}.png`)), `${s}x${s}`).toBe(true);
  });
});
