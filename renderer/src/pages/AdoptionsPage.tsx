import { Alert, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { IssueView, ItemView } from '../../../shared/ipc/contract';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, publicationTitle, stars } from '../../../shared/labels';
import { api, attempt, call } from '../api';
import { ItemDrawer } from '../components/ItemDrawer';
import { ItemList } from '../components/ItemList';
import { ItemSearch } from '../components/ItemSearch';
import { AdoptionEditor, confirmAdoptionWarnings, publicationOptions } from '../components/RecordEditors';
import { confirmDate, enterMovesOn } from '../forms';
import { PUBLICATION_SEARCH } from '../pinyin';
import { rulesFor, useChanged, useInfo, vocabName } from '../store';
import { useApi } from '../useApi';

function IssueForm() {
  const info = useInfo();
  const changed = useChanged();
  const [date, setDate] = useState(dayjs(info?.today));
  const iso = date.format('YYYY-MM-DD');
  // only the publications of the rule set in force on the adoption's date are offered
  const options = publicationOptions(info, iso);
  const [chosen, setPublication] = useState<string | undefined>(options[0]?.value);
  const publication = options.some((o) => o.value === chosen) ? chosen : undefined;
  const [issueNo, setIssueNo] = useState('');
  const [form, setForm] = useState<'single' | 'combined' | 'brief'>('single');
  const [picked, setPicked] = useState<(ItemView & { form: 'single' | 'combined' | 'brief' })[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (busy) return;
    if (!publication) return void message.warning({ key: 'issue', content: '请选择刊物（按采用日期适用的规则）' });
    if (picked.length === 0) return void message.warning({ key: 'issue', content: '请先查找信息加入本期' });
    const list = picked.map((p) => ({ itemId: p.id, publication, form: p.form, date: iso, issueNo: issueNo.trim(), note: '' }));
    if (!(await confirmDate(info, iso)) || !(await confirmAdoptionWarnings(list))) return;
    setBusy(true);
    const r = await attempt(() => call(api().adoptions.create({ list })));
    setBusy(false);
    if (r) {
      void message.success({ key: 'issue', content: `已登记 ${r.created} 条采用` });
      setPicked([]);
      setIssueNo('');
      changed();
    }
  };
  return (
    <Card size="small" title="登记一期刊物采用的信息（批量）">
      <Row gutter={8} onKeyDown={enterMovesOn(() => document.getElementById('issue-item')?.focus())}>
        <Col span={5}>
          <DatePicker id="issue-date" value={date} onChange={(d) => d && setDate(d)} allowClear={false} style={{ width: '100%' }} placeholder="采用日期" />
        </Col>
        <Col span={7}>
          <Select id="issue-publication" showSearch={PUBLICATION_SEARCH} style={{ width: '100%' }} value={publication} placeholder="刊物" onChange={setPublication} options={options} />
        </Col>
        <Col span={4}>
          <Input id="issue-no" value={issueNo} onChange={(e) => setIssueNo(e.target.value)} placeholder="期号，如 第12期" />
        </Col>
        <Col span={5}>
          <Select style={{ width: '100%' }} value={form} onChange={setForm} options={Object.entries(ADOPTION_FORM_LABEL).map(([v, l]) => ({ value: v, label: `默认形式：${l}` }))} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        先填采用日期：刊物列表按该日期适用的计分规则（{rulesFor(info, iso)?.name ?? '—'}）
      </Typography.Text>
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
          { title: '编号', dataIndex: 'no', width: 110 },
          { title: '单位', dataIndex: 'unitName', width: 150 },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          {
            title: '报送日期',
            width: 140,
            render: (_, p) => (
              <Space size={4}>
                {p.date}
                {p.date > iso && <Tag color="red">晚于采用日期</Tag>}
              </Space>
            ),
          },
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
      <Button type="primary" style={{ marginTop: 8 }} disabled={picked.length === 0} loading={busy} onClick={() => void save()} id="issue-save">
        保存本期采用（{picked.length} 条）
      </Button>
    </Card>
  );
}

