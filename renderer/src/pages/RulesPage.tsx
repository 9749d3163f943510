// 规则设置: the rule-set editor a clerk can use without editing JSON. Every part of a rule set is edited by form — groups and
// their 调研、专报 requirements, categories, publications, 批示 levels, 加减分 events, 约稿方, and each entry's 别名 and
// 条款 in its expanded row — in the office's words; keys are made from the name's pinyin once and never shown. A change
// to a rule set that has scored past quarters names those quarters and offers 另存为新版本, so past scores never change silently; a rule set
// used by a locked quarter can only be saved as a new version.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { pinyin } from 'pinyin-pro';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { Results } from '../../../shared/ipc/contract';
import type { RuleSet } from '../../../shared/rules/schema';
import { useRuleDraft } from './rules/useRuleDraft';
import { ADOPTION_COMBINE_LABEL, AWARD_LABEL, INSTRUCTION_COMBINE_LABEL, JOINT_SPLIT_NAME, PUBLICATION_LEVEL_LABEL, RULE_WINDOW_LABEL, labelOptions, stars } from '../../../shared/labels';
import { ApiError, api, call } from '../api';
import { quartersText, startedQuarters } from '../forms';
import { useApp, useChanged } from '../store';
import { useApi } from '../useApi';

type Row = Results['rules:list'][number];
type Path = (string | number)[];
type Forms = { single: number; combined: number; brief: number };

const LEVELS = labelOptions(PUBLICATION_LEVEL_LABEL);
const WINDOWS = labelOptions(RULE_WINDOW_LABEL);
const REQUIREMENT_WINDOWS = labelOptions(RULE_WINDOW_LABEL, ['month', 'quarter', 'year']);
// the engine gives `each_month` points in every scored month of the window, `once` in its last scored month only
const AWARDS = labelOptions(AWARD_LABEL);
const ADOPTION_COMBINE = labelOptions(ADOPTION_COMBINE_LABEL);
const INSTRUCTION_COMBINE = labelOptions(INSTRUCTION_COMBINE_LABEL);
const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD'];

// ---------------------------------------------------------------- keys, numbers, keyboard

const RESERVED = new Set(['research', 'special', 'none']);

/** A key from the name's pinyin initials (要情 → yq), unique among `taken`; made once, never changed by a rename. */
function makeKey(name: string, taken: readonly string[], fallback: string): string {
  let base = pinyin(name.trim(), { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '')
    .slice(0, 30);
  if (!/^[a-z]/.test(base)) base = `${fallback}${base}`.slice(0, 30);
  let key = base;
  for (let n = 2; taken.includes(key) || RESERVED.has(key); n++) key = `${base}_${n}`;
  return key;
}

const FIELDS = 'input:not([type=hidden]):not([disabled]):not([readonly]), button.ant-switch';

/**
 * After a button adds or removes a row inside a table cell, the keyboard stays in that cell: once the change is drawn,
 * `selector` within the cell (its first match, or its last: the row just added) gets the focus.
 */
function focusAfter(from: HTMLElement, selector: string, which: 'first' | 'last' = 'first'): void {
  const cell = from.closest('td');
  requestAnimationFrame(() => {
    const found = cell ? [...cell.querySelectorAll<HTMLElement>(selector)] : [];
    const target = which === 'last' ? found[found.length - 1] : found[0];
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  });
}

/** Enter in a text or number field moves to the next field (the last one calls `onLast`); selects and date pickers keep Enter. */
function enterMovesOn(e: KeyboardEvent<HTMLElement>, onLast?: () => void): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  const t = e.target as HTMLElement;
  if (!(t instanceof HTMLInputElement) || t.getAttribute('role') === 'combobox' || t.closest('.ant-picker')) return;
  const fields = [...e.currentTarget.querySelectorAll<HTMLElement>(FIELDS)].filter((f) => f.offsetParent !== null);
  const i = fields.indexOf(t);
  if (i < 0) return;
  e.preventDefault();
  const next = fields[i + 1];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type !== 'checkbox' && next.type !== 'radio') next.select();
  } else onLast?.();
}

function Num(props: {
  value: number | null;
  onChange: (v: number | null) => void;
  min?: number;
  max?: number;
  int?: boolean;
  nullable?: boolean;
  status?: 'error';
  width?: number;
  id?: string;
  label: string;
  placeholder?: string;
}) {
  return (
    <InputNumber
      id={props.id}
      aria-label={props.label}
      size="small"
      value={props.value}
      min={props.min ?? -1000}
      max={props.max ?? 1000}
      step={props.int ? 1 : 0.5}
      precision={props.int ? 0 : undefined}
      // the 0.5 step would otherwise print every number with a decimal (10.0); 4.5 stays 4.5, 10 reads 10
      formatter={(v, info) => (info.userTyping ? info.input : v === undefined || v === null ? '' : String(v).replace(/\.0+$/, ''))}
      placeholder={props.placeholder}
      status={props.status}
      onChange={(v) => props.onChange(v === null || v === undefined ? (props.nullable ? null : 0) : Number(v))}
      style={{ width: props.width ?? 72 }}
    />
  );
}

function Remove({ what, name, note, onConfirm }: { what: string; name: string; note?: string; onConfirm: () => void }) {
  return (
    <Popconfirm title={`删除${what}「${name}」？`} description={note} okText="删除" cancelText="取消" onConfirm={onConfirm}>
      <Button size="small" type="link" danger>
        删除
      </Button>
    </Popconfirm>
  );
}

// ---------------------------------------------------------------- the add dialog

type FieldSpec =
  | { key: string; label: string; type: 'text' }
  | { key: string; label: string; type: 'num'; min?: number; max?: number; int?: boolean; nullable?: boolean; placeholder?: string }
  | { key: string; label: string; type: 'select'; options: { value: string; label: string }[] }
  | { key: string; label: string; type: 'check'; text: string };

interface AddSpec {
  title: string;
  fields: FieldSpec[];
  initial: Record<string, unknown>;
  /** names already used in this list: a second one is refused on the form */
  names: string[];
  apply: (v: Record<string, unknown>) => void;
  hint?: string;
}

/**
 * A dialog's first field takes the focus as soon as the dialog is on screen — not at the end of its opening animation,
 * so what the clerk types at once is not lost — and never once the clerk is already in one of its fields.
 */
