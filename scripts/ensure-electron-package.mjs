// Offline build machines cannot download Electron's binary, so npm drops the optional `electron` package when its
// download script fails. Put back the package's JavaScript and type declarations from the registry tarball (without
// running that script), so that typechecking electron/main works; `npm start` then says the binary is missing.
// On a machine with internet the package installs normally and this script does nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const target = join(root, 'node_modules', 'electron');
if (existsSync(join(target, 'electron.d.ts'))) process.exit(0);

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron;
const work = mkdtempSync(join(tmpdir(), 'zwxx-electron-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const file = execFileSync(npm, ['pack', `electron@${version}`, '--silent', '--pack-destination', work], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', join(work, file), '-C', work]);
  cpSync(join(work, 'package'), target, { recursive: true });
  console.log(`electron@${version}: 二进制文件无法下载，已安装其类型声明（打包和运行桌面程序需要能联网的机器）。`);
} catch (e) {
  console.warn(`electron@${version}: 无法取得类型声明（${e.message}），类型检查将缺少 Electron 类型。`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
