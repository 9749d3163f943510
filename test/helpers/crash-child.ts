// The crash tests' child (test/crash/child.ts), run as its own process so it can be killed with SIGKILL at a moment
// the test chooses from what it prints.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CHILD = join(ROOT, 'test/crash/child.ts');

export interface Run {
  lines: string[];
  killed: boolean;
  ms: number;
}

/** Runs the child; `killWhen` decides from each printed line (and the elapsed ms) after how many ms to SIGKILL it. */
export function runChild(args: string[], killWhen: (line: string) => number | null): Promise<Run> {
  return new Promise((ok, fail) => {
    const start = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let armed = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const delay = armed ? null : killWhen(line);
        if (delay !== null) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delay);
        }
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child exited ${code}: ${stderr}`));
      else ok({ lines, killed: signal === 'SIGKILL', ms: Date.now() - start });
    });
  });
}
