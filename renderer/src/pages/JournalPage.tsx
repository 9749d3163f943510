// 刊物 (编刊): the issues of a district publication, a draft's 栏目 and entries in order, the candidates not yet printed,
// 出样, 定版 with its preview, 撤版, and 收稿. Every change to a draft is saved at once (the draft is the record).
// Keyboard: in the candidate list Enter adds the item to the current 栏目; on an entry Alt+↑/↓ moves it, F changes its
// form, M merges it into the entry above as a 综合, Enter edits its copy, Delete takes it out.
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import type { Args, JournalEntryView, JournalIssueDetail, JournalPublishPreview, ReceivePreviewView } from '../../../shared/ipc/contract';
import { ADOPTION_FORM_LABEL } from '../../../shared/labels';
import { draftOfIssue, isBriefSection, placeByForm, wordCount, wordLimitOf } from '../../../shared/journal';
import { api, attempt, call } from '../api';
import { savedMessage } from '../components/ShowInFolder';
import { UnitSelect } from '../components/UnitSelect';
import { enterMovesOn } from '../forms';
import { latestRules, useChanged, useInfo } from '../store';
import { useApi } from '../useApi';

type Draft = Args<'journal:save'>['draft'];
type Form = 'single' | 'combined' | 'brief';

export function JournalPage() {
  const info = useInfo();
  const changed = useChanged();
  const today = info?.today ?? '';
  const [year, setYear] = useState<number>(Number(today.slice(0, 4)) || new Date().getFullYear());
  const publications = (latestRules(info)?.publications ?? []).filter((p) => p.level === 'district');
  const [publication, setPublication] = useState<string>(publications[0]?.key ?? 'district');
  const list = useApi('journal:list', { year, publication });
  const settings = useApi('settings:get', {});
  const [chosen, setSelected] = useState<number | null>(null);
  // the newest issue until the clerk picks one
  const selected = chosen ?? list.data?.[0]?.id ?? null;
  const detail = useApi('journal:get', selected === null ? null : { id: selected });
  const [receiving, setReceiving] = useState(false);
  const [configuring, setConfiguring] = useState(false);

  const create = () =>
    attempt(async () => {
      const sections = (settings.data?.journal.sections ?? ['工作动态', '简讯']).map((name) => ({ name, entries: [] }));
      const r = await call(api().journal.save({ draft: { publication, date: today, editorNote: '', sections } }));
      changed();
      setSelected(r.id);
      message.success('已新建一期草稿：在候选稿件中选中一条，按回车加入。');
    });

  return (
    <div data-testid="journal-page">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="刊物"
          value={publication}
          style={{ width: 180 }}
          options={publications.map((p) => ({ value: p.key, label: `《${p.name}》` }))}
          onChange={(v) => {
            setPublication(v);
            setSelected(null);
          }}
        />
        <InputNumber aria-label="年份" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
        <Button type="primary" onClick={() => void create()} id="journal-new">
          新建一期
        </Button>
        <Button onClick={() => setReceiving(true)} id="journal-receive">
          收稿
        </Button>
        <Button onClick={() => setConfiguring(true)} id="journal-settings">
          刊物设置
        </Button>
      </Space>
      <Row gutter={12} wrap={false}>
        <Col flex="200px">
          <Card size="small" title="各期" styles={{ body: { padding: 0 } }}>
            {list.data && list.data.length === 0 ? (
              <Empty description="这一年还没有刊物的期" style={{ padding: 12 }} />
            ) : (
              <List
                size="small"
                dataSource={list.data ?? []}
                renderItem={(i) => (
                  <List.Item
                    onClick={() => setSelected(i.id)}
                    style={{ cursor: 'pointer', padding: '6px 10px', background: i.id === selected ? '#e6f0fb' : undefined }}
                    data-issue={i.id}
                  >
                    <div>
                      <div>{i.state === 'published' ? i.label : '草稿'}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.date} · {i.entries} 篇 {i.state === 'published' ? <Tag color="green">已定版</Tag> : <Tag>草稿</Tag>}
                      </Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {detail.data ? (
            <IssueEditor
              key={detail.data.id}
              issue={detail.data}
              limits={settings.data?.journal ?? { singleLimit: 1500, briefLimit: 300 }}
              onDeleted={() => setSelected(null)}
            />
          ) : (
            <Empty description="选择左侧的一期，或新建一期" />
          )}
        </Col>
      </Row>
      {receiving && <ReceiveFlow onClose={() => setReceiving(false)} />}
      {configuring && settings.data && <JournalSettings settings={settings.data} onClose={() => setConfiguring(false)} />}
    </div>
  );
}

function IssueEditor({ issue, limits, onDeleted }: { issue: JournalIssueDetail; limits: { singleLimit: number; briefLimit: number }; onDeleted: () => void }) {
  const changed = useChanged();
  const draft = issue.state === 'draft';
  const [section, setSection] = useState(() => Math.max(0, issue.sections.findIndex((s) => !isBriefSection(s.name))));
  const [editing, setEditing] = useState<{ s: number; e: number } | null>(null);
  const [preview, setPreview] = useState<JournalPublishPreview | null>(null);
  const [note, setNote] = useState(issue.editorNote);
  const [date, setDate] = useState(issue.date);
  const focusAfter = useRef<string | null>(null);
  // the keyboard goes where a change put things once the issue has been read again, not before: an entry moved to
  // another 栏目 is not there yet, and another one may stand where it will
  useEffect(() => {
    const el = focusAfter.current ? document.querySelector<HTMLElement>(focusAfter.current) : null;
    if (el) {
      el.focus();
      focusAfter.current = null;
    }
  }, [issue]);

  // every change is saved with each entry in the 栏目 of its form, as the service keeps it; `focus` may look for an
  // entry where it went
  const save = (change: (d: Draft) => void, focus?: string | ((d: Draft) => string | undefined)) =>
    attempt(async () => {
      const d = draftOfIssue(issue);
      change(d);
      d.sections = placeByForm(d.sections);
      await call(api().journal.save({ id: issue.id, draft: d }));
      const f = typeof focus === 'function' ? focus(d) : focus;
      if (f) focusAfter.current = f;
      changed();
    });
  /** The entry's row wherever it stands in `d`. */
  const rowOf = (d: Draft, entry: Draft['sections'][number]['entries'][number] | undefined): string | undefined => {
    for (const [si, sec] of d.sections.entries()) {
      const ei = entry ? sec.entries.indexOf(entry) : -1;
      if (ei >= 0) return `[data-entry="${si}-${ei}"]`;
    }
    return undefined;
  };

  const move = (s: number, e: number, by: -1 | 1) =>
    save((d) => {
      const list = d.sections[s]!.entries;
      const to = e + by;
      if (to < 0 || to >= list.length) return;
      [list[e], list[to]] = [list[to]!, list[e]!];
    }, `[data-entry="${s}-${e + by}"]`);
  /**
   * A new form: a 单篇 made 简讯 goes to the end of 【简讯】, a 简讯 made 单篇 to the end of the first other 栏目 — the
   * keyboard goes with it, and a message says where it went.
   */
  const setForm = (s: number, e: number, form?: Form) => {
    let x: Draft['sections'][number]['entries'][number] | undefined;
    const from = issue.sections[s]!.name;
    return save(
      (d) => {
        x = d.sections[s]!.entries[e]!;
        x.form = form ?? (x.itemIds.length > 1 ? 'combined' : x.form === 'single' ? 'brief' : 'single');
      },
      (d) => {
        const to = d.sections.find((sec) => x && sec.entries.includes(x))?.name;
        if (x && to && to !== from) void message.info({ key: 'journal-form', content: `已改为${ADOPTION_FORM_LABEL[x.form]}，移到【${to}】栏目末尾` });
        return rowOf(d, x);
      },
    );
  };
  const cycleForm = (s: number, e: number) => setForm(s, e);
  const remove = (s: number, e: number) => save((d) => void d.sections[s]!.entries.splice(e, 1), `[data-entry="${s}-${Math.max(0, e - 1)}"]`);
  // a 综合 is an article: two 简讯 merged leave 【简讯】 for the first other 栏目, the keyboard with them
  const merge = (s: number, e: number) => {
    let above: Draft['sections'][number]['entries'][number] | undefined;
    return save(
      (d) => {
        const list = d.sections[s]!.entries;
        if (e === 0) return;
        above = list[e - 1]!;
        above.itemIds.push(...list[e]!.itemIds);
        above.form = 'combined';
        if (!above.title) above.title = issue.sections[s]!.entries[e - 1]!.printedTitle;
        list.splice(e, 1);
      },
      (d) => rowOf(d, above),
    );
  };

  const exportDocx = () =>
    attempt(async () => {
      const r = await call(api().journal.export({ id: issue.id }));
      if (r) savedMessage(`已生成 Word 文件：${r.file}`, r.file);
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          <span>
            《{issue.publicationName}》{issue.state === 'published' ? issue.label : '草稿'}
          </span>
          {issue.state === 'published' ? <Tag color="green">已定版</Tag> : <Tag>草稿</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => void exportDocx()} id="journal-export">
            {draft ? '出样（Word）' : '导出 Word'}
          </Button>
          {draft ? (
            <>
              <Button type="primary" id="journal-publish" onClick={() => void attempt(async () => setPreview(await call(api().journal.preview({ id: issue.id }))))}>
                定版…
              </Button>
              <Button
                danger
                onClick={() =>
                  Modal.confirm({
                    title: '删除这一期草稿？',
                    content: '只删除草稿本身，信息和采用记录不受影响。',
                    okText: '删除',
                    cancelText: '取消',
                    onOk: () => attempt(async () => (await call(api().journal.delete({ id: issue.id })), changed(), onDeleted())),
                  })
                }
              >
                删除草稿
              </Button>
            </>
          ) : (
            <Button
              danger
              id="journal-withdraw"
              onClick={() =>
                Modal.confirm({
                  title: `撤版：${issue.label}`,
                  content: `将删除定版时登记的 ${issue.adoptions.filter((a) => a.role === 'created').length} 条采用记录（手工登记的保留），这一期回到草稿。`,
                  okText: '撤版',
                  cancelText: '取消',
                  onOk: () =>
                    attempt(async () => {
                      const r = await call(api().journal.withdraw({ id: issue.id }));
                      changed();
                      message.success(`已撤版：删除采用 ${r.removed} 条。`);
                    }),
                })
              }
            >
              撤版
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={12}>
        {/* side by side on a wide window; on 1024 px the candidates go under the issue */}
        <Col xl={14} span={24}>
          <Space style={{ marginBottom: 8 }} wrap>
            <span>日期</span>
            <Input
              aria-label="日期"
              value={date}
              disabled={!draft}
              style={{ width: 130 }}
              onChange={(e) => setDate(e.target.value)}
              onBlur={() => date !== issue.date && /^\d{4}-\d{2}-\d{2}$/.test(date) && void save((d) => void (d.date = date))}
            />
          </Space>
          <Input.TextArea
            aria-label="编者按"
            placeholder="编者按（可不写）"
            value={note}
            disabled={!draft}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note !== issue.editorNote && void save((d) => void (d.editorNote = note))}
            style={{ marginBottom: 8 }}
          />
          {issue.sections.map((s, si) => (
            <div key={s.name} style={{ marginBottom: 8 }}>
              <div
                onClick={() => setSection(si)}
                // reached by Tab like the entries: Enter or Space makes it the 栏目 the candidates go into
                tabIndex={draft ? 0 : undefined}
                role={draft ? 'button' : undefined}
                aria-pressed={draft ? si === section : undefined}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    setSection(si);
                  }
                }}
                style={{ fontWeight: 600, cursor: 'pointer', color: si === section && draft ? '#1f5fa8' : undefined }}
                data-section={s.name}
              >
                【{s.name}】{si === section && draft ? <Typography.Text type="secondary">（候选稿件加入这里）</Typography.Text> : null}
              </div>
              {s.entries.length === 0 && <Typography.Text type="secondary">（无稿件）</Typography.Text>}
              {s.entries.map((e, ei) => (
                <EntryRow
                  key={e.id}
                  entry={e}
                  index={ei}
                  section={si}
                  draft={draft}
                  onKey={(k) => {
                    setSection(si);
                    if (k === 'up') void move(si, ei, -1);
                    else if (k === 'down') void move(si, ei, 1);
                    else if (k === 'form') void cycleForm(si, ei);
                    else if (k === 'merge') void merge(si, ei);
                    else if (k === 'remove') void remove(si, ei);
                    else setEditing({ s: si, e: ei });
                  }}
                  onForm={(form) => void setForm(si, ei, form)}
                />
              ))}
            </div>
          ))}
          {draft && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
              栏目名上回车：候选稿件加入该栏目。稿件上：Alt+↑/↓ 移动，F 单篇↔简讯（简讯移到【简讯】栏目），M 并入上一篇成综合，回车 编辑刊用稿，Delete 移出。
            </Typography.Paragraph>
          )}
          {issue.requests.length > 0 && (
            <Alert
              type="info"
              style={{ marginTop: 8 }}
              message="本期刊用的信息回应了约稿"
              description={issue.requests.map((r) => (
                <div key={r.targetId}>
                  {r.requestNo}“{r.topic}” · {r.unitName} · {r.itemNo}{' '}
                  {r.outcome === 'done' ? (
                    <Tag color="green">已完成</Tag>
                  ) : (
                    <Button
                      size="small"
                      onClick={() =>
                        void attempt(async () => {
                          await call(api().requests.setOutcome({ targetId: r.targetId, outcome: 'done', itemId: r.itemId }));
                          changed();
                        })
                      }
                    >
                      标记为已完成
                    </Button>
                  )}
                </div>
              ))}
            />
          )}
        </Col>
        <Col xl={10} span={24}>{draft ? <Candidates issue={issue} onAdd={(itemId) => void addItem(itemId)} /> : <Adoptions issue={issue} />}</Col>
      </Row>
      {editing && (
        <EntryEditor
          entry={issue.sections[editing.s]!.entries[editing.e]!}
          limits={limits}
          readOnly={!draft}
          onClose={() => setEditing(null)}
          onSave={(v) =>
            void save((d) => {
              Object.assign(d.sections[editing.s]!.entries[editing.e]!, v);
            }, `[data-entry="${editing.s}-${editing.e}"]`).then(() => setEditing(null))
          }
        />
      )}
      {preview && <PublishPreview issueId={issue.id} preview={preview} onClose={() => setPreview(null)} />}
    </Card>
  );

  function addItem(itemId: number) {
    return save((d) => {
      const s = d.sections[section] ?? d.sections[0];
      if (!s) return;
      s.entries.push({ itemIds: [itemId], form: isBriefSection(s.name) ? 'brief' : 'single', title: '', body: '', editorNote: '' });
    }, '[data-candidates] .ant-table-row');
  }
}

type EntryKey = 'up' | 'down' | 'form' | 'merge' | 'remove' | 'edit';

function EntryRow({ entry, index, section, draft, onKey, onForm }: { entry: JournalEntryView; index: number; section: number; draft: boolean; onKey: (k: EntryKey) => void; onForm: (f: Form) => void }) {
  const over = entry.limit > 0 && entry.words > entry.limit;
  return (
    <div
      tabIndex={0}
      data-entry={`${section}-${index}`}
      role="listitem"
      aria-label={`${index + 1}. ${entry.printedTitle}`}
      onKeyDown={(ev) => {
        if (ev.target !== ev.currentTarget) return;
        const key: EntryKey | null =
          ev.altKey && ev.key === 'ArrowUp' ? 'up' : ev.altKey && ev.key === 'ArrowDown' ? 'down' : ev.key === 'Enter' ? 'edit' : !draft ? null : ev.key === 'f' || ev.key === 'F' ? 'form' : ev.key === 'm' || ev.key === 'M' ? 'merge' : ev.key === 'Delete' ? 'remove' : null;
        if (!key || (!draft && key !== 'edit')) return;
        ev.preventDefault();
        onKey(key);
      }}
      onDoubleClick={() => onKey('edit')}
      className="journal-entry"
      style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '4px 6px', borderBottom: '1px solid #eee', background: '#fff', outlineOffset: -2 }}
    >
      <span style={{ width: 20, color: '#888' }}>{index + 1}</span>
      <Select<Form>
        size="small"
        aria-label="形式"
        value={entry.form}
        disabled={!draft}
        style={{ width: 72 }}
        options={(entry.items.length > 1 ? (['combined'] as Form[]) : (['single', 'brief'] as Form[])).map((f) => ({ value: f, label: ADOPTION_FORM_LABEL[f] }))}
        onChange={onForm}
      />
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={entry.printedTitle}>
          {entry.printedTitle}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entry.units.join('、')} · <span style={{ color: over ? '#c00' : undefined }}>{entry.words}/{entry.limit} 字</span>
          {entry.title || entry.body ? ' · 已编辑' : ''}
        </Typography.Text>
      </div>
      {draft && (
        <Space size={2}>
          <Button size="small" type="text" aria-label="上移" onClick={() => onKey('up')}>
            ↑
          </Button>
          <Button size="small" type="text" aria-label="下移" onClick={() => onKey('down')}>
            ↓
          </Button>
          <Button size="small" type="text" onClick={() => onKey('edit')}>
            编辑
          </Button>
          <Button size="small" type="text" danger onClick={() => onKey('remove')}>
            移出
          </Button>
        </Space>
      )}
    </div>
  );
}

