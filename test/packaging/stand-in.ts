// Packing without Electron's binary: electron-builder takes an unpacked Electron from -c.electronDist=DIR, and what
// it needs of that folder is small — the executable (named `electron`, or on Windows a real PE `electron.exe`
// whose resources it edits, with one version-info language), locales/*.pak, LICENSE and version. resources/ holds no
// asar: the asar-integrity step hashes every asar it finds there. The stand-in executables also carry a fuse wire
// laid out as @electron/fuses reads it, with Electron's own defaults, so the fuses set in electron-builder.yml are
// really flipped and can be read back. None of this runs: what only Electron can show runs in the release workflow.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync, appendFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../..');
export const ELECTRON_VERSION = '45.4.1';

/** @electron/fuses' marker; after it the wire's version (1), its length, then one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, in @electron/fuses' order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
 * EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges ('1' on, '0' off). */
export const ELECTRON_DEFAULT_FUSES = '10110001';

export type Platform = 'linux' | 'win';

export function makeStandInElectron(dir: string, platform: Platform): string {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  // electronLanguages keeps zh-CN and en-US: the others must be dropped
  for (const locale of ['zh-CN', 'en-US', 'de', 'ja']) writeFileSync(join(dir, 'locales', `${locale}.pak`), `stand-in ${locale}\n`);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron distribution, used only to pack in tests.\n');
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1')]);
  if (platform === 'linux') {
    const exe = join(dir, 'electron');
    writeFileSync(exe, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: nothing to run" >&2\nexit 1\n# '), wire, Buffer.from('\n')]));
    chmodSync(exe, 0o755);
  } else {
    // a real PE with one version-info language, so the asar-integrity resource can be added; the wire rides after it
    const exe = join(dir, 'electron.exe');
    copyFileSync(join(ROOT, 'node_modules/electron-winstaller/vendor/Setup.exe'), exe);
    appendFileSync(exe, wire);
  }
  return dir;
}

/**
 * `electron-builder --<platform> --x64 --dir` with the stand-in, into `output` (outside the repository). `extraArgs`
 * add -c overrides. Returns the unpacked application folder.
 */
export async function packDir(platform: Platform, electronDist: string, output: string, extraArgs: string[] = []): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-builder/cli.js'),
      `--${platform}`,
      '--x64',
      '--dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
      `-c.directories.output=${output}`,
      ...extraArgs,
    ],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: '1' } },
  );
  return join(output, `${platform}-unpacked`);
}
