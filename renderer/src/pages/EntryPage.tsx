import { Alert, Button, Card, Checkbox, Col, Input, Modal, Row, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { InputRef } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { ItemKind } from '../../../shared/domain';
import type { Args } from '../../../shared/ipc/contract';
import { ITEM_BODY_MAX } from '../../../shared/journal';
import { splitList } from '../../../shared/text';
import { api, attempt, call } from '../api';
import { ItemDrawer } from '../components/ItemDrawer';
import { ItemList } from '../components/ItemList';
import { UnitSelect, UnitsSelect } from '../components/UnitSelect';
import { parsePasted, type PastedRow } from '../paste';
import { CATEGORY_SEARCH, categoryOptions, confirmDate, dateFromText } from '../forms';
import { useApi } from '../useApi';
import { groupOptions, rulesFor, useApp, useChanged, useInfo, useUnits } from '../store';
import { JOINT_SPLIT_LABEL } from '../../../shared/labels';

type Similar = { id: number; no: string; title: string; date: string; similarity: number }[];

function EntryForm() {
  const info = useInfo();
  const units = useUnits();
  const changed = useChanged();
  const today = info?.today ?? '';
  const [unitId, setUnitId] = useState<number | undefined>();
  const [dateText, setDateText] = useState(today);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [kinds, setKinds] = useState<ItemKind[]>([]);
  const [authors, setAuthors] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [joint, setJoint] = useState<number[]>([]);
  const [similar, setSimilar] = useState<Similar>([]);
  // the similar titles the clerk has been warned about for exactly this unit, date and title
  const [warnedFor, setWarnedFor] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const unitRef = useRef<RefSelectProps>(null);
  const titleRef = useRef<InputRef>(null);
  const dateRef = useRef<InputRef>(null);
  const authorsRef = useRef<InputRef>(null);
  const date = dateFromText(dateText, today || '2019-01-01');
  const draftKey = `${unitId}|${date}|${title.trim()}`;
  // the categories and the 合报 rule of the rule set in force on the date typed
  const rules = rulesFor(info, date);
  const categories = rules?.categories ?? [];
  const chosenCategory = categories.some((c) => c.key === category) ? category : null;
  const jointUnits = joint.filter((u) => u !== unitId);

  // similar titles of the same unit, looked up as the clerk types (a stale reply never replaces a newer one)
  const looked = useApi('items:similar', unitId && date && title.trim().length >= 6 ? { unitId, title: title.trim(), date } : null, { delay: 250 }).data;
  const [lookedSeen, setLookedSeen] = useState(looked);
  if (looked !== lookedSeen) {
    setLookedSeen(looked);
    setSimilar(looked ?? []);
  }

  // Esc clears what was being typed; the unit and the date stay for the next item
  const clear = () => {
    setTitle('');
    setKinds([]);
    setAuthors('');
    setCategory(null);
    setJoint([]);
    setBody('');
    setSimilar([]);
    setWarnedFor(null);
    titleRef.current?.focus();
  };

  // one call at a time: a second Enter while saving does nothing
  const save = async () => {
    if (busy.current) return;
    if (!unitId) return void message.warning({ key: 'entry', content: units.length === 0 ? '单位名单是空的：请先在“单位名单”页添加或导入单位' : '请选择报送单位' });
    if (!date) return void message.warning({ key: 'entry', content: '报送日期无效，请写成 2019-04-03、2019/4/3 或 4/3' });
    if (title.trim() === '') return void message.warning({ key: 'entry', content: '请填写信息标题' });
    busy.current = true;
    try {
      if (warnedFor !== draftKey) {
        // the first Enter on a similar title only warns; nothing is saved
        const found = await call(api().items.similar({ unitId, title: title.trim(), date }), { quiet: true }).catch(() => [] as Similar);
        if (found.length > 0) {
          setSimilar(found);
          setWarnedFor(draftKey);
          return void message.warning({ key: 'entry', content: '该单位近 60 天有相似标题的信息（见下方）。确认不是重复报送，再按一次回车保存' });
        }
      }
      if (!(await confirmDate(info, date))) return dateRef.current?.focus();
      setSaving(true);
      const r = await attempt(() => call(api().items.create({ unitId, date, title: title.trim(), kinds, authors: splitList(authors), note: '', category: chosenCategory, jointUnitIds: jointUnits, ...(body.trim() ? { body: body.trimEnd() } : {}) })));
      if (r) {
        void message.success({ key: 'entry', content: `已保存：${r.no}` });
        changed({ kind: 'item', date: r.date, id: r.id, label: `${r.no} ${r.title}` });
        clear();
      }
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const toggle = (k: ItemKind) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));
  return (
    <div
      onKeyDown={(e) => {
        // Esc in an open list (a unit, a category, 合报单位) only closes that list; a stray Esc while typing a long
        // 正文 does not throw it away
        const inBody = (e.target as HTMLElement).id === 'entry-body';
        if (e.key === 'Escape' && !inBody && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') clear();
        // as in every form: Ctrl+Enter saves from any field; the fields after the title are optional, so Enter on a
        // checkbox saves as Enter in the title does (Space ticks it); Enter in 正文 is a new line
        const box = (e.target as HTMLInputElement).type === 'checkbox';
        if (e.key === 'Enter' && !e.nativeEvent.isComposing && ((e.ctrlKey || e.metaKey) || (box && !e.shiftKey && !e.altKey))) {
          e.preventDefault();
          void save();
        }
      }}
      data-testid="entry-form"
    >
      {/* one wrapping row: the title keeps at least 300 px and the fields after it wrap onto the next line on a narrow
          screen, in the same order as the Tab key goes */}
      <Row gutter={[8, 6]} align="middle">
        <Col flex="0 0 220px">
          <UnitSelect
            ref={unitRef}
            id="entry-unit"
            value={unitId}
            onChange={setUnitId}
            onPicked={() => {
              dateRef.current?.focus();
              dateRef.current?.select();
            }}
            placeholder={units.length === 0 ? '请先在“单位名单”添加单位' : undefined}
            autoFocus
            style={{ width: '100%' }}
          />
        </Col>
        <Col flex="0 0 130px">
          <Input
            id="entry-date"
            ref={dateRef}
            value={dateText}
            onChange={(e) => setDateText(e.target.value)}
            placeholder="报送日期"
            status={date ? undefined : 'error'}
            onPressEnter={() => titleRef.current?.focus()}
          />
        </Col>
        <Col flex="1 1 300px">
          <Input id="entry-title" ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="信息标题（回车保存，Esc 清空）" maxLength={300} onPressEnter={() => void save()} />
        </Col>
        <Col flex="0 0 130px">
          <Checkbox id="entry-research" checked={kinds.includes('research')} onChange={() => toggle('research')}>
            调研
          </Checkbox>
          <Checkbox id="entry-special" checked={kinds.includes('special')} onChange={() => toggle('special')}>
            专报
          </Checkbox>
        </Col>
        {categories.length > 0 && (
          <Col flex="0 0 120px">
            <Select
              id="entry-category"
              aria-label="信息类别"
              allowClear
              showSearch={CATEGORY_SEARCH}
              placeholder="信息类别"
              value={chosenCategory ?? undefined}
              onChange={(v: string | undefined) => setCategory(v ?? null)}
              // as with the unit: once picked, the focus moves on (antd would swallow the first Tab while closing)
              onSelect={() => authorsRef.current?.focus()}
              options={categoryOptions(categories)}
              style={{ width: '100%' }}
            />
          </Col>
        )}
        <Col flex="0 0 140px">
          <Input id="entry-authors" ref={authorsRef} value={authors} onChange={(e) => setAuthors(e.target.value)} placeholder="作者（、分隔）" onPressEnter={() => void save()} />
        </Col>
        <Col flex="0 0 70px">
          <Button type="primary" id="entry-save" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Col>
        <Col flex="1 1 260px" style={{ maxWidth: 420 }}>
          <UnitsSelect
            id="entry-joint"
            aria-label="合报单位"
            value={jointUnits}
            onChange={setJoint}
            exclude={unitId}
            placeholder="合报单位（与其他单位联合报送时选，可多选）"
            onEnter={() => void save()}
          />
        </Col>
        <Col flex="1 1 300px" style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {jointUnits.length > 0 && rules ? `${JOINT_SPLIT_LABEL[rules.jointSplit]} · ` : ''}
            {date ? `日期：${date}` : '日期无效'} · 单位可输入名称、别名或拼音首字母（如 fc = 凤城街道）· 日期回车到标题，标题回车保存，正文中 Ctrl+回车保存；保存后保留单位和日期
          </Typography.Text>
        </Col>
        {/* 正文 is optional and the last field in the Tab order: after 合报单位, on a line of its own */}
        <Col flex="1 1 100%">
          <Input.TextArea
            id="entry-body"
            aria-label="正文"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder="正文（可不填，可粘贴报送的原文；回车换行，Ctrl+回车保存）"
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={ITEM_BODY_MAX}
          />
        </Col>
      </Row>
      {similar.length > 0 && (
        <Alert
          style={{ marginTop: 6 }}
          type="warning"
          showIcon
          message={warnedFor === draftKey ? '该单位近 60 天有相似标题的信息。确认不是重复报送，再按一次回车保存：' : '该单位近 60 天有相似标题的信息，请确认不是重复报送：'}
          description={similar.map((s) => `${s.date}　${s.no}　${s.title}（相似度 ${Math.round(s.similarity * 100)}%）`).join('\n')}
        />
      )}
    </div>
  );
}

/** Every rule set's 信息类别, newest name first, for the list's filter. */
function listCategories(info: ReturnType<typeof useInfo>): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of [...(info?.ruleSets ?? [])].reverse()) for (const c of r.categories) if (!seen.has(c.key)) seen.set(c.key, c.name);
  return [...seen].map(([key, name]) => ({ key, name }));
}

