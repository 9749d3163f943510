// A group's 调研、专报等要求: each a row of conditions (调研 ≥ 1 篇 且 专报 ≥ 2 篇) met within the window, and the points
// it gives; added through the same dialog as every list's entries.
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import type { RuleSet } from '../../../../shared/rules/schema';
import { AWARDS, ClauseInput, Num, REQUIREMENT_WINDOWS, Remove, focusAfter, useRuleEditing } from './parts';

type Group = RuleSet['groups'][number];
type Requirement = Group['requirements'][number];

export function Requirements({ group: g, index: i }: { group: Group; index: number }) {
  const { draft, edit, status, openAdd } = useRuleEditing();
  const kindOptions = [
    { value: 'research', label: '调研' },
    { value: 'special', label: '专报' },
    ...draft.categories.map((c, ci) => ({ value: c.key, label: c.name.trim() || `第${ci + 1}个类别` })),
  ];
  const at = (r: RuleSet, qi: number) => r.groups[i]!.requirements[qi]!;
  return (
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
              render: (_, q) => <Input size="small" aria-label="要求名称" value={q.name} status={status('groups', i, 'requirements', q.qi, 'name')} onChange={(e) => edit((r) => (at(r, q.qi).name = e.target.value))} style={{ width: 92 }} />,
            },
            {
              title: '周期',
              render: (_, q) => <Select size="small" aria-label="要求周期" value={q.window} options={REQUIREMENT_WINDOWS} onChange={(v) => edit((r) => (at(r, q.qi).window = v))} style={{ width: 78 }} />,
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
                        onChange={(v) => edit((r) => (at(r, q.qi).conditions[ci]!.kind = v))}
                        style={{ width: 80 }}
                      />
                      ≥
                      <Num label="最少篇数" int min={1} max={1000} width={52} value={c.min} status={status('groups', i, 'requirements', q.qi, 'conditions', ci, 'min')} onChange={(v) => edit((r) => (at(r, q.qi).conditions[ci]!.min = v ?? 1))} />
                      篇
                      {q.conditions.length > 1 && (
                        <Button
                          size="small"
                          type="text"
                          aria-label="删除条件"
                          title="删除这个条件"
                          onClick={(e) => {
                            focusAfter(e.currentTarget, 'button[aria-label="添加条件"]');
                            edit((r) => void at(r, q.qi).conditions.splice(ci, 1));
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
                        const conditions = at(r, q.qi).conditions;
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
              render: (_, q) => <Num label="要求得分" min={0} width={54} value={q.points} status={status('groups', i, 'requirements', q.qi, 'points')} onChange={(v) => edit((r) => (at(r, q.qi).points = v ?? 0))} />,
            },
            {
              title: '计分方式',
              render: (_, q) => <Select size="small" aria-label="计分方式" value={q.award} options={AWARDS} onChange={(v) => edit((r) => (at(r, q.qi).award = v))} style={{ width: 124 }} />,
            },
            { title: '条款', render: (_, q) => <ClauseInput value={q.clause} onChange={(v) => edit((r) => (at(r, q.qi).clause = v))} path={['groups', i, 'requirements', q.qi]} label="要求条款" width={80} /> },
            { title: '', render: (_, q) => <Remove what="要求" name={q.name} onConfirm={() => edit((r) => void r.groups[i]!.requirements.splice(q.qi, 1))} /> },
          ]}
        />
      )}
      <Button
        size="small"
        onClick={() =>
          openAdd({
            title: `给「${g.name}」添加要求`,
            names: g.requirements.map((q) => q.name),
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
                  window: v.window as Requirement['window'],
                  conditions: [{ kind: String(v.kind), min: Number(v.min ?? 1) }],
                  points: Number(v.points ?? 0),
                  award: v.award as Requirement['award'],
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
}
