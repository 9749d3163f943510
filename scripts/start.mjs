// npm start: builds the app and opens it in Electron. Electron's program files must have been downloaded by
// `npm install` (scripts/ensure-electron.mjs); without them this says what to do in one line instead of failing
// inside Electron's launcher. better-sqlite3 is a Node-API addon: the same build serves Node (tests, command line)
// and Electron, so nothing is rebuilt for Electron and the tests keep working after `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const dir = join(process.cwd(), 'node_modules', 'electron');
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
let binary = null;
try {
  if (existsSync(join(dir, 'path.txt'))) binary = require('electron');
} catch {
  binary = null;
}
if (!binary || !existsSync(binary)) {
  console.error(
    `Electron ${version} 的程序文件还没有下载，无法打开桌面程序。请在能联网的电脑上运行 npm install（网络慢时设置镜像：` +
      `ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm install），或用 npm run web -- --db 数据文件 在浏览器中打开同一界面。`,
  );
  process.exit(1);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', '-s', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
