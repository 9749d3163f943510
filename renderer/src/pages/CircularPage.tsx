import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, List, Modal, Row, Space, Switch, Tabs, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { chineseDate } from '../../../shared/periods';
import { useCallback, useEffect, useState } from 'react';
import type { Results } from '../../../shared/ipc/contract';
import { TEMPLATE_LABELS, type Settings } from '../../../shared/settings';
import { api, attempt, call } from '../api';
import { PeriodPicker, reportingQuarter } from '../components/PeriodPicker';
import { periodText } from '../forms';
import { useChanged, useInfo } from '../store';
import { useApi } from '../useApi';
import { ShowInFolderButton } from '../components/ShowInFolder';


type Data = Results['circular:preview'];
type SectionKey = Data['text']['sections'][number]['key'];

/** One part of the draft: read as it will go out, or rewritten in place (one paragraph a line) and kept for the period. */
function Section({ section, drafted, edited, locked, onSave }: { section: Data['text']['sections'][number]; drafted: string[]; edited: boolean; locked: boolean; onSave: (paragraphs: string[] | null) => Promise<void> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const p = (s: string, i?: number) => (
    <p key={i} style={{ textIndent: '2em', margin: 0, lineHeight: 1.9 }}>
      {s}
    </p>
  );
  return (
    <div data-testid={`section-${section.key}`}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
        <p style={{ textIndent: '2em', margin: 0, lineHeight: 1.9, fontFamily: '"SimHei", "黑体", sans-serif', flex: 1 }}>{section.heading}</p>
        {edited && <Tag color="gold">已改写</Tag>}
        {!locked && editing === null && (
          <Button size="small" type="link" onClick={() => setEditing(section.paragraphs.join('\n'))}>
            改写
          </Button>
        )}
      </div>
      {editing === null ? (
        section.paragraphs.map(p)
      ) : (
        <div style={{ fontFamily: 'inherit' }}>
          <Input.TextArea aria-label={`改写${section.heading}`} value={editing} onChange={(e) => setEditing(e.target.value)} autoSize={{ minRows: 3, maxRows: 14 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            每行是一段。保存后本期导出的通报稿按改写的文字，换季度不受影响。
          </Typography.Text>
          <Space style={{ marginTop: 4, display: 'flex' }}>
            <Button size="small" type="primary" onClick={async () => (await onSave(editing.split('\n').map((x) => x.trim()).filter((x) => x !== '')), setEditing(null))}>
              保存改写
            </Button>
            <Button size="small" onClick={() => setEditing(null)}>
              取消
            </Button>
            {edited && (
              <Button size="small" danger onClick={async () => (await onSave(null), setEditing(null))} title={drafted.join('\n')}>
                恢复原稿
              </Button>
            )}
          </Space>
        </div>
      )}
    </div>
  );
}

function Preview({ data, dated, onSaveSection }: { data: Data; dated: string; onSaveSection: (key: SectionKey, paragraphs: string[] | null) => Promise<void> }) {
  // the 成文日期 the clerk set for the export (the preview's own text is dated today)
  const t = { ...data.text, date: chineseDate(dated) };
  const p = (s: string, i?: number) => (
    <p key={i} style={{ textIndent: '2em', margin: 0, lineHeight: 1.9 }}>
      {s}
    </p>
  );
  return (
    <div style={{ fontFamily: '"FangSong", "仿宋", "Noto Serif CJK SC", serif', fontSize: 16, background: '#fff', padding: '20px 28px', border: '1px solid #ddd', maxHeight: 'calc(100vh - 250px)', overflow: 'auto' }} data-testid="circular-preview">
      <h2 style={{ textAlign: 'center', fontWeight: 'normal', fontSize: 22, fontFamily: 'serif' }}>{t.title}</h2>
      <p style={{ margin: 0, lineHeight: 1.9 }}>{t.mainRecipients}</p>
      {p(t.opening)}
      {t.sections.map((s) => (
        <Section
          key={s.key}
          section={s}
          drafted={data.drafted.sections.find((d) => d.key === s.key)?.paragraphs ?? []}
          edited={data.issue.edits[s.key] !== undefined}
          locked={data.locked}
          onSave={(paragraphs) => onSaveSection(s.key, paragraphs)}
        />
      ))}
      {p(t.contact)}
      <p style={{ textIndent: '2em', marginTop: 12 }}>附件：{t.attachmentTitle}等（在“发文设置”中选择）</p>
      <p style={{ textAlign: 'right', marginRight: '3em', marginTop: 24, marginBottom: 0 }}>{t.signature}</p>
      <p style={{ textAlign: 'right', marginRight: '4em', marginTop: 0 }}>{t.date}</p>
      {p(t.publicNote)}
    </div>
  );
}

/** A locked quarter's kept files and the signed final version. */
function Kept({ data, period, onChanged }: { data: Data; period: string; onChanged: () => void }) {
  if (!data.locked) return null;
  const label = { generated: '锁定时生成', signed: '签发稿' } as const;
  return (
    <Card size="small" title="留存的文件（导出时写出的就是这些）" style={{ marginTop: 10 }} data-testid="kept-documents">
      {data.kept.length === 0 ? (
        <Typography.Text type="secondary">该季度锁定时没有留存文件（在留存功能之前锁定的）。导出时按现在的台账生成。</Typography.Text>
      ) : (
        data.kept.map((k) => (
          <div key={k.id} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={k.name}>
            <Tag color={k.kind === 'signed' ? 'green' : 'blue'}>{label[k.kind]}</Tag>
            {k.name}
          </div>
        ))
      )}
      <Button
        size="small"
        style={{ marginTop: 8 }}
        onClick={() => attempt(async () => {
          const r = await call(api().circular.attachSigned({ period }));
          if (r) {
            void message.success(`已留存签发稿：${r.name}`);
            onChanged();
          }
        })}
      >
        附上签发稿…
      </Button>
    </Card>
  );
}

function Facts({ data }: { data: Data }) {
  const c = data.circular;
  const groups = (g: { groupName: string; units: { unitName: string; total: number }[] }[]) =>
    g.filter((x) => x.units.length > 0).map((x) => `${x.groupName}：${x.units.map((u) => `${u.unitName}（${u.total}分）`).join('、')}`);
  const rows: [string, string[], string?][] = [
    ['通报表扬', groups(c.praise), 'green'],
    ['通报批评（末位）', groups(c.criticiseLast), 'red'],
    ['通报批评（迟报、漏报、失实）', c.criticiseEvents.map((u) => `${u.unitName}：${u.events.map((e) => e.name).join('、')}`), 'red'],
    ['零通报（无采用）', c.zeroAdoption.map((u) => u.unitName), 'orange'],
    ['整月未报送', c.emptyMonth.map((u) => `${u.unitName}（${u.months.map((m) => `${Number(m.slice(5))}月`).join('、')}）`), 'orange'],
    ['连续两个月未报送（约谈分管领导）', c.twoEmptyMonths.map((u) => u.unitName), 'red'],
    ['逾期未报约稿', c.overdue.map((o) => `${o.unitName}：${o.target.topic}`), 'red'],
  ];
  return (
    <List
      size="small"
      bordered
      style={{ background: '#fff' }}
      dataSource={rows}
      renderItem={([title, items, color]) => (
        <List.Item>
          <div style={{ minWidth: 0, width: '100%' }}>
            <Typography.Text strong>{title}</Typography.Text>
            <div>{items.length === 0 ? <Typography.Text type="secondary">无</Typography.Text> : items.map((i) => (
                  // a long unit name ends in … within the panel, the whole of it on hover
                  <Tag key={i} color={color} title={i} style={{ marginTop: 4, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'top' }}>
                    {i}
                  </Tag>
                ))}</div>
          </div>
        </List.Item>
      )}
    />
  );
}

/** `focus`: the field to put the cursor in once the form shows (先去填写 → 联系人); `onFocused` clears the request. */
function SettingsForm({ onSaved, focus, onFocused }: { onSaved: () => void; focus?: keyof Settings | null; onFocused?: () => void }) {
  const settings = useApi('settings:get', {}).data;
  const [f] = Form.useForm<Settings>();
  useEffect(() => {
    if (!focus || !settings) return;
    // the tab pane is shown in this frame; the field can take the focus in the next
    const t = requestAnimationFrame(() => {
      const el = document.getElementById(String(focus));
      if (el) {
        el.focus();
        onFocused?.();
      }
    });
    return () => cancelAnimationFrame(t);
  }, [focus, settings, onFocused]);
  if (!settings) return null;
  const save = async (v: Settings) => {
    const merged = { ...settings, ...v, fonts: { ...settings.fonts, ...v.fonts }, templates: { ...settings.templates, ...v.templates } };
    const r = await attempt(() => call(api().settings.save({ settings: merged })));
    if (r) {
      void message.success('已保存');
      onSaved();
    }
  };
  return (
    <Form form={f} initialValues={settings} onFinish={save} layout="vertical" style={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto', paddingRight: 8 }}>
      <Row gutter={12}>
        {(
          [
            ['officeName', '发文机关（署名）'],
            ['issuerMark', '发文机关标志（红头）'],
            ['docNoPrefix', '文号前缀'],
            ['mainRecipients', '主送机关'],
            ['copyTo', '抄送'],
            ['printer', '印发机关'],
            ['contactPerson', '联系人'],
            ['contactPhone', '联系电话'],
            ['contactEmail', '电子邮箱'],
            ['publicNote', '附注'],
            ['smsPrefix', '短信签名'],
          ] as const
        ).map(([k, l]) => (
          <Col span={12} key={k}>
            <Form.Item name={k} label={l}>
              <Input />
            </Form.Item>
          </Col>
        ))}
        <Col span={6}>
          <Form.Item name="redHeader" label="红头" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="colophon" label="版记" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="advancedUnitCount" label="先进单位数">
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="advancedPersonCount" label="先进个人数">
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="attachments" label="通报稿的附件（每个附件另起一页）">
            <Checkbox.Group
              options={[
                { value: 'ranking', label: '计分排名表' },
                { value: 'adoptions', label: '采用信息目录' },
                { value: 'zeroReport', label: '零报送单位名单' },
              ]}
            />
          </Form.Item>
        </Col>
        {(['body', 'title', 'heading', 'subheading', 'table', 'sheet'] as const).map((k) => (
          <Col span={8} key={k}>
            <Form.Item name={['fonts', k]} label={{ body: '正文字体', title: '标题字体', heading: '一级标题字体', subheading: '二级标题字体', table: '表格字体', sheet: '计分表字体' }[k]}>
              <Input />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>通报用语（花括号中的内容由程序填入，如 {'{期间}'}、{'{单位名单}'}）</Typography.Title>
      {Object.entries(TEMPLATE_LABELS).map(([k, l]) => (
        <Form.Item key={k} name={['templates', k]} label={l}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit">
        保存设置
      </Button>
    </Form>
  );
}

export function CircularPage() {
  const info = useInfo();
  const changed = useChanged();
  const [period, setPeriod] = useState(reportingQuarter(info?.today ?? '2019-06-30'));
  const preview = useApi('circular:preview', { period });
  const settingsPrefix = useApi('settings:get', {}).data?.docNoPrefix ?? '';
  const data = preview.data;
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState('draft');
  const [focusField, setFocusField] = useState<keyof Settings | null>(null);
  const clearFocus = useCallback(() => setFocusField(null), []);
  // the 成文日期 and 文号 are the period's own: remembered with it, so leaving the page loses neither
  const [chosen, setChosen] = useState<{ period: string; date: string | null; docNo: string } | null>(null);
  const mine = chosen?.period === period ? chosen : null;
  const issueDate = dayjs(mine?.date ?? data?.issue.date ?? info?.today);
  const docNo = mine?.docNo ?? data?.issue.docNo ?? '';
  const saveIssue = async (next: { date?: string | null; docNo?: string; edits?: Data['issue']['edits'] }) => {
    if (!data || data.locked) return;
    const merged = { period, date: next.date !== undefined ? next.date : (mine?.date ?? data.issue.date), docNo: (next.docNo ?? docNo).trim(), edits: next.edits ?? data.issue.edits };
    setChosen({ period, date: merged.date, docNo: merged.docNo });
    await attempt(async () => {
      await call(api().circular.saveIssue(merged));
      changed();
    });
  };
  const saveSection = async (key: SectionKey, paragraphs: string[] | null) => {
    if (!data) return;
    const edits = { ...data.issue.edits };
    if (paragraphs === null || paragraphs.length === 0) delete edits[key];
    else edits[key] = paragraphs;
    await saveIssue({ edits });
  };
  const isQuarter = /Q/.test(period);
  const exportAll = async () => {
    // the circular would go out with a placeholder: say so first
    if (data?.text.contact.includes('（请填写）')) {
      const go = await new Promise<boolean>((resolve) =>
        Modal.confirm({
          title: '联系人还没有填写',
          content: '通报稿末尾的联系人仍是“（请填写）”。可在“发文设置与通报用语”中填写联系人后再导出。',
          okText: '仍然导出',
          cancelText: '先去填写',
          autoFocusButton: 'cancel',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      );
      if (!go) {
        setFocusField('contactPerson');
        return setTab('settings');
      }
    }
    setBusy(true);
    const r = await attempt(() => call(api().report.export({ period, date: issueDate.format('YYYY-MM-DD'), ...(docNo.trim() ? { docNo: docNo.trim() } : {}) })));
    setBusy(false);
    if (r)
      Modal.success({
        title: '已生成',
        content: (
          <div>
            {r.files.map((f) => (
              <div key={f}>{f}</div>
            ))}
            {r.files[0] && <ShowInFolderButton file={r.files[0]} />}
          </div>
        ),
      });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <Card size="small">
        <Space wrap>
          <PeriodPicker value={period} onChange={setPeriod} kinds={['quarter', 'year']} />
          <DatePicker id="circular-date" value={issueDate} disabled={data?.locked} onChange={(d) => d && void saveIssue({ date: d.format('YYYY-MM-DD') })} allowClear={false} style={{ width: 150 }} prefix="成文" />
          <Input
            id="circular-docno"
            value={docNo}
            disabled={data?.locked}
            maxLength={10}
            // from the latest choice, not this render's: a date picked a moment ago may not be drawn yet
            onChange={(e) => {
              const docNo = e.target.value;
              setChosen((c) => ({ period, date: c?.period === period ? c.date : (data?.issue.date ?? null), docNo }));
            }}
            onBlur={() => void saveIssue({ docNo })}
            style={{ width: 270 }}
            addonBefore={`${settingsPrefix}〔${issueDate.year()}〕`}
            addonAfter="号"
            placeholder="序号"
          />
          <Button type="primary" onClick={exportAll} loading={busy} id="export-report">
            {data?.locked && data.kept.length > 0 ? '导出留存的文件…' : `导出计分表、通报稿${isQuarter ? '和短信名单' : ''}…`}
          </Button>
          {isQuarter &&
            (data?.locked ? (
              <>
                <Tag color="blue">已锁定</Tag>
                <Button onClick={() => Modal.confirm({ title: `解锁${periodText(period)}？`, content: '解锁后可以修改该季度的记录，已发出的通报可能与数据不一致。解锁会记入审计日志。', okText: '解锁', cancelText: '取消', onOk: () => attempt(async () => (await call(api().locks.unlock({ period })), changed())) })}>解锁季度</Button>
              </>
            ) : (
              <Button
                disabled={(data?.overdueCount ?? 0) > 0}
                title={(data?.overdueCount ?? 0) > 0 ? '有逾期未登记完成情况的约稿，不能锁定' : ''}
                onClick={() => Modal.confirm({ title: `锁定${periodText(period)}？`, content: '通报定稿后锁定，该季度的记录就不能再新增、修改或删除。锁定时留存本期的计分表、通报稿和短信名单，以后导出的就是这些文件。', okText: '锁定', cancelText: '取消', onOk: () => attempt(async () => (await call(api().locks.lock({ period })), changed())) })}
              >
                锁定季度
              </Button>
            ))}
        </Space>
        {(data?.overdueCount ?? 0) > 0 && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={`本季度有 ${data?.overdueCount} 个约稿已过截止日期仍为“待报”：请在“约稿”页登记完成情况后再锁定。`} />}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'draft',
            label: '通报稿',
            children: data && (
              <Row gutter={12}>
                <Col span={9}>
                  <Facts data={data} />
                  <Kept data={data} period={period} onChanged={changed} />
                </Col>
                <Col span={15}>
                  <Preview data={data} dated={issueDate.format('YYYY-MM-DD')} onSaveSection={saveSection} />
                </Col>
              </Row>
            ),
          },
          { key: 'settings', label: '发文设置与通报用语', children: <Card size="small"><SettingsForm onSaved={changed} focus={focusField} onFocused={clearFocus} /></Card> },
        ]}
      />
    </Space>
  );
}
