// Reading what a native addon needs, from its bytes (works for the ELF, PE and Mach-O builds alike; no binutils).
import { readFileSync } from 'node:fs';

/** What UOS 20 (Debian 10) provides; Kylin V10 SP1 has more (glibc 2.31). */
export const GLIBC_LIMIT = { glibc: '2.28', glibcxx: '3.4.25' } as const;

/** Node-API addons export napi_register_module_v1 and load in any Node or Electron; V8-ABI ones name their ABI. */
export function nodeAddonKind(bytes: Buffer): { napi: boolean; abi: number | null } {
  const text = bytes.toString('latin1');
  const abi = /node_register_module_v(\d+)/.exec(text);
  return { napi: text.includes('napi_register_module_v1'), abi: abi ? Number(abi[1]) : null };
}

export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

const highest = (versions: string[]): string => versions.sort(compareVersions).at(-1) ?? '0';

/** The highest GLIBC_ and GLIBCXX_ symbol versions a Linux shared object asks for (its version-needs strings). */
export function glibcNeeds(file: string): { glibc: string; glibcxx: string } {
  const text = readFileSync(file).toString('latin1');
  return {
    glibc: highest([...text.matchAll(/GLIBC_(\d+(?:\.\d+)+)/g)].map((m) => m[1]!)),
    glibcxx: highest([...text.matchAll(/GLIBCXX_(\d+(?:\.\d+)+)/g)].map((m) => m[1]!)),
  };
}
