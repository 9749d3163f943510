import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args, ItemView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { useApp } from '../store';
import { kindTags } from './ItemDrawer';

type Filter = Omit<Args<'items:list'>, 'offset' | 'limit'>;
const PAGE = 200;
const ROW = 34;

/** The item list: virtualised, loading pages of 200 as the clerk scrolls (smooth at 100,000 items). */
export function ItemList({ filter, onOpen, height }: { filter: Filter; onOpen: (id: number) => void; height: number | string }) {
  const version = useApp((s) => s.version);
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<(ItemView | undefined)[]>([]);
  const [loading, setLoading] = useState(false);
  const pending = useRef(new Set<number>());
  const key = JSON.stringify(filter);
  const parent = useRef<HTMLDivElement>(null);

  // each reset (a new filter, a change elsewhere) starts a new generation: an answer to an older one arriving late
  // must not overwrite the newer list
  const generation = useRef(0);
  const loadPage = useCallback(
    async (page: number, reset = false) => {
      if (pending.current.has(page) && !reset) return;
      if (reset) generation.current++;
      const asked = generation.current;
      pending.current.add(page);
      const r = await attempt(() => call(api().items.list({ ...JSON.parse(key), offset: page * PAGE, limit: PAGE })));
      if (asked !== generation.current) return;
      pending.current.delete(page);
      if (!r) return;
      setTotal(r.total);
      setRows((prev) => {
        const next = reset ? new Array<ItemView | undefined>(r.total) : prev.length === r.total ? [...prev] : new Array<ItemView | undefined>(r.total);
        r.rows.forEach((row, i) => (next[page * PAGE + i] = row));
        return next;
      });
    },
    [key],
  );

  useEffect(() => {
    setLoading(true);
    pending.current.clear();
    void loadPage(0, true).then(() => setLoading(false));
  }, [loadPage, version]);

  const v = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 20 });
  const items = v.getVirtualItems();
  useEffect(() => {
    for (const it of items) if (!rows[it.index]) void loadPage(Math.floor(it.index / PAGE));
  }, [items, rows, loadPage]);

  // the title takes what is left: at 1024 wide it still shows about twenty characters
  const cols = '100px 88px 150px minmax(200px, 1fr) 90px 80px 56px';
  return (
    <div style={{ border: '1px solid #e5e5e5', background: '#fff' }} data-testid="item-list">
      <div style={{ display: 'grid', gridTemplateColumns: cols, padding: '6px 8px', background: '#fafafa', borderBottom: '1px solid #e5e5e5', fontWeight: 600 }}>
        <span>编号</span>
        <span>报送日期</span>
        <span>单位</span>
        <span>标题</span>
        <span>类型</span>
        <span>作者</span>
        <span>采用</span>
      </div>
      <div ref={parent} style={{ height, overflow: 'auto', position: 'relative' }} data-testid="item-scroller">
        {loading && <Spin style={{ margin: 20 }} />}
        {!loading && total === 0 && <Empty description="没有符合条件的信息" style={{ marginTop: 30 }} />}
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const r = rows[it.index];
            return (
              <div
                key={it.key}
                data-index={it.index}
                className="item-row"
                onClick={() => r && onOpen(r.id)}
                onKeyDown={(e) => e.key === 'Enter' && r && onOpen(r.id)}
                tabIndex={0}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW,
                  transform: `translateY(${it.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: cols,
                  alignItems: 'center',
                  padding: '0 8px',
                  borderBottom: '1px solid #f0f0f0',
                  cursor: 'pointer',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                }}
              >
                {r ? (
                  <>
                    <span>{r.no}</span>
                    <span>{r.date}</span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={r.jointUnits.length > 0 ? `合报：${[r.unitName, ...r.jointUnits.map((u) => u.name)].join('、')}` : undefined}>
                      {r.unitName}
                      {r.jointUnits.length > 0 && <Typography.Text type="secondary">{` 等${r.jointUnits.length + 1}家合报`}</Typography.Text>}
                    </span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={r.title}>
                      {r.title}
                    </span>
                    <span style={{ overflow: 'hidden' }}>{kindTags(r.kinds, r.categoryName)}</span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.authors}</span>
                    <span>{r.adoptions > 0 ? `${r.adoptions}次${r.instructions > 0 ? '★' : ''}` : ''}</span>
                  </>
                ) : (
                  <Typography.Text type="secondary">加载中…</Typography.Text>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div style={{ padding: '4px 8px', color: '#888', borderTop: '1px solid #f0f0f0' }}>共 {total} 条</div>
    </div>
  );
}
