// Correcting a record in place, without deleting and entering it again: an item, an adoption, a 批示. Each editor checks what entry checks
// (the services refuse a locked quarter by name), focuses its first field, and Enter moves field by field.
import { Alert, Checkbox, Form, Input, Modal, Select, Space, Typography, message } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ItemKind } from '../../../shared/domain';
import type { ItemDetailView } from '../../../shared/ipc/contract';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, JOINT_SPLIT_LABEL, publicationTitle, stars } from '../../../shared/labels';
import { ITEM_BODY_MAX } from '../../../shared/journal';
import { splitList } from '../../../shared/text';
import { api, attempt, call } from '../api';
import { CATEGORY_SEARCH, categoryOptions, confirmDate, dateFromText, enterMovesOn } from '../forms';
import { PUBLICATION_SEARCH } from '../pinyin';
import { rulesFor, useChanged, useInfo } from '../store';
import { UnitSelect, UnitsSelect } from './UnitSelect';

/** Asks the services what looks wrong with adoptions about to be saved; resolves true to go on. */
export async function confirmAdoptionWarnings(list: Parameters<ReturnType<typeof api>['adoptions']['check']>[0]['list'], excludeId?: number): Promise<boolean> {
  const warnings = await attempt(() => call(api().adoptions.check(excludeId === undefined ? { list } : { list, excludeId })));
  if (!warnings || warnings.length === 0) return warnings !== undefined;
  return new Promise((resolve) =>
    Modal.confirm({
      title: '请核对这些采用记录',
      width: 560,
      content: (
        <div data-testid="adoption-warnings">
          {warnings.map((w) => (
            <div key={w}>· {w}</div>
          ))}
          <div style={{ marginTop: 8 }}>确认无误再保存；有误请返回修改。</div>
        </div>
      ),
      okText: '确认无误，保存',
      cancelText: '返回修改',
      autoFocusButton: 'cancel',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );
}

/** The publications a date may pick: those of the rule set that scores the date's quarter. */
export function publicationOptions(info: ReturnType<typeof useInfo>, date: string | null) {
  return (rulesFor(info, date)?.publications ?? []).map((p) => ({ value: p.key, label: publicationTitle(p.name), name: p.name }));
}

/** The record editors' labelled fields: labels in one column, the fields beside them. */
const EDITOR_FORM = { layout: 'horizontal', labelCol: { flex: '72px' }, wrapperCol: { flex: 1 }, colon: false, style: { marginTop: 16 } } as const;

/**
 * Closing an editor (Esc, ×, 取消) with changes not saved asks first, 继续修改 focused: an Esc meant for a dropdown
 * never throws a clerk's corrections away. Nothing changed: it closes at once.
 */
function guardedClose(dirty: boolean, onClose: () => void): () => void {
  return () => {
    if (!dirty) return onClose();
    Modal.confirm({
      title: '放弃未保存的修改？',
      content: '刚才的修改还没有保存。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续修改',
      autoFocusButton: 'cancel',
      onOk: onClose,
    });
  };
}

function useFirstFocus() {
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    const t = setTimeout(() => ref.current?.focus(), 50);
    return () => clearTimeout(t);
  }, []);
  return ref;
}

