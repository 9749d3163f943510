import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ItemView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';

/** Finds an item by title words or 编号. */
export function ItemSearch({ value, onChange, unitId, placeholder, id, style, clearOnPick }: { value?: number; clearOnPick?: boolean; onChange: (id: number | undefined, item?: ItemView) => void; unitId?: number; placeholder?: string; id?: string; style?: React.CSSProperties }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<ItemView[]>([]);
  useEffect(() => {
    const t = setTimeout(
      () =>
        void attempt(async () => {
          const r = await call(api().items.list({ q: q || undefined, unitId, offset: 0, limit: 30 }), { quiet: true });
          setOptions(r.rows);
        }),
      200,
    );
    return () => clearTimeout(t);
  }, [q, unitId]);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={clearOnPick ? null : value}
      placeholder={placeholder ?? '输入标题关键词或编号查找信息'}
      filterOption={false}
      onSearch={setQ}
      onChange={(v) => onChange(v as number | undefined, options.find((o) => o.id === v))}
      style={style ?? { width: '100%' }}
      options={options.map((o) => ({ value: o.id, label: `${o.date}　${o.unitName}　${o.title}` }))}
      notFoundContent="没有找到信息"
      popupMatchSelectWidth={false}
    />
  );
}
