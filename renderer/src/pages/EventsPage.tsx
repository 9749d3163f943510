import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { EventView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { UnitSelect } from '../components/UnitSelect';
import { confirmDate, enterMovesOn } from '../forms';
import { rulesFor, useApp, useChanged, useInfo } from '../store';
import { useApi } from '../useApi';

type EventForm = { unitId: number; date: dayjs.Dayjs; kind: string; quantity: number; note?: string };

/** The fields of an event, for entry and for correction; the kinds offered are those of the rule set for the date. */
function EventFields({ date, inline }: { date: string | undefined; inline: boolean }) {
  const info = useInfo();
  const rules = rulesFor(info, date ?? info?.today);
  return (
    <>
      <Form.Item name="unitId" label={inline ? undefined : '单位'} rules={[{ required: true, message: '请选择单位' }]}>
        <UnitSelect id={inline ? 'event-unit' : 'event-edit-unit'} style={{ width: inline ? 200 : '100%' }} />
      </Form.Item>
      <Form.Item name="date" label={inline ? undefined : '日期'}>
        <DatePicker id={inline ? 'event-date' : 'event-edit-date'} allowClear={false} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="kind" label={inline ? undefined : '事项'} rules={[{ required: true, message: '请选择事项' }]}>
        <Select
          id={inline ? 'event-kind' : 'event-edit-kind'}
          style={{ width: inline ? 260 : '100%' }}
          options={rules?.eventKinds.map((e) => ({ value: e.key, label: `${e.name}（${e.points > 0 ? '+' : ''}${e.points}分${e.scope === 'year' ? '，年度' : ''}）` }))}
        />
      </Form.Item>
      <Form.Item name="quantity" label="数量">
        <InputNumber min={1} max={10000} style={{ width: 70 }} />
      </Form.Item>
      <Form.Item name="note" label={inline ? undefined : '说明'}>
        <Input id={inline ? 'event-note' : 'event-edit-note'} placeholder="说明" style={{ width: inline ? 180 : '100%' }} />
      </Form.Item>
    </>
  );
}

function EventEditor({ event, onClose }: { event: EventView; onClose: () => void }) {
  const info = useInfo();
  const changed = useChanged();
  const [f] = Form.useForm<EventForm>();
  const date = Form.useWatch<dayjs.Dayjs | undefined>('date', f);
  const save = async (v: EventForm) => {
    const iso = v.date.format('YYYY-MM-DD');
    if (!(await confirmDate(info, iso))) return;
    const r = await attempt(() => call(api().events.update({ id: event.id, event: { unitId: v.unitId, date: iso, kind: v.kind, quantity: v.quantity, note: v.note ?? '' } })));
    if (r !== undefined) {
      void message.success('已修改');
      changed({ kind: 'event', date: iso, id: event.id, label: '' });
      onClose();
    }
  };
  return (
    <Modal open title={`修改加减分：${event.unitName}`} okText="保存修改" cancelText="取消" onCancel={onClose} onOk={() => f.submit()} okButtonProps={{ id: 'event-edit-save', autoFocus: true }}>
      <div onKeyDown={enterMovesOn(() => f.submit())}>
        <Form form={f} labelCol={{ span: 4 }} onFinish={save} initialValues={{ unitId: event.unitId, date: dayjs(event.date), kind: event.kind, quantity: event.quantity, note: event.note }}>
          <EventFields date={date?.format('YYYY-MM-DD')} inline={false} />
        </Form>
      </div>
    </Modal>
  );
}

export function EventsPage() {
  const info = useInfo();
  const changed = useChanged();
  const lastSaved = useApp((s) => s.lastSaved);
  const [year, setYear] = useState<number | undefined>(Number(info?.today.slice(0, 4)));
  const [editing, setEditing] = useState<EventView | null>(null);
  // the list follows what was just saved
  const [savedSeen, setSavedSeen] = useState(lastSaved);
  if (lastSaved !== savedSeen) {
    setSavedSeen(lastSaved);
    if (lastSaved?.kind === 'event') setYear(Number(lastSaved.date.slice(0, 4)));
  }
  const list = useApi('events:list', { year }).data ?? [];
  const [f] = Form.useForm<EventForm>();
  const date = Form.useWatch<dayjs.Dayjs | undefined>('date', f);
  const kindOf = (k: string, d: string) => rulesFor(info, d)?.eventKinds.find((e) => e.key === k) ?? info?.ruleSets.flatMap((r) => r.eventKinds).find((e) => e.key === k);
  const save = async (v: EventForm) => {
    const iso = v.date.format('YYYY-MM-DD');
    if (!(await confirmDate(info, iso))) return;
    const r = await attempt(() => call(api().events.create({ unitId: v.unitId, date: iso, kind: v.kind, quantity: v.quantity, note: v.note ?? '' })));
    if (r) {
      void message.success('已登记');
      f.resetFields(['note', 'quantity']);
      changed({ kind: 'event', date: iso, id: r.id, label: '' });
    }
  };
  const initialKind = rulesFor(info, info?.today)?.eventKinds[0]?.key;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <Card size="small" title="登记加减分事项">
        {/* no submit button inside the form: Enter moves field by field, the last field's Enter or the button saves */}
        <div onKeyDown={enterMovesOn(() => f.submit())}>
          <Form form={f} layout="inline" onFinish={save} initialValues={{ date: dayjs(info?.today), quantity: 1, kind: initialKind }}>
            <EventFields date={date?.format('YYYY-MM-DD')} inline />
            <Button type="primary" id="event-save" onClick={() => f.submit()}>
              保存
            </Button>
          </Form>
        </div>
      </Card>
      <Card size="small" title={<Space>已登记的事项 <DatePicker picker="year" value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => setYear(d ? d.year() : undefined)} placeholder="全部年份" /></Space>}>
        <Table
          size="small"
          rowKey="id"
          dataSource={list}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: year ? `${year}年没有登记加减分事项` : '没有登记加减分事项' }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '单位', dataIndex: 'unitName', width: 200 },
            { title: '事项', dataIndex: 'kind', render: (k: string, e) => <Space>{kindOf(k, e.date)?.name ?? '（规则中已没有这个事项）'}{kindOf(k, e.date)?.scope === 'year' && <Tag>计入年度</Tag>}</Space> },
            { title: '数量', dataIndex: 'quantity', width: 60 },
            // the rule's points per time; what counts (e.g. 考核通报制度 once a year) is on the 计分 page's 得分明细
            { title: '每次分值', width: 90, render: (_, e) => kindOf(e.kind, e.date)?.points ?? '' },
            { title: '说明', dataIndex: 'note' },
            {
              title: '',
              width: 100,
              render: (_, e) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(e)}>
                    修改
                  </Button>
                  <Popconfirm title="删除这条事项？（可在回收站恢复）" okText="删除" cancelText="取消" onConfirm={() => attempt(async () => (await call(api().events.delete({ id: e.id })), changed()))}>
                    <Button type="link" danger size="small">
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && <EventEditor event={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
