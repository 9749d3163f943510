import { Button, Descriptions, Drawer, Empty, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import type { ItemDetailView, Reply } from '../../../shared/ipc/contract';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, JOINT_SPLIT_LABEL, publicationTitle, stars } from '../../../shared/labels';
import { periodLabel, quarterOf } from '../../../shared/periods';
import { api, attempt, call } from '../api';
import { rulesFor, useChanged, useInfo, vocabName } from '../store';
import { useApi } from '../useApi';
import { AdoptionEditor, InstructionEditor, ItemEditor } from './RecordEditors';

/** How several instructions of one item count, as the drawer's heading says it. */
const INSTRUCTION_COMBINE_NOTE = {
  highest: '多次批示只计最高的一次',
  sum: '多次批示各次累计',
  per_level: '同一级别只计一次，不同级别累加',
} as const;

/** 调研 / 专报 tags and the item's 信息类别; 一般 when it has none of them. */
export const kindTags = (kinds: string[], categoryName: string | null = null) =>
  kinds.length === 0 && categoryName === null ? (
    <Tag>一般</Tag>
  ) : (
    <>
      {kinds.map((k) => (
        <Tag key={k} color={k === 'research' ? 'blue' : 'purple'}>
          {k === 'research' ? '调研' : '专报'}
        </Tag>
      ))}
      {categoryName !== null && <Tag color="cyan">{categoryName}</Tag>}
    </>
  );

type Worth = { record: { id: number; date: string }; points: number; counts: boolean };

