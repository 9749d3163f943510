// Unit search by name, alias or pinyin (full or initials): 凤城 · fc · fengcheng · 发改.
import { pinyin } from 'pinyin-pro';
import type { UnitView } from '../../shared/ipc/contract';

const cache = new Map<string, string[]>();

function keys(text: string): string[] {
  let k = cache.get(text);
  if (!k) {
    const full = pinyin(text, { toneType: 'none', type: 'array' }).join('').toLowerCase();
    const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
    k = [text, full, initials];
    cache.set(text, k);
  }
  return k;
}

export function unitMatches(unit: Pick<UnitView, 'name' | 'aliases'>, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  return [unit.name, ...unit.aliases].some((n) => keys(n).some((k) => k.includes(q)));
}
