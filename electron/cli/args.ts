// Argument parsing for the command line: --db may stand before or after the command (docs/命令行.md §1).
export interface CliArgs {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['db', 'period', 'out', 'as-of', 'month', 'from', 'to', 'unit', 'q', 'offset', 'limit', 'year', 'source', 'id']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (VALUE_FLAGS.has(name)) {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new Error(`参数 --${name} 后面缺少取值`);
        flags.set(name, v);
        i++;
      } else flags.set(name, true);
    } else positional.push(a);
  }
  return { command: positional.shift(), positional, flags };
}
