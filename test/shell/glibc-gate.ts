// npx tsx test/shell/glibc-gate.ts FILE.node|FOLDER …: fails when a Linux binary asks for more than UOS 20 has
// (GLIBC_2.28, GLIBCXX_3.4.25). A folder is searched for every ELF file in it — the release workflow passes the packed
// tree, so Electron's own executable and libraries are gated along with the addon built against glibc 2.28. The
// shell test applies the same limits to what the packaged app ships.
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GLIBC_LIMIT, compareVersions, glibcNeeds } from './native';

function isElf(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === '\x7fELF';
  } finally {
    closeSync(fd);
  }
}

function elfFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => {
    const p = join(path, e.name);
    if (e.isDirectory()) return elfFiles(p);
    return e.isFile() && isElf(p) ? [p] : [];
  });
}

const files = process.argv.slice(2).flatMap(elfFiles);
let failed = files.length === 0;
if (failed) console.log('✗ 没有找到要检查的 Linux 程序文件');
for (const file of files) {
  const needs = glibcNeeds(file);
  for (const [name, have, limit] of [
    ['GLIBC', needs.glibc, GLIBC_LIMIT.glibc],
    ['GLIBCXX', needs.glibcxx, GLIBC_LIMIT.glibcxx],
  ] as const) {
    const ok = compareVersions(have, limit) <= 0;
    failed ||= !ok;
    console.log(`${ok ? '✓' : '✗'} ${file}: ${name}_${have}（上限 ${name}_${limit}）`);
  }
}
process.exit(failed ? 1 : 0);