function Candidates({ issue, onAdd }: { issue: JournalIssueDetail; onAdd: (itemId: number) => void }) {
  const [q, setQ] = useState('');
  const cands = useApi('journal:candidates', { date: issue.date, q: q.trim() || undefined }, { delay: 200 });
  const inIssue = new Set(issue.sections.flatMap((s) => s.entries.flatMap((e) => e.items.map((i) => i.id))));
  const rows = (cands.data?.items ?? []).filter((i) => !inIssue.has(i.id));
  return (
    <div data-candidates>
      <Input.Search aria-label="查找候选稿件" placeholder="按标题或单位查找候选稿件" allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 6 }} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={rows}
        locale={{ emptyText: '没有未刊用的候选稿件' }}
        onRow={(r) => ({
          tabIndex: 0,
          'aria-label': `候选：${r.title}`,
          onKeyDown: (ev) => {
            if (ev.key === 'Enter') {
              ev.preventDefault();
              onAdd(r.id);
            } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
              ev.preventDefault();
              const next = (ev.key === 'ArrowDown' ? ev.currentTarget.nextElementSibling : ev.currentTarget.previousElementSibling) as HTMLElement | null;
              next?.focus();
            }
          },
          onDoubleClick: () => onAdd(r.id),
        })}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 92, ellipsis: true },
          { title: '日期', dataIndex: 'date', width: 88 },
          {
            title: '标题',
            dataIndex: 'title',
            ellipsis: true,
            render: (t: string, r) => (
              <span title={t}>
                {t}
                {r.adoptedElsewhere.length > 0 && <Tag style={{ marginLeft: 4 }}>{r.adoptedElsewhere.join('、')}</Tag>}
              </span>
            ),
          },
        ]}
      />
      {cands.data && cands.data.silentUnits.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 6, fontSize: 12 }}>
          本月尚未报送：{cands.data.silentUnits.join('、')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function Adoptions({ issue }: { issue: JournalIssueDetail }) {
  return (
    <Card size="small" title="本期登记的采用">
      {issue.adoptions.map((a) => (
        <div key={a.adoptionId} style={{ fontSize: 13 }}>
          {a.itemNo} {a.unitName} {ADOPTION_FORM_LABEL[a.form]} {a.role === 'linked' ? <Tag>手工登记，已关联</Tag> : <Tag color="green">定版登记</Tag>}
        </div>
      ))}
    </Card>
  );
}

function EntryEditor({ entry, limits, readOnly, onClose, onSave }: { entry: JournalEntryView; limits: { singleLimit: number; briefLimit: number }; readOnly: boolean; onClose: () => void; onSave: (v: { title: string; body: string; editorNote: string }) => void }) {
  const [title, setTitle] = useState(entry.title || entry.printedTitle);
  const [body, setBody] = useState(entry.printedBody);
  const [note, setNote] = useState(entry.editorNote);
  const words = wordCount(body);
  const limit = wordLimitOf(entry.form, limits);
  const submit = () =>
    onSave({
      // the item's own title / text stay '' so a later correction of the item still prints
      title: entry.items.length === 1 && title === entry.items[0]!.title ? '' : title,
      body: body === entry.items.map((i) => i.body).filter(Boolean).join('\n') ? '' : body,
      editorNote: note,
    });
  return (
    <Modal
      open
      width={960}
      title={`编辑稿件（${ADOPTION_FORM_LABEL[entry.form]}）`}
      onCancel={onClose}
      okText="保存（Ctrl+Enter）"
      cancelText="取消"
      okButtonProps={{ disabled: readOnly }}
      onOk={submit}
    >
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.ctrlKey && !readOnly) {
            e.preventDefault();
            submit();
          }
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Typography.Text strong>原稿（报送时的文字，不会改动）</Typography.Text>
            <div style={{ maxHeight: 380, overflow: 'auto', background: '#fafafa', padding: 8, marginTop: 4, whiteSpace: 'pre-wrap' }}>
              {entry.items.map((i) => (
                <div key={i.id} style={{ marginBottom: 10 }}>
                  <div style={{ fontWeight: 600 }}>
                    {i.title}（{i.unitName}，{i.date}）
                  </div>
                  {i.body || <Typography.Text type="secondary">（没有正文：可用“收稿”导入原稿，或在旁边直接写刊用稿）</Typography.Text>}
                </div>
              ))}
            </div>
          </Col>
          <Col span={12}>
            <Typography.Text strong>刊用稿</Typography.Text>
            <Input aria-label="刊用标题" value={title} disabled={readOnly} onChange={(e) => setTitle(e.target.value)} style={{ margin: '4px 0' }} autoFocus />
            <Input.TextArea aria-label="刊用正文" value={body} disabled={readOnly} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 10, maxRows: 14 }} />
            <Typography.Text style={{ color: limit > 0 && words > limit ? '#c00' : undefined }}>
              {words} 字{limit > 0 ? `（${ADOPTION_FORM_LABEL[entry.form]}限 ${limit} 字）` : ''}
            </Typography.Text>
            <Input aria-label="稿件编者按" placeholder="本篇编者按（可不写）" value={note} disabled={readOnly} onChange={(e) => setNote(e.target.value)} style={{ marginTop: 4 }} />
          </Col>
        </Row>
      </div>
    </Modal>
  );
}

