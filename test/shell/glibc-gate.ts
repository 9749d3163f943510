// npx tsx test/shell/glibc-gate.ts FILE.node …: fails when a Linux addon asks for more than UOS 20 has
// (GLIBC_2.28, GLIBCXX_3.4.25). The release workflow runs it on the addons it builds; the shell test applies the
// same limits to what the packaged app ships.
import { GLIBC_LIMIT, compareVersions, glibcNeeds } from './native';

let failed = false;
for (const file of process.argv.slice(2)) {
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
