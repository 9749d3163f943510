// The small pieces every list of the rule editor is made of: the draft being edited (shared through a context, so a
// list declares only its own columns), the number field, the name, 别名 and 条款 fields of an entry, and the keys.
import { Button, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { pinyin } from 'pinyin-pro';
import { createContext, useContext } from 'react';
import type { RuleSet } from '../../../../shared/rules/schema';
import { PUBLICATION_LEVEL_LABEL, RULE_WINDOW_LABEL, AWARD_LABEL, ADOPTION_COMBINE_LABEL, INSTRUCTION_COMBINE_LABEL, labelOptions } from '../../../../shared/labels';
import type { AddSpec } from './RuleDialog';

export type Path = (string | number)[];
export type Forms = { single: number; combined: number; brief: number };

export const LEVELS = labelOptions(PUBLICATION_LEVEL_LABEL);
export const WINDOWS = labelOptions(RULE_WINDOW_LABEL);
export const REQUIREMENT_WINDOWS = labelOptions(RULE_WINDOW_LABEL, ['month', 'quarter', 'year']);
// the engine gives `each_month` points in every scored month of the window, `once` in its last scored month only
export const AWARDS = labelOptions(AWARD_LABEL);
export const ADOPTION_COMBINE = labelOptions(ADOPTION_COMBINE_LABEL);
export const INSTRUCTION_COMBINE = labelOptions(INSTRUCTION_COMBINE_LABEL);
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD'];
export const FORM_LABEL = { single: '单篇', combined: '综合', brief: '简讯' } as const;
export const EXPAND_HINT = '点行首的 + 设置别名（导入时也认的其他写法）和条款';

/** What every piece of the editor needs: the draft, a change to it, whether a field is refused, and the add dialog. */
export interface RuleEditing {
  draft: RuleSet;
  edit: (fn: (r: RuleSet) => void) => void;
  /** 'error' when the check refuses the field at this path (groups.0.quota.min) */
  status: (...path: Path) => 'error' | undefined;
  openAdd: (spec: AddSpec) => void;
}

export const RuleEditingContext = createContext<RuleEditing | null>(null);

export function useRuleEditing(): RuleEditing {
  const ctx = useContext(RuleEditingContext);
  if (!ctx) throw new Error('规则编辑的部件只能放在规则编辑器中');
  return ctx;
}

const RESERVED = new Set(['research', 'special', 'none']);

/** A key from the name's pinyin initials (要情 → yq), unique among `taken`; made once, never changed by a rename. */
export function makeKey(name: string, taken: readonly string[], fallback: string): string {
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

/**
 * After a button adds or removes a row inside a table cell, the keyboard stays in that cell: once the change is drawn,
 * `selector` within the cell (its first match, or its last: the row just added) gets the focus.
 */
export function focusAfter(from: HTMLElement, selector: string, which: 'first' | 'last' = 'first'): void {
  const cell = from.closest('td');
  requestAnimationFrame(() => {
    const found = cell ? [...cell.querySelectorAll<HTMLElement>(selector)] : [];
    const target = which === 'last' ? found[found.length - 1] : found[0];
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  });
}

export function Num(props: {
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

export function Remove({ what, name, note, onConfirm }: { what: string; name: string; note?: string; onConfirm: () => void }) {
  return (
    <Popconfirm title={`删除${what}「${name}」？`} description={note} okText="删除" cancelText="取消" onConfirm={onConfirm}>
      <Button size="small" type="link" danger>
        删除
      </Button>
    </Popconfirm>
  );
}

export function NameInput({ value, onChange, path, width = 150 }: { value: string; onChange: (v: string) => void; path: Path; width?: number }) {
  const { status } = useRuleEditing();
  return <Input size="small" aria-label="名称" value={value} status={status(...path, 'name')} onChange={(e) => onChange(e.target.value)} style={{ width }} />;
}

/** 条款: the clause number of the regulation, shown with the score lines it gives */
export function ClauseInput({ value, onChange, path, label = '条款', width = 104 }: { value: string; onChange: (v: string) => void; path: Path; label?: string; width?: number }) {
  const { status } = useRuleEditing();
  return <Input size="small" aria-label={label} placeholder="如 二（一）" value={value} status={status(...path, 'clause')} onChange={(e) => onChange(e.target.value)} style={{ width }} />;
}

/** 别名 (the other names an import accepts) and 条款 of an entry: the first line of its expanded row */
export function NamesLine({ aliases, onAliases, path, clause }: { aliases: string[]; onAliases: (v: string[]) => void; path: Path; clause?: { value: string; onChange: (v: string) => void } }) {
  const { status } = useRuleEditing();
  return (
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
          <ClauseInput value={clause.value} onChange={clause.onChange} path={path} />
        </>
      )}
    </Space>
  );
}

/** 单篇 综合 简讯 points of a publication or a 批示 level (`only` the forms it has). */
export function FormPoints({ value, onChange, path, only = ['single', 'combined', 'brief'] }: { value: Forms; onChange: (f: keyof Forms, v: number) => void; path: Path; only?: (keyof Forms)[] }) {
  const { status } = useRuleEditing();
  return (
    <Space size={4}>
      {only.map((f) => (
        <span key={f}>
          {FORM_LABEL[f]} <Num label={FORM_LABEL[f]} min={0} width={64} value={value[f]} status={status(...path, f)} onChange={(v) => onChange(f, v ?? 0)} />
        </span>
      ))}
    </Space>
  );
}