export function ItemEditor({ item, onClose }: { item: ItemDetailView; onClose: () => void }) {
  const info = useInfo();
  const changed = useChanged();
  const [unitId, setUnitId] = useState<number | undefined>(item.unitId);
  const [dateText, setDateText] = useState(item.date);
  const [title, setTitle] = useState(item.title);
  const [kinds, setKinds] = useState<ItemKind[]>(item.kinds);
  const [authors, setAuthors] = useState(item.authorList.join('、'));
  const [note, setNote] = useState(item.note);
  const [body, setBody] = useState(item.body);
  const [category, setCategory] = useState<string | null>(item.category);
  const [joint, setJoint] = useState<number[]>(item.jointUnits.map((u) => u.id));
  const [busy, setBusy] = useState(false);
  const first = useFirstFocus();
  const date = dateFromText(dateText, info?.today ?? item.date);
  const rules = rulesFor(info, date);
  const categories = rules?.categories ?? [];
  // a category the date's rule set does not have is shown as a problem, never dropped silently
  const lostCategory = category !== null && !categories.some((c) => c.key === category) ? (item.categoryName ?? category) : null;
  const jointUnits = joint.filter((u) => u !== unitId);
  const dirty =
    JSON.stringify([unitId, dateText, title, kinds, authors, note, category, jointUnits, body]) !==
    JSON.stringify([item.unitId, item.date, item.title, item.kinds, item.authorList.join('、'), item.note, item.category, item.jointUnits.map((u) => u.id), item.body]);
  const toggle = (k: ItemKind) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));
  const save = async () => {
    if (busy) return;
    if (!unitId) return void message.warning({ key: 'edit', content: '请选择报送单位' });
    if (!date) return void message.warning({ key: 'edit', content: '报送日期无效，请写成 2019-04-03 或 2019/4/3' });
    if (title.trim() === '') return void message.warning({ key: 'edit', content: '标题不能为空' });
    if (lostCategory) return void message.warning({ key: 'edit', content: `${date} 适用的规则没有“${lostCategory}”这一信息类别，请重新选择信息类别` });
    if (date !== item.date && !(await confirmDate(info, date))) return;
    setBusy(true);
    const r = await attempt(() => call(api().items.update({ id: item.id, item: { unitId, date, title: title.trim(), kinds, authors: splitList(authors), note, category, jointUnitIds: jointUnits, ...(body !== item.body ? { body: body.trim() ? body.trimEnd() : '' } : {}) } })));
    setBusy(false);
    if (r) {
      void message.success({ key: 'edit', content: `已修改：${r.no}` });
      changed({ kind: 'item', date: r.date, id: r.id, label: `${r.no} ${r.title}` });
      onClose();
    }
  };
  return (
    <Modal open title={`修改信息 ${item.no}`} onCancel={guardedClose(dirty, onClose)} onOk={() => void save()} okText="保存修改" cancelText="取消" confirmLoading={busy} okButtonProps={{ id: 'item-edit-save' }} width={640}>
      <div onKeyDown={enterMovesOn(() => void save())} data-testid="item-editor">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input id="item-edit-title" ref={first} addonBefore="标题" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
          <Space wrap>
            <UnitSelect id="item-edit-unit" value={unitId} onChange={setUnitId} style={{ width: 220 }} />
            <Input id="item-edit-date" addonBefore="报送日期" value={dateText} onChange={(e) => setDateText(e.target.value)} status={date ? undefined : 'error'} style={{ width: 220 }} />
            <Checkbox checked={kinds.includes('research')} onChange={() => toggle('research')}>
              调研
            </Checkbox>
            <Checkbox checked={kinds.includes('special')} onChange={() => toggle('special')}>
              专报
            </Checkbox>
          </Space>
          {(categories.length > 0 || category !== null) && (
            <Space.Compact style={{ width: '100%' }}>
              <Space.Addon>信息类别</Space.Addon>
              <Select
                id="item-edit-category"
                aria-label="信息类别"
                allowClear
                showSearch={CATEGORY_SEARCH}
                placeholder="无"
                status={lostCategory ? 'error' : undefined}
                value={category ?? undefined}
                onChange={(v: string | undefined) => setCategory(v ?? null)}
                options={[
                  ...categoryOptions(categories),
                  ...(lostCategory && category ? [{ value: category, label: `${lostCategory}（该日期的规则中没有）` }] : []),
                ]}
                style={{ width: '100%' }}
              />
            </Space.Compact>
          )}
          <Space.Compact style={{ width: '100%' }}>
            <Space.Addon>合报单位</Space.Addon>
            <UnitsSelect id="item-edit-joint" aria-label="合报单位" value={jointUnits} onChange={setJoint} exclude={unitId} placeholder="无（与其他单位联合报送时选，可多选）" style={{ flex: 1 }} />
          </Space.Compact>
          {jointUnits.length > 0 && rules && <Typography.Text type="secondary">{JOINT_SPLIT_LABEL[rules.jointSplit]}；报送单位为牵头单位。</Typography.Text>}
          <Input id="item-edit-authors" addonBefore="作者" value={authors} onChange={(e) => setAuthors(e.target.value)} placeholder="多人用、分隔" />
          <Input id="item-edit-note" addonBefore="备注" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          {/* the last field, reached by Tab: Enter in it is a new line, Ctrl+Enter saves */}
          <Typography.Text type="secondary">正文</Typography.Text>
          <Input.TextArea
            id="item-edit-body"
            aria-label="正文"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder="正文（可不填）"
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={ITEM_BODY_MAX}
          />
          <Typography.Text type="secondary">回车到下一项，备注中回车或“保存修改”保存；正文用 Tab 进入，其中回车换行，Ctrl+回车保存。修改记入操作记录。</Typography.Text>
        </Space>
      </div>
    </Modal>
  );
}

type AdoptionRecord = ItemDetailView['adoptionRecords'][number]['record'];