/** A pasted row by what decides whether it is a twin (its line number moves as rows are corrected). */
const pastedKey = (r: PastedRow): string => `${r.unitId ?? ''}|${r.date ?? ''}|${r.title}`;

function PasteModal({ onClose }: { onClose: () => void }) {
  const units = useUnits();
  const changed = useChanged();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const rows: PastedRow[] = parsePasted(text, units);
  const good = rows.filter((r) => r.problem === null);
  const unitName = (id: number | null) => units.find((u) => u.id === id)?.name ?? '';
  // rows near an item already in the ledger (same unit, similar title, close date): saved only when ticked
  const [near, setNear] = useState<Map<string, Similar[number] | null>>(new Map());
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const lookup = (list: PastedRow[]) => ({ rows: list.map((g) => ({ unitId: g.unitId!, title: g.title, date: g.date! })) });
  const looked = useApi('items:similarMany', good.length > 0 ? lookup(good) : null, { delay: 250 }).data;
  // as the clerk edits the box the last answer may be for other rows: a row is matched by its content, and the save
  // asks again anyway
  const shown = new Map(near);
  if (looked && looked.length === good.length) good.forEach((g, i) => shown.set(pastedKey(g), looked[i] ?? null));
  const nearOf = (r: PastedRow) => shown.get(pastedKey(r)) ?? null;
  const held = (r: PastedRow) => nearOf(r) !== null && !ticked.has(pastedKey(r));
  const submit = async () => {
    setBusy(true);
    // asked again at save time: a paste saved before the lookup answered must not slip a twin in
    const fresh = await attempt(() => call(api().items.similarMany(lookup(good))));
    if (!fresh) return setBusy(false);
    const nearNow = new Map(good.map((g, i) => [pastedKey(g), fresh[i] ?? null] as const));
    const unseen = good.some((g) => nearNow.get(pastedKey(g)) && !shown.get(pastedKey(g)));
    setNear((prev) => new Map([...prev, ...nearNow]));
    if (unseen) {
      setBusy(false);
      void message.warning('有的行与已有信息相近，已在表中标出：确属另一条信息的请勾选“仍保存”，再点保存。');
      return;
    }
    const saving = good.filter((g) => !nearNow.get(pastedKey(g)) || ticked.has(pastedKey(g)));
    if (saving.length === 0) {
      setBusy(false);
      void message.warning('没有要保存的行：与已有信息相近的行，确属另一条信息的请勾选“仍保存”。');
      return;
    }
    const r = await attempt(() =>
      call(
        api().items.createMany({
          rows: saving.map((g) => ({ unitId: g.unitId!, date: g.date!, title: g.title, kinds: g.kinds, authors: g.authors, note: '', ...(g.body ? { body: g.body } : {}) })),
        }),
      ),
    );
    setBusy(false);
    if (r) {
      void message.success(`已保存 ${r.created} 条信息`);
      const last = [...saving].sort((a, b) => a.date!.localeCompare(b.date!)).pop()!;
      changed({ kind: 'items', date: last.date!, id: 0, label: `粘贴的 ${r.created} 条信息` });
      if (saving.length === rows.length) onClose();
      // the rows with problems, and the near twins not ticked, stay by their row numbers to be corrected or decided
      else {
        const bad = rows.filter((x) => !saving.includes(x));
        setText([...new Set(bad.map((x) => x.header).filter((h) => h !== ''))].concat(bad.map((x) => x.raw)).join('\n'));
      }
    }
  };
  return (
    <Modal
      open
      width={980}
      title="粘贴多行（从 Excel、WPS 或 OA 列表复制）"
      onCancel={onClose}
      okText={`保存 ${good.filter((g) => !held(g)).length} 条`}
      okButtonProps={{ disabled: good.length === 0, loading: busy, id: 'paste-save' }}
      onOk={submit}
      cancelText="取消"
    >
      <Input.TextArea
        id="paste-area"
        autoFocus
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'在此粘贴（Ctrl+V）。可带表头行；列包括 报送日期、报送单位、信息标题，可选 类型、作者、正文（表头 正文、内容 或 全文）。'}
      />
      {rows.length > 0 && (
        <>
          <Space style={{ margin: '8px 0' }}>
            <Tag color="green">可保存 {good.length} 行</Tag>
            {rows.length > good.length && <Tag color="red">有问题 {rows.length - good.length} 行：保存时先保存可保存的行，有问题的行留在这里改正</Tag>}
            {good.some(held) && (
              <Tag color="orange" data-testid="paste-similar">
                与已有信息相近 {good.filter(held).length} 行：不保存，留在这里；确属另一条信息的请勾选“仍保存”
              </Tag>
            )}
          </Space>
          <Table
            size="small"
            rowKey="line"
            dataSource={rows}
            pagination={false}
            scroll={{ y: 300 }}
            columns={[
              { title: '行', dataIndex: 'line', width: 45 },
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '单位', width: 150, render: (_, r) => unitName(r.unitId) || r.unitText },
              { title: '标题', dataIndex: 'title', ellipsis: true },
              { title: '类型', width: 90, render: (_, r) => r.kinds.map((k) => (k === 'research' ? '调研' : '专报')).join('、') || '一般' },
              { title: '作者', width: 90, render: (_, r) => r.authors.join('、') },
              {
                title: '正文',
                width: 150,
                ellipsis: true,
                // its first words and its length: enough to see that the right column was taken for the text
                render: (_, r) => (r.body ? <span title={r.body.slice(0, 300)}>{`${r.body.trim().replace(/\s+/g, ' ').slice(0, 14)}…（${r.body.replace(/\s/g, '').length}字）`}</span> : ''),
              },
              {
                title: '检查',
                width: 230,
                render: (_, r) => {
                  if (r.problem) return <Typography.Text type="danger">{r.problem}</Typography.Text>;
                  const twin = nearOf(r);
                  if (!twin) return <Typography.Text type="success">✓</Typography.Text>;
                  return (
                    <Space direction="vertical" size={0} data-testid={`paste-near-${r.line}`}>
                      <Typography.Text type="warning">{`与已有信息相近：${twin.no}　${twin.date} ${twin.title}`}</Typography.Text>
                      <Checkbox
                        checked={ticked.has(pastedKey(r))}
                        data-testid={`paste-keep-${r.line}`}
                        onChange={(e) =>
                          setTicked((prev) => {
                            const next = new Set(prev);
                            if (e.target.checked) next.add(pastedKey(r));
                            else next.delete(pastedKey(r));
                            return next;
                          })
                        }
                      >
                        仍保存
                      </Checkbox>
                    </Space>
                  );
                },
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

export function EntryPage() {
  const info = useInfo();
  const lastSaved = useApp((s) => s.lastSaved);
  const [pasting, setPasting] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  // opened from 首页's count of a group: that month and group, once
  const [filter, setFilter] = useState<Omit<Args<'items:list'>, 'offset' | 'limit'>>(() => useApp.getState().entryFilter ?? { month: info?.today.slice(0, 7) });
  useEffect(() => {
    if (useApp.getState().entryFilter) useApp.setState({ entryFilter: null });
  }, []);
  const [q, setQ] = useState('');
  // the list follows what was just saved: an item dated in an earlier month switches the list to that month
  const [savedSeen, setSavedSeen] = useState(lastSaved);
  if (lastSaved !== savedSeen) {
    setSavedSeen(lastSaved);
    if (lastSaved && (lastSaved.kind === 'item' || lastSaved.kind === 'items')) {
      const month = lastSaved.date.slice(0, 7);
      setFilter((f) => (f.month === month && Object.keys(f).length === 1 ? f : { month }));
      setQ('');
    }
  }
  const recent = lastSaved && (lastSaved.kind === 'item' || lastSaved.kind === 'items') ? lastSaved : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <Card size="small" title="登记报送信息" extra={<Button onClick={() => setPasting(true)}>粘贴多行…</Button>}>
        <EntryForm />
        {recent && (
          <div style={{ marginTop: 4 }} data-testid="entry-recent">
            <Typography.Text type="success">刚保存：</Typography.Text>
            {recent.kind === 'item' ? <a onClick={() => setOpen(recent.id)}>{recent.label}</a> : <span>{recent.label}</span>}
            <Typography.Text type="secondary">（{recent.date}，下方列表已切换到{Number(recent.date.slice(0, 4))}年{Number(recent.date.slice(5, 7))}月）</Typography.Text>
          </div>
        )}
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 8 } }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <DatePicker
            picker="month"
            allowClear
            placeholder="全部月份"
            value={filter.month ? dayjs(`${filter.month}-01`) : null}
            onChange={(d) => setFilter({ ...filter, month: d ? d.format('YYYY-MM') : undefined })}
            // the text emptied by keyboard (Backspace, then Enter, Tab or leaving) means 全部月份, as the × does
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === 'Tab') && (e.target as HTMLInputElement).value.trim() === '') setFilter({ ...filter, month: undefined });
            }}
            onBlur={(e) => {
              if ((e.target as HTMLInputElement).value.trim() === '') setFilter({ ...filter, month: undefined });
            }}
            aria-label="月份"
            style={{ width: 120 }}
          />
          <UnitSelect allowClear placeholder="全部单位" value={filter.unitId} onChange={(v) => setFilter({ ...filter, unitId: v })} style={{ width: 190 }} />
          <Select allowClear placeholder="全部分组" style={{ width: 120 }} value={filter.group} onChange={(v) => setFilter({ ...filter, group: v })} options={groupOptions(info)} />
          <Select
            allowClear
            placeholder="全部类型"
            aria-label="类型"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 110 }}
            popupMatchSelectWidth={false}
            value={filter.category ? `c:${filter.category}` : filter.joint ? 'joint' : filter.kind}
            onChange={(v: string | undefined) => {
              const { kind: _k, category: _c, joint: _j, ...rest } = filter;
              if (v === undefined) setFilter(rest);
              else if (v === 'joint') setFilter({ ...rest, joint: true });
              else if (v.startsWith('c:')) setFilter({ ...rest, category: v.slice(2) });
              else setFilter({ ...rest, kind: v as 'research' | 'special' | 'plain' });
            }}
            options={[
              { value: 'research', label: '调研' },
              { value: 'special', label: '专报' },
              { value: 'plain', label: '一般' },
              ...listCategories(info).map((c) => ({ value: `c:${c.key}`, label: c.name })),
              { value: 'joint', label: '合报信息' },
            ]}
          />
          <Select
            allowClear
            placeholder="采用情况"
            style={{ width: 110 }}
            value={filter.adopted}
            onChange={(v) => setFilter({ ...filter, adopted: v })}
            options={[
              { value: 'yes', label: '已采用' },
              { value: 'no', label: '未采用' },
            ]}
          />
          <Input.Search placeholder="标题关键词或编号" allowClear value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => setFilter({ ...filter, q: v || undefined })} style={{ width: 220 }} />
        </Space>
        {/* the list fills the window under the form and its two-line 正文 box: no scrolling of the whole page */}
        <ItemList filter={filter} onOpen={setOpen} height="calc(100vh - 400px)" />
      </Card>
      {pasting && <PasteModal onClose={() => setPasting(false)} />}
      <ItemDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
