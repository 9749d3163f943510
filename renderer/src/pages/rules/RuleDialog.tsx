// The one dialog of the rule editor (添加…, 另存为新版本): the first field has the focus as soon as the dialog shows; Enter
// moves to the next field and on the last one confirms; Ctrl+Enter confirms from any field; Esc (or 取消) closes it, and
// asks first when something was typed, so nothing typed is lost by a stray key.
import { Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { enterMovesOn } from '../../forms';
import { Num } from './parts';

/** Asks before typed input is lost; resolves true when the clerk lets it go. */
export function confirmDiscard(content: string): Promise<boolean> {
  let ok = false;
  return new Promise((resolve) =>
    Modal.confirm({
      title: '放弃未保存的修改？',
      content,
      okText: '放弃修改',
      cancelText: '继续修改',
      autoFocusButton: 'cancel',
      onOk: () => void (ok = true),
      afterClose: () => resolve(ok),
    }),
  );
}

/**
 * A dialog's first field takes the focus as soon as the dialog is on screen — not at the end of its opening animation,
 * so what the clerk types at once is not lost — and never once the clerk is already in one of its fields.
 */
function useFirstFocus(open: boolean, first: RefObject<HTMLInputElement | null>, select: boolean): () => void {
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

export function RuleDialog(props: {
  open: boolean;
  title: ReactNode;
  okText: string;
  onOk: () => void;
  onClose: () => void;
  /** something was typed: closing asks first */
  typed: boolean;
  first: RefObject<HTMLInputElement | null>;
  /** the first field's text is selected (a name offered to be changed) */
  selectFirst?: boolean;
  loading?: boolean;
  testId: string;
  /** a key the dialog handles before the rule (Enter on a date typed but not yet taken by the picker) */
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => boolean;
  children: ReactNode;
}) {
  const focusFirst = useFirstFocus(props.open, props.first, props.selectFirst === true);
  const keys = enterMovesOn(props.onOk);
  const asking = useRef(false);
  // open and settled (its opening animation done): the state a test waits for before it types
  const [shown, setShown] = useState(false);
  const leave = () => {
    if (!props.typed) return props.onClose();
    if (asking.current) return;
    asking.current = true;
    void confirmDiscard('对话框中已填写的内容不会保存。').then((ok) => {
      asking.current = false;
      if (ok) props.onClose();
    });
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      confirmLoading={props.loading}
      onOk={props.onOk}
      onCancel={leave}
      destroyOnHidden
      afterOpenChange={(open) => {
        setShown(open);
        if (open) focusFirst();
      }}
    >
      <div
        data-testid={props.testId}
        data-shown={shown ? 'true' : undefined}
        onKeyDown={(e) => {
          if (props.onKeyDown?.(e)) return;
          keys(e);
        }}
      >
        {props.children}
      </div>
    </Modal>
  );
}

// ---------------------------------------------------------------- 添加…: a dialog made from a list of fields

export type FieldSpec =
  | { key: string; label: string; type: 'text' }
  | { key: string; label: string; type: 'num'; min?: number; max?: number; int?: boolean; nullable?: boolean; placeholder?: string }
  | { key: string; label: string; type: 'select'; options: { value: string; label: string }[] }
  | { key: string; label: string; type: 'check'; text: string };

export interface AddSpec {
  title: string;
  fields: FieldSpec[];
  initial: Record<string, unknown>;
  /** names already used in this list: a second one is refused on the form */
  names: string[];
  apply: (v: Record<string, unknown>) => void;
  hint?: string;
}

export function AddDialog({ spec, onClose }: { spec: AddSpec | null; onClose: () => void }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
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
  const typed = spec !== null && JSON.stringify(values) !== JSON.stringify(spec.initial);
  return (
    <RuleDialog open={spec !== null} title={spec?.title} okText="添加" onOk={ok} onClose={onClose} typed={typed} first={first} testId="rules-add-dialog">
      {spec && (
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
      )}
    </RuleDialog>
  );
}
