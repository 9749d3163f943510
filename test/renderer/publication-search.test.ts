// 刊物 in the adoption entry is found as units are: by pinyin initials, the exact initials first, so Enter on what
// the clerk typed picks the publication those initials spell (jnzwxx → 《济南政务信息》, not 《济南政务信息专报》).
import { describe, expect, it } from 'vitest';
import { PUBLICATION_SEARCH } from '../../renderer/src/pinyin';

const options = ['莱芜政务信息', '报送市政府办公厅', '济南政务信息专报', '济南政务信息'].map((name) => ({ name, label: `《${name}》` }));
const found = (typed: string): string[] =>
  options
    .filter((o) => PUBLICATION_SEARCH.filterOption(typed, o))
    .sort((a, b) => PUBLICATION_SEARCH.filterSort(a, b, { searchValue: typed }))
    .map((o) => o.name);

describe('publication search', () => {
  it('finds by initials, exact initials first', () => {
    expect(found('jnzwxx')).toEqual(['济南政务信息', '济南政务信息专报']);
    expect(found('lwzwxx')).toEqual(['莱芜政务信息']);
    expect(found('bsszf')).toEqual(['报送市政府办公厅']);
  });
  it('finds by name and full pinyin', () => {
    expect(found('专报')).toEqual(['济南政务信息专报']);
    expect(found('laiwu')).toEqual(['莱芜政务信息']);
    expect(found('xyz')).toEqual([]);
  });
});
