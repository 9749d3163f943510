// The editor of one rule set: what it scores and for which quarters, its basics, its six lists in tabs, and the save —
// in place, after naming the quarters whose scores would change, or as a new version from a date, so past scores never
// change silently. Keys: Enter moves to the next field; Ctrl+Enter is 保存修改 from anywhere in the editor.
import { Alert, Badge, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Space, Tabs, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Results } from '../../../../shared/ipc/contract';
import type { RuleSet } from '../../../../shared/rules/schema';
import { JOINT_SPLIT_NAME, labelOptions } from '../../../../shared/labels';
import { ApiError, api, call } from '../../api';
import { enterMovesOn, quartersText, startedQuarters } from '../../forms';
import { useApp } from '../../store';
import { CategoriesList, EventsList, GroupsList, InstructionsList, IssuersList, PublicationsList } from './lists';
import { DATE_FORMATS, RuleEditingContext, type Path, type RuleEditing } from './parts';
import { AddDialog, RuleDialog, type AddSpec } from './RuleDialog';
import { useRuleDraft } from './useRuleDraft';

export type RuleRow = Results['rules:list'][number];

/** 名称, 生效日期, 依据 and the rule-wide choices above the lists. */
function Basics({ draft, edit, status }: Pick<RuleEditing, 'draft' | 'edit' | 'status'>) {
  return (
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
        <Radio.Group size="small" value={draft.jointSplit} onChange={(e) => edit((r) => (r.jointSplit = e.target.value as RuleSet['jointSplit']))} options={labelOptions(JOINT_SPLIT_NAME)} />
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
}

/** 另存为新版本: a name and the date the new version takes effect. */
function SaveAsNewDialog(props: { open: boolean; initialName: string; saving: boolean; refusal: string | null; onRefuse: (why: string) => void; onSave: (name: string, effectiveFrom: string) => void; onClose: () => void }) {
  const [name, setName] = useState(props.initialName);
  const [date, setDate] = useState('');
  const [openSeen, setOpenSeen] = useState(props.open);
  if (props.open !== openSeen) {
    setOpenSeen(props.open);
    if (props.open) {
      setName(props.initialName);
      setDate('');
    }
  }
  const first = useRef<HTMLInputElement>(null);
  /** `typed`: the date as typed in the picker when the keys save before the picker has reported it. */
  const save = (typed?: string) => {
    const effectiveFrom = typed ?? date;
    if (name.trim() === '') return props.onRefuse('名称：不能为空');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return props.onRefuse('生效日期：请选择或输入生效日期，如 2021-01-01');
    props.onSave(name.trim(), effectiveFrom);
  };
  const typedDate = (): string | undefined => {
    const el = document.getElementById('rules-new-date');
    const d = el instanceof HTMLInputElement ? dayjs(el.value, DATE_FORMATS, true) : null;
    return d?.isValid() ? d.format('YYYY-MM-DD') : undefined;
  };
  // Enter or Ctrl+Enter on a date typed in full saves it, even before the picker has taken it
  const keys = (e: KeyboardEvent<HTMLElement>): boolean => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return false;
    const onDate = e.target instanceof HTMLInputElement && e.target.id === 'rules-new-date';
    if (!onDate && !(e.ctrlKey || e.metaKey)) return false;
    e.preventDefault();
    save(typedDate());
    return true;
  };
  return (
    <RuleDialog
      open={props.open}
      title="另存为新版本"
      okText="保存"
      onOk={() => save(typedDate())}
      onClose={props.onClose}
      typed={name !== props.initialName || date !== ''}
      first={first}
      selectFirst
      loading={props.saving}
      testId="rules-new-dialog"
      onKeyDown={keys}
    >
      <Form layout="horizontal" labelCol={{ flex: '80px' }} colon={false} style={{ marginTop: 12 }}>
        <Form.Item label="名称" htmlFor="rules-new-name" style={{ marginBottom: 12 }} validateStatus={props.refusal?.includes('名称') ? 'error' : undefined}>
          <Input id="rules-new-name" ref={(el) => void (first.current = el?.input ?? null)} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label="生效日期" htmlFor="rules-new-date" style={{ marginBottom: 12 }} validateStatus={props.refusal?.includes('日期') ? 'error' : undefined}>
          <DatePicker id="rules-new-date" format={DATE_FORMATS} placeholder="如 2021-01-01" value={date ? dayjs(date) : null} onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : '')} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {props.refusal && <Alert type="error" showIcon message={props.refusal} style={{ marginBottom: 8 }} data-testid="rules-new-refusal" />}
      <Typography.Text type="secondary">
        新版本从生效日所在季度的下一个季度起计分（生效日为季度第一天时从该季度起，建议填季度第一天）；之前的季度仍按原规则计分，得分不变。
      </Typography.Text>
    </RuleDialog>
  );
}