export function AdoptionEditor({ itemId, record, onClose }: { itemId: number; record: AdoptionRecord & { note?: string }; onClose: () => void }) {
  const info = useInfo();
  const changed = useChanged();
  const [dateText, setDateText] = useState(record.date);
  const [publication, setPublication] = useState<string | undefined>(record.publication);
  const [form, setForm] = useState(record.form);
  const [issueNo, setIssueNo] = useState(record.issueNo);
  const [busy, setBusy] = useState(false);
  const first = useFirstFocus();
  const date = dateFromText(dateText, info?.today ?? record.date);
  const options = publicationOptions(info, date);
  const offered = options.some((o) => o.value === publication);
  const dirty = JSON.stringify([dateText, publication, form, issueNo]) !== JSON.stringify([record.date, record.publication, record.form, record.issueNo]);
  const save = async () => {
    if (busy) return;
    if (!date) return void message.warning({ key: 'edit', content: '采用日期无效' });
    if (!publication || !offered) return void message.warning({ key: 'edit', content: '请选择该日期适用的刊物' });
    const adoption = { itemId, publication, form, date, issueNo: issueNo.trim(), note: record.note ?? '' };
    if (!(await confirmDate(info, date)) || !(await confirmAdoptionWarnings([adoption], record.id))) return;
    setBusy(true);
    const r = await attempt(() => call(api().adoptions.update({ id: record.id, adoption })));
    setBusy(false);
    if (r !== undefined) {
      void message.success({ key: 'edit', content: '已修改采用记录' });
      changed();
      onClose();
    }
  };
  return (
    <Modal open title="修改采用记录" onCancel={guardedClose(dirty, onClose)} onOk={() => void save()} okText="保存修改" cancelText="取消" confirmLoading={busy} okButtonProps={{ id: 'adoption-edit-save' }}>
      {/* every field has a label the eye and a screen reader both find (the selects had only their value to go by) */}
      <div onKeyDown={enterMovesOn(() => void save())}>
        <Form {...EDITOR_FORM} data-testid="adoption-editor">
          <Form.Item label="采用日期" htmlFor="adoption-edit-date">
            <Input id="adoption-edit-date" ref={first} value={dateText} onChange={(e) => setDateText(e.target.value)} status={date ? undefined : 'error'} />
          </Form.Item>
          <Form.Item label="刊物" htmlFor="adoption-edit-publication">
            <Select id="adoption-edit-publication" aria-label="刊物" showSearch={PUBLICATION_SEARCH} value={offered ? publication : undefined} placeholder="按采用日期适用的规则" onChange={setPublication} options={options} />
          </Form.Item>
          <Form.Item label="形式" htmlFor="adoption-edit-form">
            <Select id="adoption-edit-form" aria-label="形式" value={form} onChange={setForm} options={Object.entries(ADOPTION_FORM_LABEL).map(([v, l]) => ({ value: v, label: l }))} />
          </Form.Item>
          <Form.Item label="期号" htmlFor="adoption-edit-issue">
            <Input id="adoption-edit-issue" value={issueNo} onChange={(e) => setIssueNo(e.target.value)} placeholder="如 第12期" />
          </Form.Item>
          {!offered && publication && <Alert type="warning" showIcon message="原刊物不属于该日期适用的规则，请重新选择刊物或核对日期。" />}
        </Form>
      </div>
    </Modal>
  );
}

type InstructionRecord = ItemDetailView['instructionRecords'][number]['record'];

export function InstructionEditor({ itemId, record, onClose }: { itemId: number; record: InstructionRecord & { note?: string }; onClose: () => void }) {
  const info = useInfo();
  const changed = useChanged();
  const [dateText, setDateText] = useState(record.date);
  const [level, setLevel] = useState(record.level);
  const [form, setForm] = useState(record.form);
  const [leader, setLeader] = useState(record.leader);
  const [busy, setBusy] = useState(false);
  const first = useFirstFocus();
  const date = dateFromText(dateText, info?.today ?? record.date);
  const rules = rulesFor(info, date);
  const dirty = JSON.stringify([dateText, level, form, leader]) !== JSON.stringify([record.date, record.level, record.form, record.leader]);
  const save = async () => {
    if (busy) return;
    if (!date) return void message.warning({ key: 'edit', content: '批示日期无效' });
    if (!(await confirmDate(info, date))) return;
    setBusy(true);
    const r = await attempt(() => call(api().instructions.update({ id: record.id, instruction: { itemId, level, form, date, leader: leader.trim(), note: record.note ?? '' } })));
    setBusy(false);
    if (r !== undefined) {
      void message.success({ key: 'edit', content: '已修改批示记录' });
      changed();
      onClose();
    }
  };
  return (
    <Modal open title="修改批示记录" onCancel={guardedClose(dirty, onClose)} onOk={() => void save()} okText="保存修改" cancelText="取消" confirmLoading={busy} okButtonProps={{ id: 'instruction-edit-save' }}>
      <div onKeyDown={enterMovesOn(() => void save())}>
        <Form {...EDITOR_FORM} data-testid="instruction-editor">
          <Form.Item label="批示日期" htmlFor="instruction-edit-date">
            <Input id="instruction-edit-date" ref={first} value={dateText} onChange={(e) => setDateText(e.target.value)} status={date ? undefined : 'error'} />
          </Form.Item>
          <Form.Item label="批示级别" htmlFor="instruction-edit-level">
            <Select id="instruction-edit-level" aria-label="批示级别" value={level} onChange={setLevel} options={rules?.instructionLevels.map((l) => ({ value: l.key, label: `${l.name} ${stars(l.stars)}` }))} />
          </Form.Item>
          <Form.Item label="形式" htmlFor="instruction-edit-form">
            <Select id="instruction-edit-form" aria-label="形式" value={form} onChange={setForm} options={Object.entries(INSTRUCTION_FORM_LABEL).map(([v, l]) => ({ value: v, label: l }))} />
          </Form.Item>
          <Form.Item label="批示领导" htmlFor="instruction-edit-leader">
            <Input id="instruction-edit-leader" value={leader} onChange={(e) => setLeader(e.target.value)} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
