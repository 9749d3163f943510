import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { RequestView } from '../../../shared/ipc/contract';
import { REQUEST_OUTCOME_LABEL } from '../../../shared/labels';
import { api, attempt, call } from '../api';
import { ItemSearch } from '../components/ItemSearch';
import { UnitSelect } from '../components/UnitSelect';
import { groupOptions, latestRules, useApp } from '../store';

function CreateRequest({ onClose }: { onClose: () => void }) {
  const { info, units, changed } = useApp();
  const rules = latestRules(info);
  const [f] = Form.useForm();
  const [targets, setTargets] = useState<number[]>([]);
  const save = async (v: {
    issuer: string;
    topic: string;
    issued?: dayjs.Dayjs;
    deadline: dayjs.Dayjs;
    note?: string;
  }) => {
    const r = await attempt(() =>
      call(
        api().requests.create({
          issuer: v.issuer,
          topic: v.topic,
          issued: v.issued ? v.issued.format('YYYY-MM-DD') : null,
          deadline: v.deadline.format('YYYY-MM-DD'),
          unitIds: targets,
          note: v.note ?? '',
        }),
      ),
    );
    if (r) {
      void message.success('已建立约稿');
      changed();
      onClose();
    }
  };
  return (
    <Modal
      open
      width={720}
      title="新建约稿"
      onCancel={onClose}
      onOk={() => f.submit()}
      okText="保存"
      okButtonProps={{ id: 'request-save' }}
    >
      <Form
        form={f}
        labelCol={{ span: 4 }}
        onFinish={save}
        initialValues={{ issuer: rules?.requestIssuers[0]?.key, issued: dayjs(info?.today) }}
      >
        <Form.Item name="issuer" label="约稿方" rules={[{ required: true }]}>
          <Select
            id="request-issuer"
            showSearch
            optionFilterProp="label"
            options={rules?.requestIssuers.map((i) => ({
              value: i.key,
              label: `${i.name}（未完成扣${-i.missPoints}分）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="topic" label="主题" rules={[{ required: true, message: '请填写约稿主题' }]}>
          <Input id="request-topic" />
        </Form.Item>
        <Form.Item name="issued" label="下发日期">
          <DatePicker id="request-issued" />
        </Form.Item>
        <Form.Item name="deadline" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker id="request-deadline" />
        </Form.Item>
        <Form.Item label="受约单位" required>
          <Space wrap style={{ marginBottom: 6 }}>
            {groupOptions(info)
              .filter((g) => g.value !== 'none')
              .map((g) => (
                <Button
                  key={g.value}
                  size="small"
                  onClick={() =>
                    setTargets([...new Set([...targets, ...units.filter((u) => u.group === g.value).map((u) => u.id)])])
                  }
                >
                  加入全部{g.label}
                </Button>
              ))}
            <Button size="small" onClick={() => setTargets([])}>
              清空
            </Button>
          </Space>
          <UnitSelect
            id="request-unit"
            value={null}
            placeholder="逐个加入单位（名称、别名或拼音首字母）"
            onChange={(v) => {
              if (v && !targets.includes(v)) setTargets([...targets, v]);
            }}
            style={{ width: '100%' }}
          />
          <div style={{ marginTop: 6, maxHeight: 120, overflow: 'auto' }}>
            {targets.map((t) => (
              <Tag key={t} closable onClose={() => setTargets(targets.filter((x) => x !== t))}>
                {units.find((u) => u.id === t)?.name}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RequestsPage() {
  const { info, version, changed } = useApp();
  const [list, setList] = useState<RequestView[]>([]);
  const [creating, setCreating] = useState(false);
  const [folded, setFolded] = useState<Set<number>>(new Set());
  const [year, setYear] = useState<number | undefined>(Number(info?.today.slice(0, 4)));
  useEffect(() => {
    void attempt(async () => setList(await call(api().requests.list({ year }))));
  }, [version, year]);
  const issuer = (k: string) => latestRules(info)?.requestIssuers.find((i) => i.key === k)?.name ?? k;
  const overdue = list.flatMap((r) => r.targets.filter((t) => t.overdue).map((t) => `${t.unitName}（${r.topic}）`));
  return (
    <Card size="small">
      <Space style={{ marginBottom: 10 }} wrap>
        <Button type="primary" onClick={() => setCreating(true)} id="request-new">
          新建约稿
        </Button>
        <DatePicker
          picker="year"
          value={year ? dayjs(`${year}-01-01`) : null}
          onChange={(d) => setYear(d ? d.year() : undefined)}
          placeholder="全部年份"
        />
        {overdue.length > 0 && (
          <Tag color="red">
            逾期未报 {overdue.length} 个：{overdue.slice(0, 3).join('、')}
            {overdue.length > 3 ? '…' : ''}
          </Tag>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={list}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          // every request shows its targets unless the clerk folds it
          expandedRowKeys: list.map((r) => r.id).filter((id) => !folded.has(id)),
          onExpand: (open, r) =>
            setFolded((f) => {
              const n = new Set(f);
              if (open) n.delete(r.id);
              else n.add(r.id);
              return n;
            }),
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.targets}
              rowClassName={(t) => (t.overdue ? 'overdue-row' : '')}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'unitName',
                  width: 200,
                  render: (n: string, t) => (
                    <Space>
                      {n}
                      {t.overdue && <Tag color="red">逾期</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '完成情况',
                  width: 130,
                  render: (_, t) => (
                    <span data-testid={`outcome-${t.unitName}`}>
                      <Select
                        size="small"
                        value={t.outcome}
                        style={{ width: 110 }}
                        onChange={(v) =>
                          attempt(
                            async () => (
                              await call(api().requests.setOutcome({ targetId: t.id, outcome: v, itemId: t.itemId })),
                              changed()
                            ),
                          )
                        }
                        options={Object.entries(REQUEST_OUTCOME_LABEL).map(([v, l]) => ({ value: v, label: l }))}
                      />
                    </span>
                  ),
                },
                {
                  title: '报送的信息',
                  render: (_, t) => (
                    <ItemSearch
                      value={t.itemId ?? undefined}
                      unitId={t.unitId}
                      placeholder={t.itemNo ?? '关联该单位报送的信息'}
                      onChange={(id) =>
                        attempt(
                          async () => (
                            await call(
                              api().requests.setOutcome({
                                targetId: t.id,
                                outcome: id ? 'done' : t.outcome,
                                itemId: id ?? null,
                              }),
                            ),
                            changed()
                          ),
                        )
                      }
                    />
                  ),
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '编号', dataIndex: 'no', width: 110 },
          { title: '约稿方', dataIndex: 'issuer', width: 120, render: issuer },
          { title: '主题', dataIndex: 'topic' },
          { title: '下发', dataIndex: 'issued', width: 100 },
          { title: '截止', dataIndex: 'deadline', width: 100 },
          {
            title: '完成情况',
            width: 220,
            render: (_, r) => {
              const c = (o: string) => r.targets.filter((t) => t.outcome === o).length;
              return (
                <Typography.Text>{`完成${c('done')} 说明${c('explained')} 未完成${c('missed')} 待报${c('pending')}`}</Typography.Text>
              );
            },
          },
          {
            title: '',
            width: 60,
            render: (_, r) => (
              <Popconfirm
                title="删除这个约稿？（移入回收站）"
                onConfirm={() => attempt(async () => (await call(api().requests.delete({ id: r.id })), changed()))}
              >
                <Button type="link" danger size="small">
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {creating && <CreateRequest onClose={() => setCreating(false)} />}
    </Card>
  );
}
