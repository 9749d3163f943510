// JSON with the line of every value, so a refusal can name the line a clerk has to fix. JSON.parse cannot say where
// a value stood; this small reader follows RFC 8259 and keeps, per path (a.0.b), the line its value starts on.
import { UserError } from '../db/errors';

export interface LocatedJson {
  value: unknown;
  /** path → 1-based line; the root is '' */
  lines: Map<string, number>;
}

export function parseJsonWithLines(text: string, what: string): LocatedJson {
  const src = text.replace(/^\uFEFF/, '');
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const fail = (msg: string): never => {
    throw new UserError(`${what}第 ${line} 行：${msg}。请检查是否为正确的 JSON（引号、逗号、括号）。`);
  };
  const ws = (): void => {
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    while (i < src.length && src[i] !== '"') {
      if (src[i] === '\n') fail('字符串没有结束（缺少右引号）');
      if (src[i] === '\\') {
        const e = src[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('\\u 后应为四位十六进制数');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in map) {
          out += map[e];
          i += 2;
        } else fail('字符串中有无效的转义符');
      } else out += src[i++];
    }
    if (i >= src.length) {
      i = start;
      fail('字符串没有结束（缺少右引号）');
    }
    i++;
    return out;
  };
  const value = (path: string): unknown => {
    ws();
    lines.set(path, line);
    const c = src[i];
    const at = (p: string, k: string | number): string => (p === '' ? String(k) : `${p}.${k}`);
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (src[i] === '}') return (i++, obj);
      for (;;) {
        ws();
        if (src[i] !== '"') fail('这里应是用双引号括起的字段名');
        const k = str();
        ws();
        if (src[i] !== ':') fail(`字段“${k}”后缺少冒号`);
        i++;
        obj[k] = value(at(path, k));
        ws();
        if (src[i] === ',') i++;
        else if (src[i] === '}') return (i++, obj);
        else fail('缺少逗号或右花括号 }');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (src[i] === ']') return (i++, arr);
      for (;;) {
        arr.push(value(at(path, arr.length)));
        ws();
        if (src[i] === ',') i++;
        else if (src[i] === ']') return (i++, arr);
        else fail('缺少逗号或右方括号 ]');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 40));
    if (!m) fail(c === undefined ? '内容不完整' : `无法识别“${src.slice(i, i + 10)}”`);
    i += m![0].length;
    return JSON.parse(m![0]) as unknown;
  };
  const v = value('');
  ws();
  if (i < src.length) fail('JSON 结束后还有多余的内容');
  return { value: v, lines };
}

/** The line of `path`, or of its nearest ancestor that has one (a missing field: its object's line). */
export function lineOf(lines: Map<string, number>, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const l = lines.get(path.slice(0, n).join('.'));
    if (l !== undefined) return l;
  }
  return 1;
}
