// npx tsx test/packaging/fuse-gate.ts EXECUTABLE: fails unless the packed executable carries exactly the fuses
// electron-builder.yml sets. The release workflow runs it on every tree before making installers from it.
import { configuredFuses, packedFuses } from './fuses';

const executable = process.argv[2];
if (!executable) {
  console.error('用法：npx tsx test/packaging/fuse-gate.ts 可执行文件');
  process.exit(2);
}
const wanted = configuredFuses();
const have = await packedFuses(executable, Object.keys(wanted));
let failed = Object.keys(wanted).length === 0;
for (const [key, state] of Object.entries(wanted)) {
  const ok = have[key] === state;
  failed ||= !ok;
  console.log(`${ok ? '✓' : '✗'} ${key}: ${have[key]}（应为 ${state}）`);
}
process.exit(failed ? 1 : 0);
