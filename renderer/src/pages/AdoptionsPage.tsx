import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ItemView } from '../../../shared/ipc/contract';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, stars } from '../../../shared/labels';
import { api, attempt, call } from '../api';
import { ItemDrawer } from '../components/ItemDrawer';
import { ItemList } from '../components/ItemList';
import { ItemSearch } from '../components/ItemSearch';
import { latestRules, useApp } from '../store';

function IssueForm() {
  const { info, changed } = useApp();
  const rules = latestRules(info);
  const [publication, setPublication] = useState<string | undefined>(rules?.publications[0]?.key);
  const [issueNo, setIssueNo] = useState('');
  const [date, setDate] = useState(dayjs(info?.today));
  const [form, setForm] = useState<'single' | 'combined' | 'brief'>('single');
  const [picked, setPicked] = useState<(ItemView & { form: 'single' | 'combined' | 'brief' })[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!publication) return void message.warning('请选择刊物');
    setBusy(true);
    const r = await attempt(() =>
      call(api().adoptions.create({ list: picked.map((p) => ({ itemId: p.id, publication, form: p.form, date: date.format('YYYY-MM-DD'), issueNo, note: '' })) })),
    );
    setBusy(false);
    if (r) {
      void message.success(`已登记 ${r.created} 条采用`);
      setPicked([]);
      setIssueNo('');
      changed();
    }
  };
  return (
    <Card size="small" title="登记一期刊物采用的信息（批量）">
      <Row gutter={8}>
        <Col span={7}>
          <Select id="issue-publication" showSearch optionFilterProp="label" style={{ width: '100%' }} value={publication} onChange={setPublication} options={rules?.publications.map((p) => ({ value: p.key, label: `《${p.name}》` }))} />
        </Col>
        <Col span={4}>
          <Input id="issue-no" value={issueNo} onChange={(e) => setIssueNo(e.target.value)} placeholder="期号，如 第12期" />
        </Col>
        <Col span={5}>
          <DatePicker id="issue-date" value={date} onChange={(d) => d && setDate(d)} allowClear={false} style={{ width: '100%' }} />
        </Col>
        <Col span={4}>
          <Select style={{ width: '100%' }} value={form} onChange={setForm} options={Object.entries(ADOPTION_FORM_LABEL).map(([v, l]) => ({ value: v, label: `默认形式：${l}` }))} />
        </Col>
      </Row>
      <div style={{ marginTop: 8 }}>
        <ItemSearch
          id="issue-item"
          clearOnPick
          placeholder="查找信息加入本期（标题关键词或编号）"
          onChange={(_, item) => item && !picked.some((p) => p.id === item.id) && setPicked([...picked, { ...item, form }])}
        />
      </div>
      <Table
        size="small"
        style={{ marginTop: 8 }}
        rowKey="id"
        pagination={false}
        dataSource={picked}
        locale={{ emptyText: '尚未加入信息' }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          {
            title: '形式',
            width: 100,
            render: (_, p) => (
              <Select size="small" value={p.form} onChange={(v) => setPicked(picked.map((x) => (x.id === p.id ? { ...x, form: v } : x)))} options={Object.entries(ADOPTION_FORM_LABEL).map(([v, l]) => ({ value: v, label: l }))} />
            ),
          },
          { title: '', width: 60, render: (_, p) => <Button type="link" size="small" onClick={() => setPicked(picked.filter((x) => x.id !== p.id))}>移除</Button> },
        ]}
      />
      <Button type="primary" style={{ marginTop: 8 }} disabled={picked.length === 0} loading={busy} onClick={save} id="issue-save">
        保存本期采用（{picked.length} 条）
      </Button>
    </Card>
  );
}

function InstructionForm() {
  const { info, changed } = useApp();
  const rules = latestRules(info);
  const [f] = Form.useForm();
  const save = async (v: { itemId: number; level: string; form: 'single' | 'combined'; date: dayjs.Dayjs; leader?: string }) => {
    const r = await attempt(() => call(api().instructions.create({ itemId: v.itemId, level: v.level, form: v.form, date: v.date.format('YYYY-MM-DD'), leader: v.leader ?? '', note: '' })));
    if (r) {
      void message.success('已登记批示');
      f.resetFields(['itemId', 'leader']);
      changed();
    }
  };
  return (
    <Card size="small" title="登记领导批示">
      <Form form={f} layout="inline" onFinish={save} initialValues={{ level: rules?.instructionLevels[rules.instructionLevels.length - 1]?.key, form: 'single', date: dayjs(info?.today) }}>
        <Form.Item name="itemId" rules={[{ required: true, message: '请选择信息' }]} style={{ width: 340 }}>
          <ItemSearch id="instruction-item" onChange={(id) => f.setFieldValue('itemId', id)} />
        </Form.Item>
        <Form.Item name="level">
          <Select id="instruction-level" showSearch optionFilterProp="label" style={{ width: 150 }} options={rules?.instructionLevels.map((l) => ({ value: l.key, label: `${l.name} ${stars(l.stars)}` }))} />
        </Form.Item>
        <Form.Item name="form">
          <Select style={{ width: 80 }} options={Object.entries(INSTRUCTION_FORM_LABEL).map(([v, l]) => ({ value: v, label: l }))} />
        </Form.Item>
        <Form.Item name="date">
          <DatePicker id="instruction-date" allowClear={false} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="leader">
          <Input placeholder="批示领导" style={{ width: 110 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" id="instruction-save">
          保存批示
        </Button>
      </Form>
    </Card>
  );
}

export function AdoptionsPage() {
  const [open, setOpen] = useState<number | null>(null);
  const [month, setMonth] = useState<string | undefined>(undefined);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <IssueForm />
      <InstructionForm />
      <Card
        size="small"
        title={
          <Space>
            已采用的信息
            <DatePicker picker="month" allowClear placeholder="全部月份" value={month ? dayjs(`${month}-01`) : null} onChange={(d) => setMonth(d ? d.format('YYYY-MM') : undefined)} />
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              按报送月份；点击查看每条信息的全部采用、批示和计分
            </Typography.Text>
          </Space>
        }
      >
        <ItemList filter={{ month, adopted: 'yes' }} onOpen={setOpen} height={300} />
      </Card>
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
