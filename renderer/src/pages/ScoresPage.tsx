import { Alert, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { UnitScore } from '../../../shared/scoring/types';
import { ItemDrawer } from '../components/ItemDrawer';
import { PeriodPicker, reportingQuarter } from '../components/PeriodPicker';
import { useInfo } from '../store';
import { sumPoints } from '../../../shared/scoring/points';
import { useApi } from '../useApi';

const CATEGORY: Record<string, string> = { base: '基础分', adoption: '采用', instruction: '批示', bonus: '加分', deduction: '减分', floor: '扣完为止' };

/** A unit retired within the period: 2019年8月起停用. */
export const retiredLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月起停用`;

/** What 扣完为止 gave back to a unit (so that 基础分 + … − 减分 + 返还 = 得分). */
const givenBack = (u: UnitScore): number => sumPoints(u.lines.filter((l) => l.category === 'floor').map((l) => l.points));

function Breakdown({ unit, titles, onClose, onItem }: { unit: UnitScore | null; titles: Record<number, string>; onClose: () => void; onItem: (id: number) => void }) {
  return (
    <Drawer open={unit !== null} width={860} onClose={onClose} title={unit ? `得分明细：${unit.unitName}（${unit.total}分）` : ''} destroyOnHidden>
      {unit && (
        <>
          <Typography.Paragraph type="secondary">
            基础分 {unit.base} + 采用 {unit.adoption} + 批示 {unit.instruction} + 加分 {unit.bonus} − 减分 {unit.deduction}
            {givenBack(unit) > 0 ? ` + 扣完为止返还 ${givenBack(unit)}` : ''} = {unit.total}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={unit.lines}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  合计
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  <b>{unit.total}</b>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
            columns={[
              { title: '月份', dataIndex: 'month', width: 80, render: (m: string) => m || '年度' },
              { title: '条款', dataIndex: 'clause', width: 80 },
              { title: '项目', width: 160, render: (_, l) => `${CATEGORY[l.category]}·${l.rule}` },
              {
                title: '说明',
                render: (_, l) => (
                  <span>
                    {l.detail}
                    {l.provisional && <Tag color="orange" style={{ marginLeft: 4 }}>暂定</Tag>}
                    {l.itemId !== undefined && (
                      <a
                        href={`#item-${l.itemId}`}
                        style={{ marginLeft: 6 }}
                        onClick={(e) => {
                          e.preventDefault();
                          onItem(l.itemId!);
                        }}
                        title={titles[l.itemId]}
                      >
                        查看信息
                      </a>
                    )}
                  </span>
                ),
              },
              { title: '分数', dataIndex: 'points', width: 70, render: (p: number) => <b style={{ color: p < 0 ? '#c0392b' : undefined }}>{p > 0 ? `+${p}` : p}</b> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function ScoresPage() {
  const info = useInfo();
  const [period, setPeriod] = useState(reportingQuarter(info?.today ?? '2019-06-30'));
  const { data, loading } = useApi('scores:period', { period });
  const [unit, setUnit] = useState<UnitScore | null>(null);
  const [item, setItem] = useState<number | null>(null);
  // the previous period of the same kind; "—" when the ledger holds nothing for it
  const prevRecorded = data?.previous.groups.some((g) => g.units.some((u) => u.counts.items > 0)) ?? false;
  const prev = new Map(prevRecorded ? (data?.previous.groups.flatMap((g) => g.units.map((u) => [u.unitId, u.total] as const)) ?? []) : []);
  const prevLabel = /Q/.test(period) ? '上季度' : /-/.test(period) ? '上月' : '上年';
  return (
    // busy while another period's scores are on their way: until then the table still shows the last period's
    <Space direction="vertical" style={{ width: '100%' }} size={10} data-testid="scores" aria-busy={loading}>
      <Card size="small">
        <Space wrap>
          <PeriodPicker value={period} onChange={setPeriod} />
          {data && <Typography.Text type="secondary">计分规则：{data.scores.ruleSetNames.join('、')} · 点击单位查看每一分的来历</Typography.Text>}
        </Space>
        {data?.scores.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} style={{ marginTop: 6 }} />)}
      </Card>
      {data?.scores.groups.map((g) => (
        <Card key={g.key} size="small" title={`${g.name}（${g.units.length}个单位）`}>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={g.units}
            pagination={false}
            onRow={(u) => ({ onClick: () => setUnit(u), style: { cursor: 'pointer' } })}
            columns={[
              { title: '排名', dataIndex: 'rank', width: 48 },
              // the only column without a width takes the rest: at 1024 wide a long name ends in … (the full name on hover)
              // instead of wrapping every row onto two or three lines
              {
                title: '单位',
                dataIndex: 'unitName',
                ellipsis: { showTitle: false },
                // a real link: Tab reaches every unit and Enter opens its 得分明细, as a click does
                render: (n: string, u) => (
                  <a
                    href={`#${u.unitId}`}
                    data-testid={`score-unit-${n}`}
                    title={u.provisional ? `${n}（含暂定分）` : n}
                    onClick={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      setUnit(u);
                    }}
                  >
                    {n}
                    {u.retiredFrom && <Tag style={{ marginLeft: 6 }}>{retiredLabel(u.retiredFrom)}</Tag>}
                    {u.provisional && <Tag color="orange" style={{ marginLeft: 6 }}>含暂定分</Tag>}
                  </a>
                ),
              },
              { title: '报送', width: 50, render: (_, u) => u.counts.items },
              { title: '调研', width: 50, render: (_, u) => u.counts.research },
              { title: '专报', width: 50, render: (_, u) => u.counts.special },
              { title: '基础分', dataIndex: 'base', width: 60 },
              { title: '采用', dataIndex: 'adoption', width: 50 },
              { title: '批示', dataIndex: 'instruction', width: 50 },
              { title: '加分', dataIndex: 'bonus', width: 50 },
              { title: '减分', dataIndex: 'deduction', width: 50 },
              // 扣完为止: what the floor gave back, so that the row adds up (基础分 0, 减分 78, 返还 78 → 得分 0)
              { title: '扣完为止', width: 76, render: (_, u) => (givenBack(u) > 0 ? <span title="扣完为止：只扣至0分，返还的分数">返还{givenBack(u)}</span> : '') },
              { title: '得分', dataIndex: 'total', width: 54, render: (t: number) => <b data-testid="score-total">{t}</b> },
              {
                title: prevLabel,
                width: 80,
                render: (_, u) => {
                  const p = prev.get(u.unitId);
                  if (p === undefined) return '—';
                  const d = u.total - p;
                  return (
                    <span>
                      {p}
                      <span style={{ color: d > 0 ? '#2e7d32' : d < 0 ? '#c0392b' : '#999', marginLeft: 4 }}>{d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : ''}</span>
                    </span>
                  );
                },
              },
            ]}
          />
        </Card>
      ))}
      <Breakdown unit={unit} titles={data?.itemTitles ?? {}} onClose={() => setUnit(null)} onItem={setItem} />
      <ItemDrawer id={item} onClose={() => setItem(null)} />
    </Space>
  );
}
