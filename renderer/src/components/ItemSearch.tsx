import { Select } from 'antd';
import { useState } from 'react';
import type { ItemView } from '../../../shared/ipc/contract';
import { useApi } from '../useApi';

/** Finds an item by title words or 编号. */
export function ItemSearch({ value, valueLabel, onChange, unitId, placeholder, id, style, clearOnPick }: { value?: number; valueLabel?: string; clearOnPick?: boolean; onChange: (id: number | undefined, item?: ItemView) => void; unitId?: number; placeholder?: string; id?: string; style?: React.CSSProperties }) {
  const [q, setQ] = useState('');
  const options: ItemView[] = useApi('items:list', { q: q || undefined, unitId, offset: 0, limit: 30 }, { delay: 200 }).data?.rows ?? [];
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
      options={[
        // the linked item is shown by its 编号 and title even before the search returns it
        ...(value !== undefined && valueLabel && !options.some((o) => o.id === value) ? [{ value, label: valueLabel }] : []),
        ...options.map((o) => ({ value: o.id, label: `${o.no}　${o.date}　${o.unitName}　${o.title}` })),
      ]}
      notFoundContent="没有找到信息"
      popupMatchSelectWidth={false}
    />
  );
}
