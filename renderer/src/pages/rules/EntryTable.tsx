// The one table every list of a rule set is edited in (分组, 信息类别, 刊物, 批示, 加减分, 约稿): a list declares its
// columns; the table gives every entry the same name field first, the same expanded row (别名 and 条款, then what the
// list adds), the same 删除 at the end of the row, 上移 / 下移 in the expanded row, and the same 添加… button below.
import { Button, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RuleSet } from '../../../../shared/rules/schema';
import { NameInput, NamesLine, Remove, makeKey, useRuleEditing } from './parts';
import type { FieldSpec } from './RuleDialog';

/** The lists of a rule set whose entries have a key, a name and 别名. */
export type ListSection = 'groups' | 'categories' | 'publications' | 'instructionLevels' | 'eventKinds' | 'requestIssuers';
type Entry<S extends ListSection> = RuleSet[S][number];

export interface EntryColumn<E> {
  title: string;
  render: (entry: E, i: number) => ReactNode;
}

export interface EntryTableProps<S extends ListSection> {
  section: S;
  /** what one entry is called (刊物, 批示级别): 添加刊物…, 删除刊物「…」？ */
  what: string;
  /** the first column's title (刊物, 事项) and its name field's width */
  nameTitle: string;
  nameWidth?: number;
  columns: EntryColumn<Entry<S>>[];
  /** a line above the table: a list-wide choice, then the hint */
  head?: ReactNode;
  hint: string;
  /** the entry's own 条款 in the expanded row (a group's clauses are those of its task and grant) */
  clause?: boolean;
  /** what the expanded row shows below 别名 and 条款 */
  detail?: (entry: Entry<S>, i: number) => ReactNode;
  /** the fewest entries the list may have: 删除 is not offered below it */
  keep: number;
  removeNote?: string;
  /** what else goes with a deleted entry (its points in other lists) */
  onRemove?: (r: RuleSet, entry: Entry<S>) => void;
  /** the 添加… dialog: its fields after 名称, their first values, and the entry made from them (key and name given) */
  add: { fields: FieldSpec[]; initial: Record<string, unknown>; hint?: string; keyPrefix: string; make: (v: Record<string, unknown>, key: string, name: string) => Entry<S> };
  emptyText?: string;
  /** a wide table scrolls inside itself rather than the page */
  wide?: boolean;
}

export function EntryTable<S extends ListSection>(p: EntryTableProps<S>) {
  const { draft, edit, openAdd } = useRuleEditing();
  const list = draft[p.section] as Entry<S>[];
  const at = (r: RuleSet) => r[p.section] as Entry<S>[];
  const move = (i: number, by: -1 | 1) =>
    edit((r) => {
      const l = at(r);
      const [x] = l.splice(i, 1);
      l.splice(i + by, 0, x!);
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {p.head ? (
        <Space wrap>
          {p.head}
          <Typography.Text type="secondary">{p.hint}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{p.hint}</Typography.Text>
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={list}
        locale={p.emptyText ? { emptyText: p.emptyText } : undefined}
        scroll={p.wide ? { x: 'max-content' } : undefined}
        expandable={{
          expandedRowRender: (e, i) => (
            <Space direction="vertical" size={6} style={{ paddingLeft: 8 }}>
              <NamesLine
                aliases={e.aliases}
                onAliases={(v) => edit((r) => void (at(r)[i]!.aliases = v))}
                path={[p.section, i]}
                clause={p.clause && 'clause' in e ? { value: e.clause, onChange: (v) => edit((r) => void ((at(r)[i] as { clause: string }).clause = v)) } : undefined}
              />
              {p.detail?.(e, i)}
              {list.length > 1 && (
                // the order of the list is the order of the score tables and of every list the clerk picks from
                <Space size={4}>
                  次序
                  <Button size="small" aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑ 上移
                  </Button>
                  <Button size="small" aria-label="下移" disabled={i === list.length - 1} onClick={() => move(i, 1)}>
                    ↓ 下移
                  </Button>
                </Space>
              )}
            </Space>
          ),
        }}
        columns={[
          { title: p.nameTitle, render: (_, e, i) => <NameInput value={e.name} onChange={(v) => edit((r) => void (at(r)[i]!.name = v))} path={[p.section, i]} width={p.nameWidth} /> },
          ...p.columns.map((c) => ({ title: c.title, render: (_: unknown, e: Entry<S>, i: number) => c.render(e, i) })),
          {
            title: '',
            render: (_, e, i) =>
              list.length > p.keep && (
                <Remove
                  what={p.what}
                  name={e.name}
                  note={p.removeNote}
                  onConfirm={() =>
                    edit((r) => {
                      at(r).splice(i, 1);
                      p.onRemove?.(r, e);
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
          openAdd({
            title: `添加${p.what}`,
            names: list.map((x) => x.name),
            fields: [{ key: 'name', label: '名称', type: 'text' }, ...p.add.fields],
            initial: { name: '', ...p.add.initial },
            hint: p.add.hint,
            apply: (v) =>
              edit((r) => {
                const name = String(v.name);
                at(r).push(p.add.make(v, makeKey(name, at(r).map((x) => x.key), p.add.keyPrefix), name));
              }),
          })
        }
      >
        添加{p.what}…
      </Button>
    </Space>
  );
}