export function Editor({ row, newest, onSaved }: { row: RuleRow; newest: boolean; onSaved: (id: number) => void }) {
  const today = useApp((s) => s.info?.today ?? '');
  const started = startedQuarters(row.usedBy, today);
  const locked = row.lockedPeriods.length > 0;
  const ruleDraft = useRuleDraft(row.rules);
  const { draft, dirty } = ruleDraft;
  const [adding, setAdding] = useState<AddSpec | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [asNew, setAsNew] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const afterConfirm = useRef<(() => void) | null>(null);
  // the same checks as the service and the rule file, in the clerk's words (刊物「…」的分值（单篇）：…), made a
  // moment after the typing stops
  const { errors, bad } = ruleDraft.check;
  const editing: RuleEditing = {
    draft,
    edit: (fn) => {
      setRefusal(null);
      ruleDraft.edit(fn);
    },
    status: (...path: Path) => (bad.has(path.join('.')) ? 'error' : undefined),
    openAdd: setAdding,
  };

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
    setAsNew(true);
  };
  /** 保存修改, by the button or by Ctrl+Enter anywhere in the editor */
  const saveInPlace = () => {
    if (saving) return;
    if (locked) return setRefusal(`本规则集已用于已锁定的季度（${quartersText(row.lockedPeriods)}），不能再修改；请按“另存为新版本”。`);
    if (!dirty) return void message.info('没有需要保存的修改');
    if (started.length > 0) {
      if (ruleDraft.checkNow().errors.length > 0) return void save(draft, row.id);
      return setConfirming(true);
    }
    void save(draft, row.id);
  };

  // a section with a problem says so on its tab, so a problem in a tab not shown is found
  const tab = (key: string, label: string, n: number, section: keyof RuleSet, children: ReactNode) => ({
    key,
    label: ruleDraft.check.bySection.has(section) ? (
      <span title="此项有误，请改正">
        {label}（{n}） <Badge status="error" />
      </span>
    ) : (
      `${label}（${n}）`
    ),
    children,
  });
  return (
    <RuleEditingContext.Provider value={editing}>
      <div onKeyDown={enterMovesOn(saveInPlace, { lastSaves: false })} data-testid="rules-editor" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
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
        <Basics draft={draft} edit={editing.edit} status={editing.status} />
        <Tabs
          size="small"
          items={[
            tab('groups', '分组与任务', draft.groups.length, 'groups', <GroupsList />),
            tab('categories', '信息类别', draft.categories.length, 'categories', <CategoriesList />),
            tab('publications', '刊物', draft.publications.length, 'publications', <PublicationsList />),
            tab('instructions', '批示', draft.instructionLevels.length, 'instructionLevels', <InstructionsList />),
            tab('events', '加减分', draft.eventKinds.length, 'eventKinds', <EventsList />),
            tab('issuers', '约稿', draft.requestIssuers.length, 'requestIssuers', <IssuersList />),
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
          {refusal && !asNew && <Alert type="error" showIcon message="没有保存" description={refusal} data-testid="rules-refusal" />}
          <Space wrap>
            <Button type={locked ? 'default' : 'primary'} disabled={locked || !dirty || errors.length > 0} loading={saving && !asNew} onClick={saveInPlace} data-testid="rules-save" title="Ctrl+回车">
              保存修改
            </Button>
            <Button type={locked ? 'primary' : 'default'} disabled={errors.length > 0} onClick={openAsNew} data-testid="rules-save-as">
              另存为新版本…
            </Button>
            <Button disabled={!dirty} onClick={ruleDraft.reset}>
              放弃修改
            </Button>
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              回车到下一项，Ctrl+回车保存修改
            </Typography.Text>
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
        <SaveAsNewDialog
          open={asNew}
          initialName={`${draft.name}（新）`}
          saving={saving}
          refusal={refusal}
          onRefuse={setRefusal}
          onSave={(name, effectiveFrom) => void save({ ...draft, name, effectiveFrom }).then((ok) => ok && setAsNew(false))}
          onClose={() => setAsNew(false)}
        />
      </div>
    </RuleEditingContext.Provider>
  );
}
