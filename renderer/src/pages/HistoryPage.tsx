// 操作记录: the audit trail (who changed what, before → after, with filters) and the recycle bin.
import { Button, Card, DatePicker, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditRowView, RecycledView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { useChanged } from '../store';
import { useApi } from '../useApi';

const ENTITIES = [
  ['items', '信息'],
  ['adoptions', '采用'],
  ['instructions', '批示'],
  ['requests', '约稿'],
  ['request_targets', '约稿单位'],
  ['events', '加减分'],
  ['units', '单位'],
  ['unit_aliases', '单位别名'],
  ['persons', '作者'],
  ['rule_sets', '规则集'],
  ['period_locks', '季度锁定'],
  ['settings', '设置'],
  ['circular_issues', '通报成文日期、文号和改写'],
  ['kept_documents', '通报留底文件'],
  ['import', '导入（工作簿）'],
  ['ledger', '数据文件（恢复）'],
] as const;
const ACTIONS = [
  ['create', '新增'],
  ['update', '修改'],
  ['delete', '删除'],
  ['restore', '恢复'],
] as const;
const ACTION_COLOR: Record<string, string> = { 新增: 'green', 修改: 'blue', 删除: 'red', 恢复: 'gold', 导入: 'cyan' };
/** entries for a whole import or the ledger file: their lines are facts, not before → after */
const isEntry = (r: AuditRowView): boolean => r.entity === '工作簿' || r.entity === '数据文件';
const KIND_LABEL: Record<RecycledView['kind'], string> = { items: '信息', adoptions: '采用', instructions: '批示', requests: '约稿', events: '加减分' };
const PAGE = 50;
const localTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

interface Filter {
  entity?: string;
  action?: 'create' | 'update' | 'delete' | 'restore';
  source?: string;
  from?: string;
  to?: string;
  text?: string;
}

function Changes({ r }: { r: AuditRowView }) {
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {r.changes.slice(0, 8).map((c) => (
        <div key={c.field}>
          <Typography.Text type="secondary">{c.field}：</Typography.Text>
          {isEntry(r) ? c.after || c.before : r.action === '新增' ? c.after : r.action === '删除' && !c.after ? <del>{c.before}</del> : (
            <>
              <span style={{ color: '#a8071a' }}>{c.before || '（空）'}</span> → <span style={{ color: '#135200' }}>{c.after || '（空）'}</span>
            </>
          )}
        </div>
      ))}
      {r.changes.length > 8 && <Typography.Text type="secondary">…另有 {r.changes.length - 8} 项</Typography.Text>}
    </div>
  );
}

const auditColumns = [
  { title: '时间', dataIndex: 'at', width: 160, render: localTime },
  { title: '来源', dataIndex: 'source', width: 70 },
  { title: '操作', dataIndex: 'action', width: 60, render: (a: string) => <Tag color={ACTION_COLOR[a]}>{a}</Tag> },
  { title: '类型', dataIndex: 'entity', width: 80 },
  { title: '记录', dataIndex: 'summary', ellipsis: true },
  { title: '内容（修改前 → 修改后）', render: (_: unknown, r: AuditRowView) => <Changes r={r} /> },
];

/** The rows one import wrote, shown when its entry is expanded. */
function GroupRows({ id }: { id: number }) {
  const [page, setPage] = useState(1);
  const rows = useApi('audit:list', { group: id, offset: (page - 1) * PAGE, limit: PAGE });
  const data = rows.data ?? { total: 0, rows: [], sources: [] };
  return (
    <Table<AuditRowView>
      size="small"
      rowKey="id"
      loading={rows.loading}
      dataSource={data.rows}
      columns={auditColumns}
      pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, onChange: setPage, size: 'small' }}
    />
  );
}

function AuditLog() {
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const audit = useApi('audit:list', { ...filter, offset: (page - 1) * PAGE, limit: PAGE });
  const data = audit.data ?? { total: 0, rows: [], sources: [] };
  const loading = audit.loading;
  const set = (f: Partial<Filter>) => {
    setFilter((cur) => ({ ...cur, ...f }));
    setPage(1);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select id="audit-entity" allowClear placeholder="全部记录类型" style={{ width: 140 }} value={filter.entity} onChange={(v) => set({ entity: v })} options={ENTITIES.map(([value, label]) => ({ value, label }))} />
        <Select id="audit-action" allowClear placeholder="全部操作" style={{ width: 110 }} value={filter.action} onChange={(v) => set({ action: v })} options={ACTIONS.map(([value, label]) => ({ value, label }))} />
        <Select id="audit-source" allowClear placeholder="全部来源" style={{ width: 120 }} value={filter.source} onChange={(v) => set({ source: v })} options={data.sources.map((s) => ({ value: s, label: s }))} />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          placeholder={['开始日期', '结束日期']}
        />
        <Input.Search id="audit-text" allowClear placeholder="查找内容（标题、编号、单位…）" style={{ width: 260 }} onSearch={(v) => set({ text: v.trim() || undefined })} />
        <Typography.Text type="secondary">共 {data.total} 条</Typography.Text>
      </Space>
      <Table<AuditRowView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data.rows}
        pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, onChange: setPage }}
        columns={auditColumns}
        expandable={{
          rowExpandable: (r) => (r.rows ?? 0) > 0,
          expandedRowRender: (r) => <GroupRows id={r.id} />,
        }}
      />
    </Space>
  );
}

function RecycleBin() {
  const changed = useChanged();
  const list = useApi('recycle:list', {}).data ?? [];
  const [kind, setKind] = useState<RecycledView['kind'] | undefined>();
  const shown = kind ? list.filter((r) => r.kind === kind) : list;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select id="recycle-kind" allowClear placeholder="全部类型" style={{ width: 120 }} value={kind} onChange={setKind} options={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))} />
        <Typography.Text type="secondary">删除的记录不计分，可随时恢复；恢复后重新计分。已锁定季度的记录须先解锁该季度。</Typography.Text>
      </Space>
      <Table<RecycledView>
        size="small"
        rowKey={(r) => `${r.kind}-${r.id}`}
        dataSource={shown}
        locale={{ emptyText: '回收站是空的' }}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          { title: '删除时间', dataIndex: 'deletedAt', width: 160, render: localTime },
          { title: '类型', dataIndex: 'kind', width: 70, render: (k: RecycledView['kind']) => KIND_LABEL[k] },
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '内容', dataIndex: 'summary', render: (s: string, r) => <>{s}{r.together > 0 && <Tag style={{ marginLeft: 6 }}>连同 {r.together} 条采用/批示</Tag>}</> },
          {
            title: '',
            width: 70,
            render: (_, r) => (
              <Popconfirm
                title={`恢复这条${KIND_LABEL[r.kind]}？`}
                onConfirm={() =>
                  attempt(async () => {
                    const res = await call(api().recycle.restore({ kind: r.kind, id: r.id }));
                    void message.success(`已恢复 ${res.restored} 条记录`);
                    changed();
                  })
                }
              >
                <Button type="link" size="small">
                  恢复
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}

export function HistoryPage() {
  return (
    <Card size="small">
      <Tabs
        items={[
          { key: 'audit', label: '修改记录', children: <AuditLog /> },
          { key: 'recycle', label: '回收站', children: <RecycleBin /> },
        ]}
      />
    </Card>
  );
}
