// The installer configuration says what the office PCs need. electron-builder cannot run here (no Electron
// binaries), so the configuration itself is checked: targets, architectures, per-user NSIS, asar unpacking of the
// native module, sources excluded, icons present in every size.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const cfg = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string>; optionalDependencies?: Record<string, string>; main: string };
const targets = (os: 'win' | 'linux'): Record<string, string[]> =>
  Object.fromEntries((cfg[os].target as { target: string; arch: string[] }[]).map((t) => [t.target, [...t.arch].sort()]));

describe('electron-builder.yml', () => {
  it('has the Chinese product name and a stable appId', () => {
    expect(cfg.productName).toBe('政务信息计分通报');
    expect(cfg.appId).toBe('cn.gov.laiwu.zwxx-desk');
  });

  it('Windows: a per-user NSIS installer in Chinese with a folder choice, and a portable zip, x64', () => {
    expect(targets('win')).toEqual({ nsis: ['x64'], zip: ['x64'] });
    expect(cfg.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
    expect(cfg.nsis.installerLanguages).toEqual(['zh_CN']);
  });

  it('Linux: deb and AppImage for x64 and arm64', () => {
    expect(targets('linux')).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
  });

  it('unpacks the native module from asar and leaves sources, tests and source maps out', () => {
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toContain('**/*.node');
    const files = cfg.files as string[];
    for (const pattern of ['!**/*.ts', '!**/*.map', '!node_modules/better-sqlite3/{deps,src}/**', '!node_modules/better-sqlite3/build/**'])
      expect(files).toContain(pattern);
    // each platform carries only its own system's Node-API binaries (and never a source build's test_extension.node)
    expect(files).toContain('!node_modules/better-sqlite3/prebuilds/{darwin,linuxmusl}-*.node');
    expect(cfg.win.files).toEqual(['!node_modules/better-sqlite3/prebuilds/linux-*.node']);
    expect(cfg.linux.files).toEqual(['!node_modules/better-sqlite3/prebuilds/win32-*.node']);
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/electron/**/*', 'out/renderer/**/*', 'package.json']);
  });

  it('rebuilds nothing for Electron: the Node-API addon serves Node and Electron alike', () => {
    expect(cfg.npmRebuild).toBe(false);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^1[3-9]\./);
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/electron-builder|install-app-deps|electron-rebuild/);
    // what the bundled main process loads from node_modules at run time, and nothing else ships
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@e965/xlsx', 'better-sqlite3', 'docx', 'exceljs', 'jszip']);
    expect(pkg.devDependencies.electron).toBeTruthy();
    expect(pkg.optionalDependencies?.electron).toBeUndefined();
  });

  it('points at icons that exist in every size the targets need', () => {
    expect(existsSync(join(ROOT, cfg.win.icon))).toBe(true);
    const ico = readFileSync(join(ROOT, cfg.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon file
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(ROOT, cfg.linux.icon, `${s}x${s}.png`)), `${s}x${s}`).toBe(true);
    expect(pkg.main).toBe(cfg.extraMetadata.main);
  });
});