function useFirstFocus(open: boolean, first: RefObject<HTMLInputElement | null>, select = false): () => void {
  useEffect(() => {
    if (!open) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      if (first.current && first.current.getClientRects().length > 0) return focusFirstField(first.current, select);
      if (++tries < 120) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [open, first, select]);
  return () => focusFirstField(first.current, select);
}

function focusFirstField(el: HTMLInputElement | null, select: boolean): void {
  const now = document.activeElement;
  if (!el || now === el) return;
  if (now instanceof HTMLElement && el.closest('.ant-modal')?.contains(now) && now.matches('input, textarea')) return;
  el.focus();
  if (select) el.select();
}

function AddDialog({ spec, onClose }: { spec: AddSpec | null; onClose: () => void }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const focusFirst = useFirstFocus(spec !== null, first);
  // a new dialog starts from its own initial values
  const [specSeen, setSpecSeen] = useState(spec);
  if (spec !== specSeen) {
    setSpecSeen(spec);
    setValues(spec?.initial ?? {});
    setProblem(null);
  }
  const set = (k: string, v: unknown) => setValues((s) => ({ ...s, [k]: v }));
  const ok = () => {
    if (!spec) return;
    const name = String(values.name ?? '').trim();
    if (name === '') return setProblem('名称不能为空');
    if (spec.names.includes(name)) return setProblem(`已有「${name}」，请换一个名称`);
    spec.apply({ ...values, name });
    onClose();
  };
  return (
    <Modal
      open={spec !== null}
      title={spec?.title}
      okText="添加"
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirst()}
    >
      {spec && (
        <div onKeyDown={(e) => enterMovesOn(e, ok)} data-testid="rules-add-dialog">
          <Form layout="horizontal" labelCol={{ flex: '96px' }} colon={false} style={{ marginTop: 12 }}>
            {spec.fields.map((f, i) => (
              <Form.Item
                key={f.key}
                label={f.label}
                htmlFor={`add-${f.key}`}
                style={{ marginBottom: 12 }}
                validateStatus={i === 0 && problem ? 'error' : undefined}
                help={i === 0 && problem ? problem : undefined}
              >
                {f.type === 'text' ? (
                  <Input id={`add-${f.key}`} ref={i === 0 ? (el) => void (first.current = el?.input ?? null) : undefined} value={String(values[f.key] ?? '')} onChange={(e) => set(f.key, e.target.value)} style={{ width: 260 }} />
                ) : f.type === 'num' ? (
                  <Num id={`add-${f.key}`} label={f.label} value={(values[f.key] as number | null) ?? null} min={f.min} max={f.max} int={f.int} nullable={f.nullable} placeholder={f.placeholder} width={110} onChange={(v) => set(f.key, v)} />
                ) : f.type === 'select' ? (
                  <Select id={`add-${f.key}`} value={values[f.key] as string} options={f.options} onChange={(v) => set(f.key, v)} style={{ width: 160 }} />
                ) : (
                  <Checkbox id={`add-${f.key}`} checked={values[f.key] === true} onChange={(e) => set(f.key, e.target.checked)}>
                    {f.text}
                  </Checkbox>
                )}
              </Form.Item>
            ))}
            {spec.hint && <Typography.Text type="secondary">{spec.hint}</Typography.Text>}
          </Form>
        </div>
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------- the editor

function Editor({ row, newest, onSaved }: { row: Row; newest: boolean; onSaved: (id: number) => void }) {
  const today = useApp((s) => s.info?.today ?? '');
  const started = startedQuarters(row.usedBy, today);
  const locked = row.lockedPeriods.length > 0;
  const ruleDraft = useRuleDraft(row.rules);
  const { draft, dirty } = ruleDraft;
  const [adding, setAdding] = useState<AddSpec | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [asNew, setAsNew] = useState<{ name: string; effectiveFrom: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const newName = useRef<HTMLInputElement>(null);
  const focusNewName = useFirstFocus(asNew !== null, newName, true);
  const afterConfirm = useRef<(() => void) | null>(null);
  const edit = (fn: (r: RuleSet) => void) => {
    setRefusal(null);
    ruleDraft.edit(fn);
  };
  // the same checks as the service and the rule file, in the clerk's words (刊物「…」的分值（单篇）：…), made a
  // moment after the typing stops
  const { errors, bad } = ruleDraft.check;
  const status = (...path: Path): 'error' | undefined => (bad.has(path.join('.')) ? 'error' : undefined);

  const save = async (rules: RuleSet, id?: number): Promise<boolean> => {
    // the check of the draft as it is now, not the one made a moment ago
    const now = ruleDraft.checkNow();
    if (now.errors.length > 0) {
      setRefusal(`规则有误，改正后才能保存：${now.errors.slice(0, 3).join('；')}`);
      return false;
    }
    setSaving(true);
    try {
      const r = await call(api().rules.save({ ...(id ? { id } : {}), rules }), { quiet: true });
      void message.success(id ? '规则已保存' : `已另存为新版本「${rules.name}」`);
      onSaved(r.id);
      return true;
    } catch (e) {
      // the service's refusal stays on the form, beside what the clerk is changing
      if (e instanceof ApiError) setRefusal(e.message);
      else throw e;
      return false;
    } finally {
      setSaving(false);
    }
  };
  const openAsNew = () => {
    setRefusal(null);
    setAsNew({ name: `${draft.name}（新）`, effectiveFrom: '' });
  };
  /** `typed`: the date as typed in the picker when Enter saves before the picker has reported it. */
  const saveAsNew = async (typed?: string) => {
    if (!asNew) return;
    const effectiveFrom = typed ?? asNew.effectiveFrom;
    if (asNew.name.trim() === '') return setRefusal('名称：不能为空');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return setRefusal('生效日期：请选择或输入生效日期，如 2021-01-01');
    if (await save({ ...draft, name: asNew.name.trim(), effectiveFrom })) setAsNew(null);
  };
  // in the dialog Enter moves on; Enter on a valid date (the last field) saves
  const newDialogKeys = (e: KeyboardEvent<HTMLElement>) => {
    const t = e.target;
    if (e.key === 'Enter' && !e.nativeEvent.isComposing && t instanceof HTMLInputElement && t.id === 'rules-new-date') {
      const d = dayjs(t.value, DATE_FORMATS, true);
      if (d.isValid()) {
        e.preventDefault();
        void saveAsNew(d.format('YYYY-MM-DD'));
      }
      return;
    }
    enterMovesOn(e, () => void saveAsNew());
  };

  const keysOf = (list: { key: string }[]) => list.map((x) => x.key);
  const namesOf = (list: { name: string }[]) => list.map((x) => x.name);
  const nameInput = (value: string, onChange: (v: string) => void, path: Path, width = 150) => (
    <Input size="small" aria-label="名称" value={value} status={status(...path, 'name')} onChange={(e) => onChange(e.target.value)} style={{ width }} />
  );
  /** 条款: the clause number of the regulation, shown with the score lines it gives */
  const clauseInput = (value: string, onChange: (v: string) => void, path: Path, label = '条款', width = 104) => (
    <Input size="small" aria-label={label} placeholder="如 二（一）" value={value} status={status(...path, 'clause')} onChange={(e) => onChange(e.target.value)} style={{ width }} />
  );
  /** 别名 (the other names an import accepts) and 条款 of an entry: the first line of its expanded row */
  const namesLine = (aliases: string[], onAliases: (v: string[]) => void, path: Path, clause?: { value: string; onChange: (v: string) => void }) => (
    <Space size={4} wrap>
      别名
      <Select
        mode="tags"
        size="small"
        aria-label="别名"
        open={false}
        suffixIcon={null}
        // not 、 or ，: an alias may hold them (工业区、各镇（街道）)
        tokenSeparators={['；', ';', '\n']}
        placeholder="导入时也认的其他写法，输入后按回车"
        value={aliases}
        status={status(...path, 'aliases')}
        onChange={(v: string[]) => onAliases([...new Set(v.map((x) => x.trim()).filter((x) => x !== ''))])}
        style={{ width: 380 }}
      />
      {clause && (
        <>
          <span style={{ marginLeft: 12 }}>条款</span>
          {clauseInput(clause.value, clause.onChange, path)}
        </>
      )}
    </Space>
  );
  const EXPAND_HINT = '点行首的 + 设置别名（导入时也认的其他写法）和条款';

  // ---- a group's 调研、专报等要求: each a row of conditions (调研 ≥ 1 篇 且 专报 ≥ 2 篇) met within the window
  const kindOptions = [
    { value: 'research', label: '调研' },
    { value: 'special', label: '专报' },
    ...draft.categories.map((c, ci) => ({ value: c.key, label: c.name.trim() || `第${ci + 1}个类别` })),
  ];
  const requirementsOf = (g: RuleSet['groups'][number], i: number) => (
    <div data-testid={`rules-requirements-${i}`} style={{ display: 'flex', flexDirection: 'column', gap: 6, alignItems: 'flex-start' }}>
      <span>调研、专报等要求（周期内条件全部达到才得分）：{g.requirements.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}</span>
      {g.requirements.length > 0 && (
        <Table
          size="small"
          bordered
          rowKey="qi"
          pagination={false}
          dataSource={g.requirements.map((q, qi) => ({ ...q, qi }))}
          columns={[
            {
              title: '要求',
              render: (_, q) => <Input size="small" aria-label="要求名称" value={q.name} status={status('groups', i, 'requirements', q.qi, 'name')} onChange={(e) => edit((r) => (r.groups[i]!.requirements[q.qi]!.name = e.target.value))} style={{ width: 92 }} />,
            },
            {
              title: '周期',
              render: (_, q) => <Select size="small" aria-label="要求周期" value={q.window} options={REQUIREMENT_WINDOWS} onChange={(v) => edit((r) => (r.groups[i]!.requirements[q.qi]!.window = v))} style={{ width: 78 }} />,
            },
            {
              title: '条件（全部达到）',
              render: (_, q) => (
                <Space direction="vertical" size={2}>
                  {q.conditions.map((c, ci) => (
                    <Space key={ci} size={4}>
                      <Select
                        size="small"
                        aria-label="要求类别"
                        value={c.kind}
                        status={status('groups', i, 'requirements', q.qi, 'conditions', ci, 'kind')}
                        options={kindOptions}
                        onChange={(v) => edit((r) => (r.groups[i]!.requirements[q.qi]!.conditions[ci]!.kind = v))}
                        style={{ width: 80 }}
                      />
                      ≥
                      <Num label="最少篇数" int min={1} max={1000} width={52} value={c.min} status={status('groups', i, 'requirements', q.qi, 'conditions', ci, 'min')} onChange={(v) => edit((r) => (r.groups[i]!.requirements[q.qi]!.conditions[ci]!.min = v ?? 1))} />
                      篇
                      {q.conditions.length > 1 && (
                        <Button
                          size="small"
                          type="text"
                          aria-label="删除条件"
                          title="删除这个条件"
                          onClick={(e) => {
                            focusAfter(e.currentTarget, 'button[aria-label="添加条件"]');
                            edit((r) => void r.groups[i]!.requirements[q.qi]!.conditions.splice(ci, 1));
                          }}
                        >
                          ✕
                        </Button>
                      )}
                    </Space>
                  ))}
                  <Button
                    size="small"
                    type="link"
                    aria-label="添加条件"
                    style={{ padding: 0 }}
                    onClick={(e) => {
                      focusAfter(e.currentTarget, 'input[aria-label="最少篇数"]', 'last');
                      edit((r) => {
                        const conditions = r.groups[i]!.requirements[q.qi]!.conditions;
                        const kind = kindOptions.find((k) => !conditions.some((c) => c.kind === k.value))?.value ?? 'research';
                        conditions.push({ kind, min: 1 });
                      });
                    }}
                  >
                    + 再加一个条件
                  </Button>
                </Space>
              ),
            },
            {
              title: '得分',
              render: (_, q) => <Num label="要求得分" min={0} width={54} value={q.points} status={status('groups', i, 'requirements', q.qi, 'points')} onChange={(v) => edit((r) => (r.groups[i]!.requirements[q.qi]!.points = v ?? 0))} />,
            },
            {
              title: '计分方式',
              render: (_, q) => <Select size="small" aria-label="计分方式" value={q.award} options={AWARDS} onChange={(v) => edit((r) => (r.groups[i]!.requirements[q.qi]!.award = v))} style={{ width: 124 }} />,
            },
            { title: '条款', render: (_, q) => clauseInput(q.clause, (v) => edit((r) => (r.groups[i]!.requirements[q.qi]!.clause = v)), ['groups', i, 'requirements', q.qi], '要求条款', 80) },
            { title: '', render: (_, q) => <Remove what="要求" name={q.name} onConfirm={() => edit((r) => void r.groups[i]!.requirements.splice(q.qi, 1))} /> },
          ]}
        />
      )}
      <Button
          size="small"
          onClick={() =>
            setAdding({
              title: `给「${g.name}」添加要求`,
              names: namesOf(g.requirements),
              fields: [
                { key: 'name', label: '名称', type: 'text' },
                { key: 'window', label: '周期', type: 'select', options: REQUIREMENT_WINDOWS },
                { key: 'kind', label: '类别', type: 'select', options: kindOptions },
                { key: 'min', label: '至少篇数', type: 'num', int: true, min: 1, max: 1000 },
                { key: 'points', label: '得分', type: 'num', min: 0 },
                { key: 'award', label: '计分方式', type: 'select', options: AWARDS },
                { key: 'clause', label: '条款', type: 'text' },
              ],
              initial: { name: '', window: 'month', kind: 'research', min: 1, points: 0, award: 'each_month', clause: '' },
              hint: '添加后可在表中再加条件（如调研 ≥ 1 篇且专报 ≥ 2 篇）。',
              apply: (v) =>
                edit((r) =>
                  r.groups[i]!.requirements.push({
                    name: String(v.name),
                    window: v.window as RuleSet['groups'][number]['requirements'][number]['window'],
                    conditions: [{ kind: String(v.kind), min: Number(v.min ?? 1) }],
                    points: Number(v.points ?? 0),
                    award: v.award as RuleSet['groups'][number]['requirements'][number]['award'],
                    clause: String(v.clause ?? '').trim(),
                  }),
                ),
            })
          }
        >
          添加要求…
      </Button>
      {g.requirements.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', maxWidth: 640 }}>
          计分方式：“每月各得一次”——周期内达到要求，周期的每个计分月都得此分；“周期内得一次”——只得一次，记在周期的最后一个计分月。
        </Typography.Text>
      )}
    </div>
  );

  // ---- groups
  const groupsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">点行首的 + 设置别名、条款、基础分的周期和达标线、通报批评末位个数，以及调研、专报等要求。</Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.groups}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (g, i) => (
            <Space direction="vertical" size={6} style={{ paddingLeft: 8 }}>
              {namesLine(g.aliases, (v) => edit((r) => (r.groups[i]!.aliases = v)), ['groups', i])}
              {g.quota && (
                <Space size={4}>
                  报送任务的条款
                  {clauseInput(g.quota.clause, (v) => edit((r) => (r.groups[i]!.quota!.clause = v)), ['groups', i, 'quota'], '报送任务条款')}
                </Space>
              )}
              {g.baseGrant && (
                <Space size={4} wrap>
                  基础分按
                  <Select
                    size="small"
                    aria-label="基础分周期"
                    value={g.baseGrant.window}
                    options={labelOptions(RULE_WINDOW_LABEL, ['month', 'quarter'])}
                    onChange={(v) => edit((r) => (r.groups[i]!.baseGrant!.window = v))}
                    style={{ width: 86 }}
                  />
                  给，达标线
                  <Num label="达标线" min={0} nullable width={62} placeholder="无" value={g.baseGrant.passLine} onChange={(v) => edit((r) => (r.groups[i]!.baseGrant!.passLine = v))} />
                  分（低于达标线的单位在通报中列为未达标），条款
                  {clauseInput(g.baseGrant.clause, (v) => edit((r) => (r.groups[i]!.baseGrant!.clause = v)), ['groups', i, 'baseGrant'], '基础分条款')}
                </Space>
              )}
              <Space size={4}>
                通报批评末位
                <Num label="通报批评末位个数" int min={0} max={10} width={52} value={g.criticiseLast} onChange={(v) => edit((r) => (r.groups[i]!.criticiseLast = v ?? 0))} />
                个单位
              </Space>
              {requirementsOf(g, i)}
            </Space>
          ),
        }}
        columns={[
          { title: '分组', render: (_, g, i) => nameInput(g.name, (v) => edit((r) => (r.groups[i]!.name = v)), ['groups', i], 96) },
          {
            title: '报送任务',
            render: (_, g, i) => (
              <Space size={4}>
                <Checkbox
                  aria-label="有报送任务"
                  checked={g.quota !== null}
                  onChange={(e) => edit((r) => (r.groups[i]!.quota = e.target.checked ? { window: 'month', min: 1, points: 0, shortfallPerItem: 0, clause: '' } : null))}
                />
                {g.quota ? (
                  <>
                    <Select size="small" aria-label="周期" value={g.quota.window} options={WINDOWS} onChange={(v) => edit((r) => (r.groups[i]!.quota!.window = v))} style={{ width: 76 }} />
                    至少
                    <Num label="最少条数" int min={1} max={10000} width={56} value={g.quota.min} status={status('groups', i, 'quota', 'min')} onChange={(v) => edit((r) => (r.groups[i]!.quota!.min = v ?? 1))} />
                    条，完成得
                    <Num label="完成得分" width={62} value={g.quota.points} status={status('groups', i, 'quota', 'points')} onChange={(v) => edit((r) => (r.groups[i]!.quota!.points = v ?? 0))} />
                    分，少一条
                    <Num label="每少一条" max={0} width={62} value={g.quota.shortfallPerItem} status={status('groups', i, 'quota', 'shortfallPerItem')} onChange={(v) => edit((r) => (r.groups[i]!.quota!.shortfallPerItem = v ?? 0))} />
                    分
                  </>
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '基础分',
            render: (_, g, i) => (
              <Space size={4}>
                <Num
                  label="基础分"
                  min={0}
                  nullable
                  width={62}
                  placeholder="无"
                  value={g.baseGrant?.points ?? null}
                  onChange={(v) =>
                    edit((r) => {
                      const grp = r.groups[i]!;
                      grp.baseGrant = v === null || v === 0 ? null : { window: grp.baseGrant?.window ?? 'quarter', points: v, passLine: grp.baseGrant?.passLine ?? null, clause: grp.baseGrant?.clause ?? '' };
                    })
                  }
                />
              </Space>
            ),
          },
          {
            title: '',
            render: (_, g, i) =>
              draft.groups.length > 1 && <Remove what="分组" name={g.name} note="该分组的单位需改到其他分组才计分。" onConfirm={() => edit((r) => void r.groups.splice(i, 1))} />,
          },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          setAdding({
            title: '添加分组',
            names: namesOf(draft.groups),
            fields: [{ key: 'name', label: '名称', type: 'text' }],
            initial: { name: '' },
            apply: (v) =>
              edit((r) =>
                r.groups.push({ key: makeKey(String(v.name), keysOf(r.groups), 'g'), name: String(v.name), aliases: [], quota: null, requirements: [], criticiseLast: 1, baseGrant: null }),
              ),
            hint: '添加后可在表中设置报送任务和基础分。',
          })
        }
      >
        添加分组…
      </Button>
    </Space>
  );

  // ---- categories
  const categoriesTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">调研、专报之外的信息类别（要情、动态、图片信息…）。折算倍数乘在采用得分上，如图片信息计一半填 0.5。{EXPAND_HINT}。</Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.categories}
        locale={{ emptyText: '尚无信息类别' }}
        expandable={{
          expandedRowRender: (c, i) =>
            <div style={{ paddingLeft: 8 }}>{namesLine(c.aliases, (v) => edit((r) => (r.categories[i]!.aliases = v)), ['categories', i], { value: c.clause, onChange: (v) => edit((r) => (r.categories[i]!.clause = v)) })}</div>,
        }}
        columns={[
          { title: '类别', render: (_, c, i) => nameInput(c.name, (v) => edit((r) => (r.categories[i]!.name = v)), ['categories', i]) },
          { title: '折算倍数', render: (_, c, i) => <Num label="折算倍数" min={0} max={100} value={c.factor} status={status('categories', i, 'factor')} onChange={(v) => edit((r) => (r.categories[i]!.factor = v ?? 1))} /> },
          {
            title: '',
            render: (_, c, i) => (
              <Remove
                what="信息类别"
                name={c.name}
                note="各刊物按此类别的分值和相关要求一并删除。"
                onConfirm={() =>
                  edit((r) => {
                    r.categories.splice(i, 1);
                    for (const p of r.publications) delete p.categoryPoints[c.key];
                    for (const g of r.groups) {
                      for (const q of g.requirements) q.conditions = q.conditions.filter((x) => x.kind !== c.key);
                      g.requirements = g.requirements.filter((q) => q.conditions.length > 0);
                    }
                  })
                }
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          setAdding({
            title: '添加信息类别',
            names: namesOf(draft.categories),
            fields: [
              { key: 'name', label: '名称', type: 'text' },
              { key: 'factor', label: '折算倍数', type: 'num', min: 0, max: 100 },
            ],
            initial: { name: '', factor: 1 },
            apply: (v) =>
              edit((r) => r.categories.push({ key: makeKey(String(v.name), keysOf(r.categories), 'c'), name: String(v.name), aliases: [], factor: Number(v.factor ?? 1), clause: '' })),
          })
        }
      >
        添加信息类别…
      </Button>
    </Space>
  );

  // ---- publications: the row's own points, and per category / per 批示 level in the expanded row
  const forms = (value: Forms, onChange: (f: keyof Forms, v: number) => void, path: Path, only: (keyof Forms)[] = ['single', 'combined', 'brief']) => (
    <Space size={4}>
      {only.map((f) => (
        <span key={f}>
          {({ single: '单篇', combined: '综合', brief: '简讯' } as const)[f]}{' '}
          <Num label={({ single: '单篇', combined: '综合', brief: '简讯' } as const)[f]} min={0} width={64} value={value[f]} status={status(...path, f)} onChange={(v) => onChange(f, v ?? 0)} />
        </span>
      ))}
    </Space>
  );
  const publicationDetail = (p: RuleSet['publications'][number], i: number) => (
    <Space direction="vertical" size={6} style={{ paddingLeft: 8 }}>
      {namesLine(p.aliases, (v) => edit((r) => (r.publications[i]!.aliases = v)), ['publications', i], { value: p.clause, onChange: (v) => edit((r) => (r.publications[i]!.clause = v)) })}
      {draft.categories.length === 0 && <Typography.Text type="secondary">本规则集没有信息类别，所有信息按上面的分值计分。</Typography.Text>}
      {draft.categories.map((c) => {
        const own = p.categoryPoints[c.key];
        return (
          <Space key={c.key} size={8}>
            <Checkbox
              checked={own !== undefined}
              onChange={(e) => edit((r) => (e.target.checked ? (r.publications[i]!.categoryPoints[c.key] = { ...p.points }) : delete r.publications[i]!.categoryPoints[c.key]))}
              style={{ width: 170 }}
            >
              「{c.name}」类单独计分
            </Checkbox>
            {own && forms(own, (f, v) => edit((r) => (r.publications[i]!.categoryPoints[c.key]![f] = v)), ['publications', i, 'categoryPoints', c.key])}
          </Space>
        );
      })}
      {draft.instructionLevels.map((l) => {
        const own = p.instructionPoints[l.key];
        return (
          <Space key={l.key} size={8}>
            <Checkbox
              checked={own !== undefined}
              onChange={(e) => edit((r) => (e.target.checked ? (r.publications[i]!.instructionPoints[l.key] = { ...l.points }) : delete r.publications[i]!.instructionPoints[l.key]))}
              style={{ width: 170 }}
            >
              {l.name}批示另行加分
            </Checkbox>
            {own && forms({ ...own, brief: 0 }, (f, v) => edit((r) => ((r.publications[i]!.instructionPoints[l.key]! as Forms)[f] = v)), ['publications', i, 'instructionPoints', l.key], ['single', 'combined'])}
          </Space>
        );
      })}
    </Space>
  );
  const publicationsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        一条信息被多次采用：
        <Select size="small" aria-label="多次采用" value={draft.adoptionCombine} onChange={(v) => edit((r) => (r.adoptionCombine = v))} options={ADOPTION_COMBINE} style={{ width: 190 }} />
        <Typography.Text type="secondary">点行首的 + 设置别名、条款、按信息类别的分值和本刊物的批示加分。</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.publications}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (p, i) => publicationDetail(p, i) }}
        columns={[
          { title: '刊物', render: (_, p, i) => nameInput(p.name, (v) => edit((r) => (r.publications[i]!.name = v)), ['publications', i], 170) },
          { title: '级别', render: (_, p, i) => <Select size="small" aria-label="级别" value={p.level} options={LEVELS} onChange={(v) => edit((r) => (r.publications[i]!.level = v))} style={{ width: 84 }} /> },
          { title: '每篇分值', render: (_, p, i) => forms(p.points, (f, v) => edit((r) => (r.publications[i]!.points[f] = v)), ['publications', i, 'points']) },
          { title: '倍数', render: (_, p, i) => <Num label="倍数" min={0.01} max={100} width={60} value={p.multiplier} status={status('publications', i, 'multiplier')} onChange={(v) => edit((r) => (r.publications[i]!.multiplier = v ?? 1))} /> },
          {
            title: '',
            render: (_, p, i) =>
              draft.publications.length > 1 && <Remove what="刊物" name={p.name} note="已登记的采用记录保留，但按本规则集不再计分。" onConfirm={() => edit((r) => void r.publications.splice(i, 1))} />,
          },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          setAdding({
            title: '添加刊物',
            names: namesOf(draft.publications),
            fields: [
              { key: 'name', label: '名称', type: 'text' },
              { key: 'level', label: '级别', type: 'select', options: LEVELS },
              { key: 'single', label: '单篇', type: 'num', min: 0 },
              { key: 'combined', label: '综合', type: 'num', min: 0 },
              { key: 'brief', label: '简讯', type: 'num', min: 0 },
            ],
            initial: { name: '', level: 'district', single: 0, combined: 0, brief: 0 },
            apply: (v) =>
              edit((r) =>
                r.publications.push({
                  key: makeKey(String(v.name), keysOf(r.publications), 'p'),
                  name: String(v.name),
                  aliases: [],
                  level: v.level as RuleSet['publications'][number]['level'],
                  points: { single: Number(v.single ?? 0), combined: Number(v.combined ?? 0), brief: Number(v.brief ?? 0) },
                  categoryPoints: {},
                  multiplier: 1,
                  instructionPoints: {},
                  clause: '',
                }),
              ),
            hint: '分值可为半分（如 2.5）。按信息类别的分值可在添加后展开该行设置。',
          })
        }
      >
        添加刊物…
      </Button>
    </Space>
  );

  // ---- instruction levels
  const instructionsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        一条信息有多个批示：
        <Select size="small" aria-label="多次批示" value={draft.instructionCombine} onChange={(v) => edit((r) => (r.instructionCombine = v))} options={INSTRUCTION_COMBINE} style={{ width: 220 }} />
        <Typography.Text type="secondary">{EXPAND_HINT}。</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.instructionLevels}
        expandable={{
          expandedRowRender: (l, i) =>
            <div style={{ paddingLeft: 8 }}>{namesLine(l.aliases, (v) => edit((r) => (r.instructionLevels[i]!.aliases = v)), ['instructionLevels', i], { value: l.clause, onChange: (v) => edit((r) => (r.instructionLevels[i]!.clause = v)) })}</div>,
        }}
        columns={[
          { title: '批示级别', render: (_, l, i) => nameInput(l.name, (v) => edit((r) => (r.instructionLevels[i]!.name = v)), ['instructionLevels', i]) },
          {
            title: '星级',
            render: (_, l, i) => (
              <Space size={4}>
                <Num label="星数" int min={0} max={5} width={52} value={l.stars} onChange={(v) => edit((r) => (r.instructionLevels[i]!.stars = v ?? 0))} />
                <span style={{ color: '#d48806' }}>{stars(l.stars)}</span>
              </Space>
            ),
          },
          { title: '加分', render: (_, l, i) => forms({ ...l.points, brief: 0 }, (f, v) => edit((r) => ((r.instructionLevels[i]!.points as Forms)[f] = v)), ['instructionLevels', i, 'points'], ['single', 'combined']) },
          {
            title: '',
            render: (_, l, i) =>
              draft.instructionLevels.length > 1 && (
                <Remove
                  what="批示级别"
                  name={l.name}
                  onConfirm={() =>
                    edit((r) => {
                      r.instructionLevels.splice(i, 1);
                      for (const p of r.publications) delete p.instructionPoints[l.key];
                    })
                  }
                />
              ),
          },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          setAdding({
            title: '添加批示级别',
            names: namesOf(draft.instructionLevels),
            fields: [
              { key: 'name', label: '名称', type: 'text' },
              { key: 'stars', label: '星数', type: 'num', min: 0, max: 5, int: true },
              { key: 'single', label: '单篇加分', type: 'num', min: 0 },
              { key: 'combined', label: '综合加分', type: 'num', min: 0 },
            ],
            initial: { name: '', stars: 1, single: 0, combined: 0 },
            apply: (v) =>
              edit((r) =>
                r.instructionLevels.push({
                  key: makeKey(String(v.name), keysOf(r.instructionLevels), 'l'),
                  name: String(v.name),
                  aliases: [],
                  stars: Number(v.stars ?? 0),
                  points: { single: Number(v.single ?? 0), combined: Number(v.combined ?? 0) },
                  clause: '',
                }),
              ),
          })
        }
      >
        添加批示级别…
      </Button>
    </Space>
  );

  // ---- events
  const eventsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{EXPAND_HINT}，以及计分明细中显示的办法原文。</Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.eventKinds}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e, i) => (
            <Space direction="vertical" size={6} style={{ paddingLeft: 8 }}>
              {namesLine(e.aliases, (v) => edit((r) => (r.eventKinds[i]!.aliases = v)), ['eventKinds', i], { value: e.clause, onChange: (v) => edit((r) => (r.eventKinds[i]!.clause = v)) })}
              <Space size={4}>
                办法原文
                <Input
                  size="small"
                  aria-label="办法原文"
                  placeholder="计分明细中显示，如：重大信息迟报、漏报（每条）"
                  value={e.description}
                  status={status('eventKinds', i, 'description')}
                  onChange={(x) => edit((r) => (r.eventKinds[i]!.description = x.target.value))}
                  style={{ width: 520 }}
                />
              </Space>
            </Space>
          ),
        }}
        columns={[
          { title: '事项', render: (_, e, i) => nameInput(e.name, (v) => edit((r) => (r.eventKinds[i]!.name = v)), ['eventKinds', i], 190) },
          { title: '分值（减分为负）', render: (_, e, i) => <Num label="分值" value={e.points} status={status('eventKinds', i, 'points')} onChange={(v) => edit((r) => (r.eventKinds[i]!.points = v ?? 0))} /> },
          {
            title: '计入',
            render: (_, e, i) => (
              <Select
                size="small"
                aria-label="计入"
                value={e.scope}
                options={[
                  { value: 'period', label: '当月当季' },
                  { value: 'year', label: '只计年度' },
                ]}
                onChange={(v) => edit((r) => (r.eventKinds[i]!.scope = v))}
                style={{ width: 96 }}
              />
            ),
          },
          { title: '每年上限', render: (_, e, i) => <Num label="每年上限" int min={1} max={10000} nullable placeholder="不限" width={64} value={e.capPerYear} onChange={(v) => edit((r) => (r.eventKinds[i]!.capPerYear = v))} /> },
          { title: '扣完为止', render: (_, e, i) => <Checkbox aria-label="扣完为止" checked={e.floored} onChange={(x) => edit((r) => (r.eventKinds[i]!.floored = x.target.checked))} /> },
          { title: '通报批评', render: (_, e, i) => <Checkbox aria-label="通报批评" checked={e.criticise} onChange={(x) => edit((r) => (r.eventKinds[i]!.criticise = x.target.checked))} /> },
          { title: '', render: (_, e, i) => <Remove what="加减分事项" name={e.name} note="已登记的该事项保留，但按本规则集不再计分。" onConfirm={() => edit((r) => void r.eventKinds.splice(i, 1))} /> },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          setAdding({
            title: '添加加减分事项',
            names: namesOf(draft.eventKinds),
            fields: [
              { key: 'name', label: '名称', type: 'text' },
              { key: 'points', label: '分值', type: 'num' },
              {
                key: 'scope',
                label: '计入',
                type: 'select',
                options: [
                  { value: 'period', label: '当月当季' },
                  { value: 'year', label: '只计年度' },
                ],
              },
              { key: 'capPerYear', label: '每年上限', type: 'num', int: true, min: 1, max: 10000, nullable: true, placeholder: '不限' },
              { key: 'floored', label: '扣完为止', type: 'check', text: '减分时扣完为止' },
              { key: 'criticise', label: '通报批评', type: 'check', text: '有此事项的单位在通报中点名批评' },
            ],
            initial: { name: '', points: 0, scope: 'period', capPerYear: null, floored: false, criticise: false },
            hint: '加分填正数，减分填负数（如 -2），可为半分。',
            apply: (v) =>
              edit((r) =>
                r.eventKinds.push({
                  key: makeKey(String(v.name), keysOf(r.eventKinds), 'e'),
                  name: String(v.name),
                  description: '',
                  aliases: [],
                  points: Number(v.points ?? 0),
                  scope: v.scope as 'period' | 'year',
                  floored: v.floored === true,
                  capPerYear: (v.capPerYear as number | null) ?? null,
                  criticise: v.criticise === true,
                  clause: '',
                }),
              ),
          })
        }
      >
        添加加减分事项…
      </Button>
    </Space>
  );

  // ---- request issuers
  const issuersTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{EXPAND_HINT}。</Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.requestIssuers}
        expandable={{
          expandedRowRender: (q, i) =>
            <div style={{ paddingLeft: 8 }}>{namesLine(q.aliases, (v) => edit((r) => (r.requestIssuers[i]!.aliases = v)), ['requestIssuers', i], { value: q.clause, onChange: (v) => edit((r) => (r.requestIssuers[i]!.clause = v)) })}</div>,
        }}
        columns={[
          { title: '约稿方', render: (_, q, i) => nameInput(q.name, (v) => edit((r) => (r.requestIssuers[i]!.name = v)), ['requestIssuers', i]) },
          { title: '未完成扣分', render: (_, q, i) => <Num label="未完成扣分" max={0} value={q.missPoints} status={status('requestIssuers', i, 'missPoints')} onChange={(v) => edit((r) => (r.requestIssuers[i]!.missPoints = v ?? 0))} /> },
          { title: '完成得分', render: (_, q, i) => <Num label="完成得分" min={0} value={q.donePoints} status={status('requestIssuers', i, 'donePoints')} onChange={(v) => edit((r) => (r.requestIssuers[i]!.donePoints = v ?? 0))} /> },
          { title: '扣完为止', render: (_, q, i) => <Checkbox aria-label="扣完为止" checked={q.floored} onChange={(x) => edit((r) => (r.requestIssuers[i]!.floored = x.target.checked))} /> },
          { title: '', render: (_, q, i) => draft.requestIssuers.length > 1 && <Remove what="约稿方" name={q.name} onConfirm={() => edit((r) => void r.requestIssuers.splice(i, 1))} /> },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          setAdding({
            title: '添加约稿方',
            names: namesOf(draft.requestIssuers),
            fields: [
              { key: 'name', label: '名称', type: 'text' },
              { key: 'missPoints', label: '未完成扣分', type: 'num', max: 0 },
              { key: 'donePoints', label: '完成得分', type: 'num', min: 0 },
              { key: 'floored', label: '扣完为止', type: 'check', text: '未完成扣分扣完为止' },
            ],
            initial: { name: '', missPoints: 0, donePoints: 0, floored: false },
            hint: '未完成扣分填负数或 0。',
            apply: (v) =>
              edit((r) =>
                r.requestIssuers.push({
                  key: makeKey(String(v.name), keysOf(r.requestIssuers), 'r'),
                  name: String(v.name),
                  aliases: [],
                  missPoints: Number(v.missPoints ?? 0),
                  donePoints: Number(v.donePoints ?? 0),
                  floored: v.floored === true,
                  clause: '',
                }),
              ),
          })
        }
      >
        添加约稿方…
      </Button>
    </Space>
  );

  const basics = (
    <Form layout="inline" colon={false} style={{ rowGap: 8 }}>
      <Form.Item label="名称" htmlFor="rules-name" validateStatus={status('name')}>
        <Input id="rules-name" size="small" value={draft.name} onChange={(e) => edit((r) => (r.name = e.target.value))} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item label="生效日期" htmlFor="rules-date" validateStatus={status('effectiveFrom')}>
        <DatePicker
          id="rules-date"
          size="small"
          allowClear={false}
          format={DATE_FORMATS}
          value={dayjs(draft.effectiveFrom, 'YYYY-MM-DD', true).isValid() ? dayjs(draft.effectiveFrom) : null}
          onChange={(d) => d && edit((r) => (r.effectiveFrom = d.format('YYYY-MM-DD')))}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item label="依据">
        <Input size="small" value={draft.source} placeholder="如：莱办字〔2019〕3号" onChange={(e) => edit((r) => (r.source = e.target.value))} style={{ width: 340 }} />
      </Form.Item>
      <Form.Item label="合报信息">
        <Radio.Group
          size="small"
          value={draft.jointSplit}
          onChange={(e) => edit((r) => (r.jointSplit = e.target.value as RuleSet['jointSplit']))}
          options={labelOptions(JOINT_SPLIT_NAME)}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={draft.shortfallFloored} onChange={(e) => edit((r) => (r.shortfallFloored = e.target.checked))}>
          少报扣分扣完为止
        </Checkbox>
      </Form.Item>
      <Form.Item label="少报扣分条款">
        <Input size="small" aria-label="少报扣分条款" value={draft.shortfallClause} placeholder="如：四1" onChange={(e) => edit((r) => (r.shortfallClause = e.target.value))} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="扣完为止条款">
        <Input size="small" aria-label="扣完为止条款" value={draft.floorClause} placeholder="如：四1、四4" onChange={(e) => edit((r) => (r.floorClause = e.target.value))} style={{ width: 120 }} />
      </Form.Item>
    </Form>
  );

  const count = (label: string, n: number) => `${label}（${n}）`;
  // a section with a problem says so on its tab, so a problem in a tab not shown is found
  const marked = (label: string, section: keyof RuleSet): ReactNode =>
    ruleDraft.check.bySection.has(section) ? (
      <span title="此项有误，请改正">
        {label} <Badge status="error" />
      </span>
    ) : (
      label
    );
  return (
    <div onKeyDown={(e) => enterMovesOn(e)} data-testid="rules-editor" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Alert
        type={locked ? 'info' : started.length > 0 ? 'warning' : 'success'}
        showIcon
        message={
          row.usedBy.length === 0
            ? '目前没有季度使用本规则集。'
            : locked
              ? `使用本规则集计分的季度：${quartersText(row.usedBy, newest)}。其中${quartersText(row.lockedPeriods)}已锁定，本规则集不能再修改；如需改用新规则，请“另存为新版本”并设置生效日期，过去的得分不变。`
              : `使用本规则集计分的季度：${quartersText(row.usedBy, newest)}。修改本规则集会改变${started.length > 0 ? `${quartersText(started)}已算出的得分` : '这些季度的得分'}；如只想从某日起改用新规则、过去的得分不变，请“另存为新版本”并设置生效日期。`
        }
      />
      {basics}
      <Tabs
        size="small"
        items={[
          { key: 'groups', label: marked(count('分组与任务', draft.groups.length), 'groups'), children: groupsTab },
          { key: 'categories', label: marked(count('信息类别', draft.categories.length), 'categories'), children: categoriesTab },
          { key: 'publications', label: marked(count('刊物', draft.publications.length), 'publications'), children: publicationsTab },
          { key: 'instructions', label: marked(count('批示', draft.instructionLevels.length), 'instructionLevels'), children: instructionsTab },
          { key: 'events', label: marked(count('加减分', draft.eventKinds.length), 'eventKinds'), children: eventsTab },
          { key: 'issuers', label: marked(count('约稿', draft.requestIssuers.length), 'requestIssuers'), children: issuersTab },
        ]}
      />
      {/* the problems and the buttons stay in sight at the foot of the window however long the table */}
      <div style={{ position: 'sticky', bottom: -12, zIndex: 3, background: '#fff', padding: '8px 0 10px', borderTop: '1px solid #f0f0f0', display: 'flex', flexDirection: 'column', gap: 8 }}>
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ padding: '4px 10px' }}
            message={`规则有误，改正后才能保存：${errors.slice(0, 3).join('；')}${errors.length > 3 ? `；另有 ${errors.length - 3} 处` : ''}`}
          />
        )}
        {refusal && asNew === null && <Alert type="error" showIcon message="没有保存" description={refusal} data-testid="rules-refusal" />}
        <Space wrap>
          <Button
            type={locked ? 'default' : 'primary'}
            disabled={locked || !dirty || errors.length > 0}
            loading={saving && asNew === null}
            onClick={() => (started.length > 0 ? setConfirming(true) : void save(draft, row.id))}
            data-testid="rules-save"
          >
            保存修改
          </Button>
          <Button type={locked ? 'primary' : 'default'} disabled={errors.length > 0} onClick={openAsNew} data-testid="rules-save-as">
            另存为新版本…
          </Button>
          <Button disabled={!dirty} onClick={ruleDraft.reset}>
            放弃修改
          </Button>
          {dirty && <Tag color="orange">有未保存的修改</Tag>}
        </Space>
      </div>
      <AddDialog spec={adding} onClose={() => setAdding(null)} />
      <Modal
        open={confirming}
        title="这次修改会改变过去季度的得分"
        onCancel={() => setConfirming(false)}
        afterClose={() => {
          const next = afterConfirm.current;
          afterConfirm.current = null;
          next?.();
        }}
        footer={[
          <Button key="cancel" onClick={() => setConfirming(false)}>
            取消
          </Button>,
          <Button
            key="overwrite"
            danger
            onClick={() => {
              setConfirming(false);
              void save(draft, row.id);
            }}
          >
            仍然修改（重算这些季度）
          </Button>,
          <Button
            key="new"
            type="primary"
            autoFocus
            onClick={() => {
              // the next dialog opens once this one has closed and given the focus back, so that its name keeps the focus
              afterConfirm.current = openAsNew;
              setConfirming(false);
            }}
          >
            另存为新版本…
          </Button>,
        ]}
      >
        <p data-testid="rules-change-quarters">本规则集已用于{quartersText(started)}。直接修改后，这些季度的得分、排名和通报数字都会按新规则重算。</p>
        <p>如只想从某个日期起改用新规则，请“另存为新版本”并设置生效日期，过去的得分不变。</p>
      </Modal>
      <Modal
        open={asNew !== null}
        title="另存为新版本"
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onCancel={() => setAsNew(null)}
        onOk={() => void saveAsNew()}
        destroyOnHidden
        afterOpenChange={(open) => open && focusNewName()}
      >
        <div onKeyDown={newDialogKeys} data-testid="rules-new-dialog">
          <Form layout="horizontal" labelCol={{ flex: '80px' }} colon={false} style={{ marginTop: 12 }}>
            <Form.Item label="名称" htmlFor="rules-new-name" style={{ marginBottom: 12 }} validateStatus={refusal?.includes('名称') ? 'error' : undefined}>
              <Input id="rules-new-name" ref={(el) => void (newName.current = el?.input ?? null)} value={asNew?.name} onChange={(e) => asNew && setAsNew({ ...asNew, name: e.target.value })} />
            </Form.Item>
            <Form.Item label="生效日期" htmlFor="rules-new-date" style={{ marginBottom: 12 }} validateStatus={refusal?.includes('日期') ? 'error' : undefined}>
              <DatePicker
                id="rules-new-date"
                format={DATE_FORMATS}
                placeholder="如 2021-01-01"
                value={asNew?.effectiveFrom ? dayjs(asNew.effectiveFrom) : null}
                onChange={(d) => asNew && setAsNew({ ...asNew, effectiveFrom: d ? d.format('YYYY-MM-DD') : '' })}
                style={{ width: 160 }}
              />
            </Form.Item>
          </Form>
          {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 8 }} data-testid="rules-new-refusal" />}
          <Typography.Text type="secondary">
            新版本从生效日所在季度的下一个季度起计分（生效日为季度第一天时从该季度起，建议填季度第一天）；之前的季度仍按原规则计分，得分不变。
          </Typography.Text>
        </div>
      </Modal>
    </div>
  );
}

