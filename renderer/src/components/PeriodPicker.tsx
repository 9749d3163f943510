import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** Month / quarter / year picker giving codes 2019-04, 2019Q2, 2019. */
export function PeriodPicker({ value, onChange, kinds = ['month', 'quarter', 'year'] }: { value: string; onChange: (code: string) => void; kinds?: PeriodKind[] }) {
  const kind: PeriodKind = /Q/.test(value) ? 'quarter' : value.length === 4 ? 'year' : 'month';
  const year = Number(value.slice(0, 4));
  const labels: Record<PeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };
  // the month last shown, so that 季度 → 年度 → 季度 comes back to the same quarter, not the first one
  const [place, setPlace] = useState(() => monthOfCode(value));
  const shown = kind === 'year' ? null : monthOfCode(value);
  if (shown !== null && shown !== place) setPlace(shown);
  return (
    <Space>
      {kinds.length > 1 && (
        <Segmented
          value={kind}
          options={kinds.map((k) => ({ value: k, label: labels[k] }))}
          onChange={(k) => onChange(switchKind(kind === 'year' ? `${year}-${String(place ?? 1).padStart(2, '0')}` : value, k as PeriodKind))}
        />
      )}
      <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && onChange(`${d.year()}${value.slice(4)}`)} style={{ width: 100 }} />
      {kind === 'quarter' && (
        <Select value={value.slice(4)} onChange={(q) => onChange(`${year}${q}`)} style={{ width: 110 }} options={[1, 2, 3, 4].map((q) => ({ value: `Q${q}`, label: `第${'一二三四'[q - 1]}季度` }))} />
      )}
      {kind === 'month' && (
        <Select value={value.slice(5, 7)} onChange={(m) => onChange(`${year}-${m}`)} style={{ width: 90 }} options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: `${i + 1}月` }))} />
      )}
    </Space>
  );
}

/** The first month a period code covers: 2019-04 → 4, 2019Q2 → 4; null for a year. */
function monthOfCode(code: string): number | null {
  if (/Q/.test(code)) return (Number(code.slice(5)) - 1) * 3 + 1;
  return code.length === 4 ? null : Number(code.slice(5, 7));
}

/** Keeps the clerk's place when switching: April → 第二季度 → April; a year becomes its first quarter or month. */
function switchKind(code: string, to: PeriodKind): string {
  const year = code.slice(0, 4);
  const month = /Q/.test(code) ? (Number(code.slice(5)) - 1) * 3 + 1 : code.length === 4 ? 1 : Number(code.slice(5, 7));
  if (to === 'year') return year;
  if (to === 'quarter') return `${year}Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The quarter a clerk is most likely reporting on: the quarter of the date one month ago (early July → 第二季度). */
export function reportingQuarter(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
