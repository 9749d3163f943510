import { Button, Descriptions, Drawer, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import type { ItemDetailView, Reply } from '../../../shared/ipc/contract';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, stars } from '../../../shared/labels';
import { api, attempt, call } from '../api';
import { latestRules, useApp } from '../store';

export const kindTags = (kinds: string[]) =>
  kinds.length === 0 ? <Tag>一般</Tag> : kinds.map((k) => <Tag key={k} color={k === 'research' ? 'blue' : 'purple'}>{k === 'research' ? '调研' : '专报'}</Tag>);

/** 分值 · 计分 (rule 8) · 删除, the same for an item's adoptions and instructions. */
function worthColumns<R extends { record: { id: number }; points: number; counts: boolean }>(
  remove: (id: number) => Promise<Reply<null>>,
  confirm: string,
  changed: () => void,
): ColumnsType<R> {
  return [
    { title: '分值', width: 60, render: (_, r) => r.points },
    { title: '计分', width: 90, render: (_, r) => (r.counts ? <Tag color="green">计分</Tag> : <Tag>不重复计分</Tag>) },
    {
      title: '',
      width: 60,
      render: (_, r) => (
        <Popconfirm title={confirm} onConfirm={() => attempt(async () => (await call(remove(r.record.id)), changed()))}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      ),
    },
  ];
}

/** An item with all its records, its best adoption and the points that count (rule 8, 就高不就低). */
export function ItemDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { info, changed, version } = useApp();
  const [item, setItem] = useState<ItemDetailView | null>(null);
  // closing forgets the item during render, not in an effect (no extra render pass)
  if (id === null && item !== null) setItem(null);
  useEffect(() => {
    if (id === null) return;
    void attempt(async () => setItem(await call(api().items.get({ id }))));
  }, [id, version]);
  const rules = latestRules(info);
  const pubName = (k: string) => rules?.publications.find((p) => p.key === k)?.name ?? k;
  const level = (k: string) => rules?.instructionLevels.find((l) => l.key === k);
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={item ? `信息 ${item.no}` : '信息'} destroyOnHidden>
      {item && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="标题" span={2}>
              {item.title}
            </Descriptions.Item>
            <Descriptions.Item label="报送单位">{item.unitName}</Descriptions.Item>
            <Descriptions.Item label="报送日期">{item.date}</Descriptions.Item>
            <Descriptions.Item label="类型">{kindTags(item.kinds)}</Descriptions.Item>
            <Descriptions.Item label="作者">{item.authorList.join('、') || '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>采用（同一信息被多个刊物采用时，只计最高的一次）</Typography.Title>
          {item.adoptionRecords.length === 0 ? (
            <Empty description="尚未被采用" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => r.record.id}
              dataSource={item.adoptionRecords}
              columns={[
                { title: '刊物', render: (_, r) => pubName(r.record.publication) },
                { title: '形式', width: 60, render: (_, r) => ADOPTION_FORM_LABEL[r.record.form] },
                { title: '期号', width: 80, render: (_, r) => r.record.issueNo },
                { title: '日期', width: 100, render: (_, r) => r.record.date },
                ...worthColumns<ItemDetailView['adoptionRecords'][number]>((id) => api().adoptions.delete({ id }), '删除这条采用记录？（可在回收站恢复）', changed),
              ]}
            />
          )}
          <Typography.Title level={5}>领导批示</Typography.Title>
          {item.instructionRecords.length === 0 ? (
            <Empty description="没有批示" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => r.record.id}
              dataSource={item.instructionRecords}
              columns={[
                { title: '级别', render: (_, r) => `${level(r.record.level)?.name ?? r.record.level} ${stars(level(r.record.level)?.stars ?? 0)}` },
                { title: '形式', width: 60, render: (_, r) => INSTRUCTION_FORM_LABEL[r.record.form] },
                { title: '领导', width: 90, render: (_, r) => r.record.leader },
                { title: '日期', width: 100, render: (_, r) => r.record.date },
                ...worthColumns<ItemDetailView['instructionRecords'][number]>((id) => api().instructions.delete({ id }), '删除这条批示记录？（可在回收站恢复）', changed),
              ]}
            />
          )}
          <Popconfirm
            title="删除这条信息？它的采用和批示记录一并移入回收站。"
            onConfirm={() =>
              attempt(async () => {
                await call(api().items.delete({ id: item.id }));
                changed();
                onClose();
              })
            }
          >
            <Button danger>删除信息</Button>
          </Popconfirm>
        </Space>
      )}
    </Drawer>
  );
}