/** 分值 · 计分 (rule 8: a record that does not count says which one did) · 修改 · 删除. */
function worthColumns<R extends Worth>(all: R[], describe: (r: R) => string, edit: (r: R) => void, remove: (id: number) => Promise<Reply<null>>, confirm: string, changed: () => void): ColumnsType<R> {
  const counting = all.find((r) => r.counts);
  return [
    { title: '分值', width: 55, render: (_, r) => r.points },
    {
      title: '计分',
      width: 150,
      render: (_, r) =>
        r.counts ? (
          <Tag color="green">计分</Tag>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            不重复计分{counting ? `：已在${periodLabel(quarterOf(counting.record.date))}按${describe(counting)}计${counting.points}分` : ''}
          </Typography.Text>
        ),
    },
    {
      title: '',
      width: 96,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => edit(r)}>
            修改
          </Button>
          <Popconfirm title={confirm} okText="删除" cancelText="取消" onConfirm={() => attempt(async () => (await call(remove(r.record.id)), void message.success('已删除（可在操作记录的回收站恢复）'), changed()))}>
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}

type AdoptionRow = ItemDetailView['adoptionRecords'][number];
type InstructionRow = ItemDetailView['instructionRecords'][number];

/** An item with all its records, its best adoption and the points that count (rule 8, 就高不就低); everything editable. */
export function ItemDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const info = useInfo();
  const changed = useChanged();
  const item = useApi('items:get', id === null ? null : { id }).data;
  const shown = item && item.id === id ? item : undefined;
  const rules = rulesFor(info, shown?.date);
  // an editor unmounts when it closes: the keyboard comes back to the drawer's main button, not to the page body
  const closeEditor = () => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById('item-edit')?.focus());
  };
  const [editing, setEditing] = useState<'item' | { adoption: AdoptionRow['record'] } | { instruction: InstructionRow['record'] } | null>(null);
  const pubName = (k: string) => publicationTitle(vocabName(info, 'publications', k));
  const levelOf = (k: string) => {
    for (const r of [...(info?.ruleSets ?? [])].reverse()) {
      const l = r.instructionLevels.find((x) => x.key === k);
      if (l) return `${l.name} ${stars(l.stars)}`;
    }
    return '（规则中已没有这个级别）';
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={760} title={shown ? `信息 ${shown.no}` : '信息'} destroyOnHidden>
      {shown && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="标题" span={2}>
              <span data-testid="drawer-title">{shown.title}</span>
            </Descriptions.Item>
            <Descriptions.Item label="报送单位">{shown.unitName}</Descriptions.Item>
            <Descriptions.Item label="报送日期">{shown.date}</Descriptions.Item>
            <Descriptions.Item label="类型">{kindTags(shown.kinds, shown.categoryName)}</Descriptions.Item>
            <Descriptions.Item label="作者">{shown.authorList.join('、') || '—'}</Descriptions.Item>
            {shown.jointUnits.length > 0 && (
              <Descriptions.Item label="合报单位" span={2}>
                <span data-testid="drawer-joint">
                  {shown.unitName}（牵头）、{shown.jointUnits.map((u) => u.name).join('、')}
                  {rules && <Typography.Text type="secondary">　{JOINT_SPLIT_LABEL[rules.jointSplit]}</Typography.Text>}
                </span>
              </Descriptions.Item>
            )}
            {shown.note ? (
              <Descriptions.Item label="备注" span={2}>
                {shown.note}
              </Descriptions.Item>
            ) : null}
            {shown.body || shown.file ? (
              <Descriptions.Item label="正文" span={2}>
                {shown.file && (
                  <Typography.Text type="secondary">
                    原文件：{shown.file.name}（{Math.max(1, Math.round(shown.file.bytes / 1024))} KB）
                  </Typography.Text>
                )}
                <Typography.Paragraph ellipsis={{ rows: 4, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="drawer-body">
                  {shown.body}
                </Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Space>
            <Button type="primary" id="item-edit" onClick={() => setEditing('item')} autoFocus>
              修改信息
            </Button>
            <Popconfirm
              title="删除这条信息？它的采用和批示记录一并移入回收站。"
              onConfirm={() =>
                attempt(async () => {
                  await call(api().items.delete({ id: shown.id }));
                  void message.success(`已删除 ${shown.no}（可在操作记录的回收站恢复）`);
                  changed();
                  onClose();
                })
              }
            >
              <Button danger>删除信息</Button>
            </Popconfirm>
          </Space>
          <Typography.Title level={5}>采用（{rules?.adoptionCombine === 'sum' ? '同一信息被多个刊物采用时，各次累计' : '同一信息被多个刊物采用时，只计最高的一次'}）</Typography.Title>
          {shown.adoptionRecords.length === 0 ? (
            <Empty description="尚未被采用" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => r.record.id}
              dataSource={shown.adoptionRecords}
              columns={[
                { title: '刊物', render: (_, r) => pubName(r.record.publication) },
                { title: '形式', width: 55, render: (_, r) => ADOPTION_FORM_LABEL[r.record.form] },
                { title: '期号', width: 75, render: (_, r) => r.record.issueNo },
                { title: '日期', width: 95, render: (_, r) => r.record.date },
                ...worthColumns<AdoptionRow>(
                  shown.adoptionRecords,
                  (r) => pubName(r.record.publication),
                  (r) => setEditing({ adoption: r.record }),
                  (rid) => api().adoptions.delete({ id: rid }),
                  '删除这条采用记录？（可在回收站恢复）',
                  changed,
                ),
              ]}
            />
          )}
          <Typography.Title level={5}>领导批示{rules ? `（${INSTRUCTION_COMBINE_NOTE[rules.instructionCombine]}）` : ''}</Typography.Title>
          {shown.instructionRecords.length === 0 ? (
            <Empty description="没有批示" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => r.record.id}
              dataSource={shown.instructionRecords}
              columns={[
                { title: '级别', render: (_, r) => levelOf(r.record.level) },
                { title: '形式', width: 55, render: (_, r) => INSTRUCTION_FORM_LABEL[r.record.form] },
                { title: '领导', width: 80, render: (_, r) => r.record.leader },
                { title: '日期', width: 95, render: (_, r) => r.record.date },
                ...worthColumns<InstructionRow>(
                  shown.instructionRecords,
                  (r) => `${levelOf(r.record.level)}批示`,
                  (r) => setEditing({ instruction: r.record }),
                  (rid) => api().instructions.delete({ id: rid }),
                  '删除这条批示记录？（可在回收站恢复）',
                  changed,
                ),
              ]}
            />
          )}
        </Space>
      )}
      {shown && editing === 'item' && <ItemEditor item={shown} onClose={closeEditor} />}
      {shown && editing && typeof editing === 'object' && 'adoption' in editing && <AdoptionEditor itemId={shown.id} record={editing.adoption} onClose={closeEditor} />}
      {shown && editing && typeof editing === 'object' && 'instruction' in editing && <InstructionEditor itemId={shown.id} record={editing.instruction} onClose={closeEditor} />}
    </Drawer>
  );
}
