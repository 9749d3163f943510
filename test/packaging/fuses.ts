// Electron's fuses as electron-builder.yml sets them (electronFuses) and as a packed executable carries them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';

/** electronFuses' keys → the fuse's place in the wire (@electron/fuses' FuseV1Options). */
export const FUSE_PLACES: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** What electron-builder.yml (in the working folder) asks for: on/off per fuse it names. */
export function configuredFuses(configFile = resolve('electron-builder.yml')): Record<string, 'on' | 'off'> {
  const cfg = parse(readFileSync(configFile, 'utf8')) as { electronFuses?: Record<string, boolean> };
  return Object.fromEntries(Object.entries(cfg.electronFuses ?? {}).map(([k, v]) => [k, v ? 'on' : 'off']));
}

/** The executable's fuses, for the keys given: on, off, or what else the wire holds ('removed', 'missing'). */
export async function packedFuses(executable: string, keys: string[]): Promise<Record<string, string>> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  const name = (b: number | undefined) => (b === 0x31 ? 'on' : b === 0x30 ? 'off' : b === 0x72 ? 'removed' : 'missing');
  return Object.fromEntries(keys.map((k) => [k, name(wire[FUSE_PLACES[k]!])]));
}
