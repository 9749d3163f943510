import { Alert, Button, Card, Col, Input, InputNumber, Modal, Row, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { Results } from '../../../shared/ipc/contract';
import { parseRuleSet, type RuleSet } from '../../../shared/rules/schema';
import { stars } from '../../../shared/labels';
import { api, attempt, call } from '../api';
import { quartersText, startedQuarters } from '../forms';
import { useChanged, useInfo } from '../store';
import { useApi } from '../useApi';

type Row = Results['rules:list'][number];

function num(value: number, onChange: (v: number) => void, min = -1000) {
  return <InputNumber size="small" value={value} min={min} max={1000} onChange={(v) => onChange(Number(v ?? 0))} style={{ width: 80 }} />;
}

function Editor({ row, newest, onSaved }: { row: Row; newest: boolean; onSaved: () => void }) {
  const today = useInfo()?.today ?? '';
  // the quarters whose scores a change of this rule set would alter (never silently: issue 13 §7)
  const started = startedQuarters(row.usedBy, today);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState<RuleSet>(structuredClone(row.rules));
  const [json, setJson] = useState('');
  const [asNew, setAsNew] = useState<{ name: string; effectiveFrom: string } | null>(null);
  // a reloaded row resets the draft during render, not in an effect (no extra render pass)
  const [draftOf, setDraftOf] = useState(row);
  if (draftOf !== row) {
    setDraftOf(row);
    setDraft(structuredClone(row.rules));
  }
  const locked = row.lockedPeriods.length > 0;
  const edit = (fn: (r: RuleSet) => void) => setDraft((d) => {
    const n = structuredClone(d);
    fn(n);
    return n;
  });
  const errors = (() => {
    const r = parseRuleSet(draft);
    return r.ok ? [] : r.errors;
  })();
  const save = async (rules: RuleSet, id?: number) => {
    const r = await attempt(() => call(api().rules.save({ ...(id ? { id } : {}), rules })));
    if (r) {
      void message.success('规则已保存');
      onSaved();
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={locked ? 'info' : started.length > 0 ? 'warning' : 'success'}
        showIcon
        message={
          row.usedBy.length > 0
            ? `使用本规则集计分的季度：${quartersText(row.usedBy, newest)}。修改本规则集会改变${started.length > 0 ? `${quartersText(started)}已算出的得分` : '这些季度的得分'}；如只想从某日起改用新规则、过去的得分不变，请“另存为新版本”并设置生效日期。`
            : '目前没有季度使用本规则集。'
        }
        description={locked ? `其中${quartersText(row.lockedPeriods)}已锁定：本规则集不能再修改，请“另存为新版本”并设置新的生效日期。` : undefined}
      />
      <Tabs
        size="small"
        items={[
          {
            key: 'quota',
            label: '报送任务',
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={draft.groups}
                columns={[
                  { title: '分组', dataIndex: 'name' },
                  { title: '考核周期', render: (_, g) => ({ week: '每周', month: '每月', quarter: '每季度', year: '每年' })[g.quota?.window ?? 'month'] },
                  { title: '最少条数', render: (_, g, i) => g.quota && num(g.quota.min, (v) => edit((r) => (r.groups[i]!.quota!.min = v)), 1) },
                  { title: '完成得分', render: (_, g, i) => g.quota && num(g.quota.points, (v) => edit((r) => (r.groups[i]!.quota!.points = v))) },
                  { title: '每少一条', render: (_, g, i) => g.quota && num(g.quota.shortfallPerItem, (v) => edit((r) => (r.groups[i]!.quota!.shortfallPerItem = v))) },
                  { title: '调研/专报要求', render: (_, g) => g.requirements.map((q) => `${q.name}：${q.conditions.map((c) => `${c.kind === 'research' ? '调研' : '专报'}≥${c.min}`).join('、')}（${q.window === 'quarter' ? '季度' : q.window === 'year' ? '年度' : '每月'}）得${q.points}分`).join('；') },
                ]}
              />
            ),
          },
          {
            key: 'pubs',
            label: '采用计分',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  多次采用：
                  <Select size="small" value={draft.adoptionCombine} onChange={(v) => edit((r) => (r.adoptionCombine = v))} options={[{ value: 'highest', label: '就高不就低（只计最高）' }, { value: 'sum', label: '累计' }]} style={{ width: 200 }} />
                </Space>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={draft.publications}
                  columns={[
                    { title: '刊物', dataIndex: 'name' },
                    { title: '单篇', render: (_, p, i) => num(p.points.single, (v) => edit((r) => (r.publications[i]!.points.single = v)), 0) },
                    { title: '综合', render: (_, p, i) => num(p.points.combined, (v) => edit((r) => (r.publications[i]!.points.combined = v)), 0) },
                    { title: '简讯', render: (_, p, i) => num(p.points.brief, (v) => edit((r) => (r.publications[i]!.points.brief = v)), 0) },
                    { title: '条款', dataIndex: 'clause' },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'instr',
            label: '批示加分',
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={draft.instructionLevels}
                columns={[
                  { title: '级别', render: (_, l) => `${l.name} ${stars(l.stars)}` },
                  { title: '单篇', render: (_, l, i) => num(l.points.single, (v) => edit((r) => (r.instructionLevels[i]!.points.single = v)), 0) },
                  { title: '综合', render: (_, l, i) => num(l.points.combined, (v) => edit((r) => (r.instructionLevels[i]!.points.combined = v)), 0) },
                ]}
              />
            ),
          },
          {
            key: 'events',
            label: '加减分与约稿',
            children: (
              <Row gutter={12}>
                <Col span={14}>
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={draft.eventKinds}
                    columns={[
                      { title: '事项', dataIndex: 'name' },
                      { title: '每次/每人', render: (_, e, i) => num(e.points, (v) => edit((r) => (r.eventKinds[i]!.points = v))) },
                      { title: '计入', render: (_, e) => (e.scope === 'year' ? '年度' : '当期') },
                      { title: '扣完为止', render: (_, e) => (e.floored ? '是' : '') },
                    ]}
                  />
                </Col>
                <Col span={10}>
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={draft.requestIssuers}
                    columns={[
                      { title: '约稿方', dataIndex: 'name' },
                      { title: '未完成扣分', render: (_, e, i) => num(e.missPoints, (v) => edit((r) => (r.requestIssuers[i]!.missPoints = v)), -1000) },
                    ]}
                  />
                </Col>
              </Row>
            ),
          },
          {
            key: 'json',
            label: '全部内容（高级）',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">可增加分组、刊物、事项等；保存前会逐项检查。</Typography.Text>
                <Input.TextArea rows={14} value={json || JSON.stringify(draft, null, 2)} onChange={(e) => setJson(e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} />
                <Button
                  onClick={() => {
                    try {
                      const parsed = parseRuleSet(JSON.parse(json || JSON.stringify(draft)));
                      if (!parsed.ok) return void Modal.error({ title: '规则有误', content: parsed.errors.join('\n') });
                      setDraft(parsed.value);
                      setJson('');
                      void message.success('已检查并应用到编辑中的规则（尚未保存）');
                    } catch {
                      Modal.error({ title: '格式有误', content: '内容不是有效的 JSON，请检查括号和引号。' });
                    }
                  }}
                >
                  检查并应用
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {errors.length > 0 && <Alert type="error" showIcon message="规则有误" description={errors.join('；')} />}
      <Space>
        <Button type="primary" disabled={locked || errors.length > 0} onClick={() => (started.length > 0 ? setConfirming(true) : void save(draft, row.id))}>
          保存修改
        </Button>
        <Button disabled={errors.length > 0} onClick={() => setAsNew({ name: `${draft.name}（新）`, effectiveFrom: '' })}>
          另存为新版本…
        </Button>
        <Button onClick={() => setDraft(structuredClone(row.rules))}>放弃修改</Button>
      </Space>
      <Modal
        open={confirming}
        title="这次修改会改变过去季度的得分"
        onCancel={() => setConfirming(false)}
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
              setConfirming(false);
              setAsNew({ name: `${draft.name}（新）`, effectiveFrom: '' });
            }}
          >
            另存为新版本…
          </Button>,
        ]}
      >
        <p data-testid="rules-change-quarters">
          本规则集已用于{quartersText(started)}。直接修改后，这些季度的得分、排名和通报数字都会按新规则重算。
        </p>
        <p>如只想从某个日期起改用新规则，请“另存为新版本”并设置生效日期，过去的得分不变。</p>
      </Modal>
      <Modal
        open={asNew !== null}
        title="另存为新版本"
        okText="保存"
        onCancel={() => setAsNew(null)}
        onOk={() => {
          if (!asNew || !/^\d{4}-\d{2}-\d{2}$/.test(asNew.effectiveFrom)) return void message.warning('请填写生效日期，如 2021-01-01');
          void save({ ...draft, name: asNew.name, effectiveFrom: asNew.effectiveFrom }).then(() => setAsNew(null));
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input autoFocus addonBefore="名称" value={asNew?.name} onChange={(e) => setAsNew({ ...asNew!, name: e.target.value })} />
          <Input addonBefore="生效日期" placeholder="2021-01-01（建议为季度第一天）" value={asNew?.effectiveFrom} onChange={(e) => setAsNew({ ...asNew!, effectiveFrom: e.target.value })} />
          <Typography.Text type="secondary">新规则从生效日所在季度的下一个季度起计分（生效日为季度第一天时从该季度起）；之前的期间仍按原规则计分。</Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}

export function RulesPage() {
  const changed = useChanged();
  const rows: Row[] = useApi('rules:list', {}).data ?? [];
  const [picked, setSelected] = useState<number | null>(null);
  const selected = picked ?? rows[rows.length - 1]?.id ?? null;
  const row = rows.find((r) => r.id === selected);
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Card size="small" title="规则集">
          {rows.map((r) => (
            <Card.Grid key={r.id} hoverable style={{ width: '100%', padding: 10, background: r.id === selected ? '#e8f0fb' : undefined, cursor: 'pointer' }} onClick={() => setSelected(r.id)}>
              <div style={{ fontWeight: 600 }}>{r.rules.name}</div>
              <div style={{ color: '#888', fontSize: 12 }}>{r.rules.effectiveFrom} 起生效</div>
              {r.lockedPeriods.length > 0 && <Tag color="blue">已用于锁定季度</Tag>}
            </Card.Grid>
          ))}
        </Card>
      </Col>
      <Col span={18}>
        <Card size="small" title={row ? `${row.rules.name}　${row.rules.source}` : ''}>
          {row && <Editor key={row.id} row={row} newest={row.id === rows[rows.length - 1]?.id} onSaved={changed} />}
        </Card>
      </Col>
    </Row>
  );
}