function InstructionForm() {
  const info = useInfo();
  const changed = useChanged();
  const [f] = Form.useForm();
  const date = Form.useWatch<dayjs.Dayjs | undefined>('date', f);
  const rules = rulesFor(info, date?.format('YYYY-MM-DD') ?? info?.today);
  const save = async (v: { itemId: number; level: string; form: 'single' | 'combined'; date: dayjs.Dayjs; leader?: string }) => {
    const iso = v.date.format('YYYY-MM-DD');
    if (!(await confirmDate(info, iso))) return;
    const r = await attempt(() => call(api().instructions.create({ itemId: v.itemId, level: v.level, form: v.form, date: iso, leader: v.leader ?? '', note: '' })));
    if (r) {
      void message.success('已登记批示');
      f.resetFields(['itemId', 'leader']);
      changed();
      document.getElementById('instruction-item')?.focus();
    }
  };
  return (
    <Card size="small" title="登记领导批示">
      {/* no submit button inside the form: Enter in a field moves on; the last field's Enter or the button saves */}
      <div onKeyDown={enterMovesOn(() => f.submit())}>
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
            <Input id="instruction-leader" placeholder="批示领导" style={{ width: 110 }} />
          </Form.Item>
          <Button type="primary" id="instruction-save" onClick={() => f.submit()}>
            保存批示
          </Button>
        </Form>
      </div>
    </Card>
  );
}

/** Each recorded issue (刊物 + 期号) with its items, to check and correct an issue already entered. */
function Issues() {
  const info = useInfo();
  const changed = useChanged();
  const [year, setYear] = useState<number | undefined>(Number(info?.today.slice(0, 4)));
  const issues = useApi('adoptions:issues', { year }).data ?? [];
  const [editing, setEditing] = useState<IssueView['items'][number] & { publication: string; issueNo: string } | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Card
      size="small"
      title={
        <Space>
          已登记的各期
          <DatePicker picker="year" value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => setYear(d ? d.year() : undefined)} placeholder="全部年份" />
        </Space>
      }
    >
      <Table<IssueView>
        size="small"
        rowKey="key"
        dataSource={issues}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '这一年还没有登记采用' }}
        expandable={{
          expandedRowRender: (issue) => (
            <Table
              size="small"
              rowKey="adoptionId"
              pagination={false}
              dataSource={issue.items}
              columns={[
                { title: '编号', dataIndex: 'no', width: 110, render: (n: string, r) => <a onClick={() => setOpen(r.itemId)}>{n}</a> },
                { title: '单位', dataIndex: 'unitName', width: 140 },
                { title: '标题', dataIndex: 'title', ellipsis: true },
                { title: '形式', dataIndex: 'form', width: 60, render: (f: keyof typeof ADOPTION_FORM_LABEL) => ADOPTION_FORM_LABEL[f] },
                {
                  title: '核对',
                  width: 150,
                  render: (_, r) => (
                    <Space size={2} wrap>
                      {r.twice && <Tag color="red">本期重复</Tag>}
                      {r.early && <Tag color="red">早于报送（{r.submitted}）</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '',
                  width: 100,
                  render: (_, r) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing({ ...r, publication: issue.publication, issueNo: issue.issueNo })}>
                        修改
                      </Button>
                      <Popconfirm title="删除这条采用记录？（可在回收站恢复）" okText="删除" cancelText="取消" onConfirm={() => attempt(async () => (await call(api().adoptions.delete({ id: r.adoptionId })), changed()))}>
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '刊物', dataIndex: 'publication', render: (p: string) => publicationTitle(vocabName(info, 'publications', p)) },
          { title: '期号', dataIndex: 'issueNo', width: 110, render: (n: string) => n || '（未填期号）' },
          { title: '采用日期', dataIndex: 'date', width: 110 },
          { title: '信息', width: 80, render: (_, i) => `${i.items.length} 条` },
          { title: '核对', width: 120, render: (_, i) => (i.items.some((x) => x.twice || x.early) ? <Tag color="red">有待核对</Tag> : null) },
        ]}
      />
      {editing && (
        <AdoptionEditor
          itemId={editing.itemId}
          record={{ id: editing.adoptionId, publication: editing.publication, form: editing.form, date: editing.date, issueNo: editing.issueNo }}
          onClose={() => setEditing(null)}
        />
      )}
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
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
      <Issues />
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
      <Alert type="info" showIcon message="采用、批示记录可在“已登记的各期”或信息详情中修改；修改记入操作记录。" />
    </Space>
  );
}
