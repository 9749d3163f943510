// Which 栏目 an entry of an issue stands in: 简讯 under 【简讯】, articles (单篇, 综合) under the other 栏目, whatever
// 栏目 they were put in; entries in place do not move, and the order is kept.
import { describe, expect, it } from 'vitest';
import { placeByForm } from '../../shared/journal';
import type { AdoptionForm } from '../../shared/domain';

const e = (name: string, form: AdoptionForm) => ({ name, form });
const names = (sections: { name: string; entries: { name: string }[] }[]) => sections.map((s) => `${s.name}:${s.entries.map((x) => x.name).join(',')}`);

describe('placeByForm', () => {
  it('moves a 简讯 from 工作动态 to the end of 【简讯】 and leaves everything else where it was', () => {
    const out = placeByForm([
      { name: '工作动态', entries: [e('a', 'single'), e('b', 'brief'), e('c', 'combined')] },
      { name: '经验交流', entries: [] },
      { name: '简讯', entries: [e('d', 'brief')] },
    ]);
    expect(names(out)).toEqual(['工作动态:a,c', '经验交流:', '简讯:d,b']);
  });

  it('moves an article out of 【简讯】 to the first other 栏目', () => {
    const out = placeByForm([
      { name: '工作动态', entries: [e('a', 'single')] },
      { name: '问题反映', entries: [] },
      { name: '简讯', entries: [e('b', 'single'), e('c', 'brief'), e('d', 'combined')] },
    ]);
    expect(names(out)).toEqual(['工作动态:a,b,d', '问题反映:', '简讯:c']);
  });

  it('adds 【简讯】 last, or 工作动态 first, when the issue has no such 栏目', () => {
    expect(names(placeByForm([{ name: '工作动态', entries: [e('a', 'brief'), e('b', 'single')] }]))).toEqual(['工作动态:b', '简讯:a']);
    expect(names(placeByForm([{ name: '简讯', entries: [e('a', 'single'), e('b', 'brief')] }]))).toEqual(['工作动态:a', '简讯:b']);
  });

  it('takes a 栏目 named like 简讯 (“简讯摘编”) for 【简讯】, and changes nothing when all is in place', () => {
    const ok = [
      { name: '工作动态', entries: [e('a', 'single')] },
      { name: '简讯摘编', entries: [e('b', 'brief')] },
    ];
    expect(placeByForm(ok)).toEqual(ok);
  });
});
