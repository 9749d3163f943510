import { Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { EventView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { UnitSelect } from '../components/UnitSelect';
import { latestRules, useApp } from '../store';

export function EventsPage() {
  const { info, version, changed } = useApp();
  const rules = latestRules(info);
  const [list, setList] = useState<EventView[]>([]);
  const [year, setYear] = useState<number | undefined>(Number(info?.today.slice(0, 4)));
  const [f] = Form.useForm();
  useEffect(() => {
    void attempt(async () => setList(await call(api().events.list({ year }))));
  }, [version, year]);
  const kind = (k: string) => rules?.eventKinds.find((e) => e.key === k);
  const save = async (v: { unitId: number; date: dayjs.Dayjs; kind: string; quantity: number; note?: string }) => {
    const r = await attempt(() => call(api().events.create({ unitId: v.unitId, date: v.date.format('YYYY-MM-DD'), kind: v.kind, quantity: v.quantity, note: v.note ?? '' })));
    if (r) {
      void message.success('已登记');
      f.resetFields(['note', 'quantity']);
      changed();
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <Card size="small" title="登记加减分事项">
        <Form form={f} layout="inline" onFinish={save} initialValues={{ date: dayjs(info?.today), quantity: 1, kind: rules?.eventKinds[0]?.key }}>
          <Form.Item name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
            <UnitSelect id="event-unit" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              id="event-kind"
              style={{ width: 260 }}
              options={rules?.eventKinds.map((e) => ({ value: e.key, label: `${e.name}（${e.points > 0 ? '+' : ''}${e.points}分${e.scope === 'year' ? '，年度' : ''}）` }))}
            />
          </Form.Item>
          <Form.Item name="date">
            <DatePicker allowClear={false} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="quantity" label="数量">
            <InputNumber min={1} max={10000} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder="说明" style={{ width: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Card>
      <Card size="small" title={<Space>已登记的事项 <DatePicker picker="year" value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => setYear(d ? d.year() : undefined)} placeholder="全部年份" /></Space>}>
        <Table
          size="small"
          rowKey="id"
          dataSource={list}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '单位', dataIndex: 'unitName', width: 200 },
            { title: '事项', dataIndex: 'kind', render: (k: string) => <Space>{kind(k)?.name ?? k}{kind(k)?.scope === 'year' && <Tag>计入年度</Tag>}</Space> },
            { title: '数量', dataIndex: 'quantity', width: 60 },
            // the rule's points per time; what counts (e.g. 考核通报制度 once a year) is on the 计分 page's 得分明细
            { title: '每次分值', width: 90, render: (_, e) => kind(e.kind)?.points ?? '' },
            { title: '说明', dataIndex: 'note' },
            {
              title: '',
              width: 60,
              render: (_, e) => (
                <Popconfirm title="删除这条事项？" onConfirm={() => attempt(async () => (await call(api().events.delete({ id: e.id })), changed()))}>
                  <Button type="link" danger size="small">
                    删除
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