function PublishPreview({ issueId, preview, onClose }: { issueId: number; preview: JournalPublishPreview; onClose: () => void }) {
  const changed = useChanged();
  const blocked = preview.problems.length > 0;
  return (
    <Modal
      open
      width={720}
      title={`定版：${preview.label}`}
      onCancel={onClose}
      okText="定版"
      cancelText="取消"
      okButtonProps={{ disabled: blocked, id: 'journal-publish-ok' }}
      onOk={() =>
        attempt(async () => {
          const r = await call(api().journal.publish({ id: issueId }));
          changed();
          message.success(`已定版：${r.label}，登记采用 ${r.created} 条${r.linked ? `，关联手工登记 ${r.linked} 条` : ''}。`);
          onClose();
        })
      }
    >
      {preview.problems.map((p) => (
        <Alert key={p} type="error" showIcon message={p} style={{ marginBottom: 6 }} />
      ))}
      {preview.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 6 }} />
      ))}
      <Typography.Paragraph>定版后这一期不能再修改（可撤版）。将为以下信息登记采用（日期为本期日期）：</Typography.Paragraph>
      <ul>
        {preview.create.map((c) => (
          <li key={c.itemId}>
            {c.no} {c.unitName}“{c.title}” — {ADOPTION_FORM_LABEL[c.form]}
          </li>
        ))}
      </ul>
      {preview.link.length > 0 && (
        <>
          <Typography.Paragraph>以下信息已手工登记过同一刊物、同一形式的采用，只关联，不重复计分：</Typography.Paragraph>
          <ul>
            {preview.link.map((l) => (
              <li key={l.adoptionId}>
                {l.no} {l.unitName}“{l.title}” — {ADOPTION_FORM_LABEL[l.form]}，{l.date}
                {l.issueNo ? ` ${l.issueNo}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.requests.length > 0 && (
        <Typography.Paragraph type="secondary">
          本期有 {preview.requests.length} 条信息回应了约稿；定版不会改动约稿，是否标记为已完成请在本期页面中选择。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

function ReceiveFlow({ onClose }: { onClose: () => void }) {
  const changed = useChanged();
  const [rows, setRows] = useState<ReceivePreviewView['rows'] | null>(null);
  const pick = (folder: boolean) =>
    attempt(async () => {
      const r = await call(api().receive.preview({ folder }));
      if (r) setRows(r.rows);
    });
  const ready = (rows ?? []).filter((r) => !r.problem);
  const complete = ready.every((r) => r.unitId !== null && r.title.trim() && /^\d{4}-\d{2}-\d{2}$/.test(r.date));
  const set = (token: string, patch: Partial<ReceivePreviewView['rows'][number]>) => setRows((rs) => rs!.map((r) => (r.token === token ? { ...r, ...patch } : r)));
  return (
    <Modal
      open
      width={1000}
      title="收稿：从 Word、WPS 或文本文件登记信息"
      onCancel={onClose}
      okText={`确认收稿（${ready.length} 篇）`}
      cancelText="取消"
      okButtonProps={{ disabled: ready.length === 0 || !complete, id: 'receive-ok' }}
      onOk={() =>
        attempt(async () => {
          const r = await call(api().receive.confirm({ rows: ready.map((x) => ({ token: x.token, unitId: x.unitId!, date: x.date, title: x.title.trim(), body: x.body })) }));
          changed();
          message.success(`已收稿 ${r.created} 篇，原文件已随信息保存。`);
          onClose();
        })
      }
    >
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => void pick(false)} id="receive-file" autoFocus>
          选择文件…
        </Button>
        <Button onClick={() => void pick(true)} id="receive-folder">
          选择文件夹…
        </Button>
        <Typography.Text type="secondary">读 .docx、.doc、.wps、.txt；单个文件不超过 20 MB。请核对单位、标题和日期。</Typography.Text>
      </Space>
      {rows && (
        <Table
          size="small"
          rowKey={(r) => r.token || r.file}
          pagination={false}
          scroll={{ y: 380 }}
          dataSource={rows}
          columns={[
            { title: '文件', dataIndex: 'file', width: 150, ellipsis: true },
            {
              title: '单位',
              width: 170,
              render: (_: unknown, r) => (r.problem ? null : <UnitSelect value={r.unitId} onChange={(v) => set(r.token, { unitId: v ?? null })} placeholder="请选择单位" style={{ width: 160 }} />),
            },
            {
              title: '标题 / 开头',
              render: (_: unknown, r) =>
                r.problem ? (
                  <Typography.Text type="danger">{r.problem}</Typography.Text>
                ) : (
                  <div>
                    <Input size="small" aria-label={`标题：${r.file}`} value={r.title} onChange={(e) => set(r.token, { title: e.target.value })} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.firstLines.join(' ').slice(0, 80)}
                    </Typography.Text>
                  </div>
                ),
            },
            {
              title: '日期',
              width: 120,
              render: (_: unknown, r) => (r.problem ? null : <Input size="small" aria-label={`日期：${r.file}`} value={r.date} onChange={(e) => set(r.token, { date: e.target.value })} />),
            },
          ]}
        />
      )}
    </Modal>
  );
}

/** 刊物设置: 报头, 报尾, the starting 期号, 栏目 and word limits (the rest of the settings are kept as they are). */
function JournalSettings({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const changed = useChanged();
  const [f] = Form.useForm<Settings['journal'] & { sectionsText: string }>();
  const submit = () =>
    f.validateFields().then((v) =>
      attempt(async () => {
        const { sectionsText, ...journal } = v;
        const sections = sectionsText.split(/[、,，\s]+/).map((x) => x.trim()).filter(Boolean);
        await call(api().settings.save({ settings: { ...settings, journal: { ...settings.journal, ...journal, sections } } }));
        changed();
        message.success('已保存刊物设置');
        onClose();
      }),
    );
  return (
    <Modal
      open
      width={720}
      title="刊物设置"
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void submit()}
    >
      {/* as every form: Enter to the next field, the last one's Enter or Ctrl+Enter anywhere saves */}
      <div onKeyDown={enterMovesOn(() => void submit())}>
        <Form form={f} layout="horizontal" labelCol={{ span: 6 }} initialValues={{ ...settings.journal, sectionsText: settings.journal.sections.join('、') }} size="small">
          <Form.Item name="editor" label="编印单位">
            <Input />
          </Form.Item>
          <Form.Item name="sectionsText" label="栏目（、分隔）">
            <Input />
          </Form.Item>
          <Form.Item label="起始期号" extra="程序接手编号的那一年，第一期的期号和总期号；以后各期自动接续">
            <Space>
              <Form.Item name="startYear" noStyle>
                <InputNumber min={2000} max={2100} placeholder="年份" aria-label="起始年份" />
              </Form.Item>
              <span>年 第</span>
              <Form.Item name="startNo" noStyle>
                <InputNumber min={1} aria-label="起始期号" />
              </Form.Item>
              <span>期，总第</span>
              <Form.Item name="startTotalNo" noStyle>
                <InputNumber min={1} aria-label="起始总期号" />
              </Form.Item>
              <span>期</span>
            </Space>
          </Form.Item>
          <Form.Item name="reportTo" label="报">
            <Input />
          </Form.Item>
          <Form.Item name="sendTo" label="送">
            <Input />
          </Form.Item>
          <Form.Item name="distributeTo" label="发">
            <Input />
          </Form.Item>
          <Form.Item label="责任编辑 / 签发">
            <Space>
              <Form.Item name="responsibleEditor" noStyle>
                <Input aria-label="责任编辑" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="signer" noStyle>
                <Input aria-label="签发" style={{ width: 120 }} />
              </Form.Item>
              <span>共印</span>
              <Form.Item name="copies" noStyle>
                <InputNumber min={0} aria-label="印数" />
              </Form.Item>
              <span>份（0 = 不印）</span>
            </Space>
          </Form.Item>
          <Form.Item name="credit" label="署名格式" extra="{单位} 为单位名称，综合列出全部单位">
            <Input />
          </Form.Item>
          <Form.Item label="字数上限">
            <Space>
              <span>单篇、综合</span>
              <Form.Item name="singleLimit" noStyle>
                <InputNumber min={0} aria-label="单篇字数上限" />
              </Form.Item>
              <span>简讯</span>
              <Form.Item name="briefLimit" noStyle>
                <InputNumber min={0} aria-label="简讯字数上限" />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="kai" label="楷体字体">
            <Input />
          </Form.Item>
          <Form.Item name="numberFirstPage" label="首页编页码" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
