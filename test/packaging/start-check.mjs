// node test/packaging/start-check.mjs EXECUTABLE [ARGS…]: starts the packed program itself with a fresh profile and
// waits until it has opened its ledger (data/zwxx.db appears) while still running, then closes it. Fails when the
// program exits first, writes a start-up failure to its log, or opens no ledger within ZWXX_START_LIMIT_MS (default
// 120 s; emulated arm64 is slow). The release workflow runs it on every packed tree with the fuses as they ship —
// on Linux under xvfb-run and without --no-sandbox — including arm64, where the Playwright tests do not run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [executable, ...args] = process.argv.slice(2);
if (!executable) {
  console.error('用法：node test/packaging/start-check.mjs 可执行文件 [参数…]');
  process.exit(2);
}
const limitMs = Number(process.env.ZWXX_START_LIMIT_MS ?? 120_000);
const profile = mkdtempSync(join(tmpdir(), 'zwxx-start-'));
const ledger = join(profile, 'data', 'zwxx.db');
const logs = [join(profile, '启动日志.log'), join(profile, 'data', '启动日志.log')];
const child = spawn(resolve(executable), args, { env: { ...process.env, ZWXX_USER_DATA: profile }, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));
let exit = null;
child.on('exit', (code, signal) => (exit = { code, signal }));
child.on('error', (e) => (exit = { error: String(e) }));

const started = Date.now();
const failedLog = () => logs.filter(existsSync).map((f) => readFileSync(f, 'utf8')).find((t) => t.includes('启动失败'));
const finish = (ok, why) => {
  clearInterval(timer);
  console.log(`${ok ? '✓' : '✗'} ${why}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  if (!ok) console.log(`程序输出：\n${output.slice(-4000)}\n日志：\n${failedLog() ?? '（无）'}`);
  if (exit === null) child.kill();
  // Chromium's helper processes may still hold the output pipes: leave without waiting for them
  process.exit(ok ? 0 : 1);
};
const timer = setInterval(() => {
  const failure = failedLog();
  if (failure) finish(false, '程序记录了启动失败');
  else if (exit !== null) finish(false, `程序提前退出：${JSON.stringify(exit)}`);
  else if (existsSync(ledger)) finish(true, `程序已启动并打开台账：${ledger}`);
  else if (Date.now() - started > limitMs) finish(false, `${limitMs / 1000} 秒内没有打开台账`);
}, 250);