export function RulesPage() {
  const changed = useChanged();
  const rows: Row[] = useApi('rules:list', {}).data ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const selected = picked !== null && rows.some((r) => r.id === picked) ? picked : (rows[rows.length - 1]?.id ?? null);
  const row = rows.find((r) => r.id === selected);
  const newestId = [...rows].sort((a, b) => a.rules.effectiveFrom.localeCompare(b.rules.effectiveFrom)).at(-1)?.id;
  const title = (r: Row): ReactNode => (
    <div style={{ padding: '2px 4px', lineHeight: 1.35 }}>
      <div style={{ fontWeight: 600 }}>{r.rules.name}</div>
      <div style={{ fontSize: 12, color: '#888' }}>
        {r.rules.effectiveFrom} 起{r.lockedPeriods.length > 0 ? ' · 已锁定' : ''}
      </div>
    </div>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={10}>
      <Card size="small" styles={{ body: { padding: 8 } }}>
        <Space wrap align="center">
          <Typography.Text type="secondary">规则集：</Typography.Text>
          <Segmented
            data-testid="rules-list"
            value={selected ?? undefined}
            // another rule set's editor replaces this one: unsaved edits are asked about first
            onChange={(v) => {
              const guard = useApp.getState().leaveGuard;
              if (!guard) return setPicked(Number(v));
              void guard().then((leave) => leave && setPicked(Number(v)));
            }}
            options={rows.map((r) => ({ value: r.id, label: title(r) }))}
          />
        </Space>
      </Card>
      <Card size="small" title={row ? `${row.rules.name}${row.rules.source ? `　${row.rules.source}` : ''}` : ''}>
        {row && (
          <Editor
            key={row.id}
            row={row}
            newest={row.id === newestId}
            onSaved={(id) => {
              setPicked(id);
              changed();
            }}
          />
        )}
      </Card>
    </Space>
  );
}
