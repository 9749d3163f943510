// postinstall: fetches Electron's program files, tolerating a machine without internet.
// npm does not run Electron's own download script here (package.json "allowScripts" denies it), because on an offline
// machine it fails and would fail the whole `npm install` — though the tests, the command line and the browser bridge
// need no Electron binary. This script runs that download itself and, if it cannot, says so in one Chinese line with
// what to do, instead of leaving `npm start` to fail later with "electron: not found".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'node_modules', 'electron');
if (!existsSync(join(dir, 'package.json'))) process.exit(0);
const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const installed = () => existsSync(join(dir, 'path.txt')) && existsSync(join(dir, 'dist'));
if (installed()) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(`Electron ${version}：按 ELECTRON_SKIP_BINARY_DOWNLOAD 跳过了程序文件的下载（测试和命令行不需要它，npm start 需要）。`);
  process.exit(0);
}
const run = spawnSync(process.execPath, ['install.js'], { cwd: dir, encoding: 'utf8', timeout: 20 * 60_000 });
if (run.status === 0 && installed()) process.exit(0);
const why = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /error|fail|ENOTFOUND|ECONN|timed out/i.test(l)) ?? '网络不可用';
console.warn(
  `Electron ${version} 的程序文件下载失败（${why.slice(0, 120)}）：测试和命令行照常可用；要运行桌面程序，请设置国内镜像后重新运行 npm install，` +
    `如 ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm install（Windows 命令行先 set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/）。`,
);
