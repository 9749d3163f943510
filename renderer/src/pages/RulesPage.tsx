// 规则设置: the rule-set editor a clerk can use without editing JSON. Every part of a rule set is edited by form — groups and
// their 调研、专报 requirements, categories, publications, 批示 levels, 加减分 events, 约稿方, and each entry's 别名 and
// 条款 in its expanded row — in the office's words; keys are made from the name's pinyin once and never shown. The page
// is the list of rule sets above the editor of the one picked (rules/Editor.tsx); picking another with unsaved edits
// asks first.
import { Card, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useApp, useChanged } from '../store';
import { useApi } from '../useApi';
import { Editor, type RuleRow } from './rules/Editor';

export function RulesPage() {
  const changed = useChanged();
  const rows: RuleRow[] = useApi('rules:list', {}).data ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const selected = picked !== null && rows.some((r) => r.id === picked) ? picked : (rows[rows.length - 1]?.id ?? null);
  const row = rows.find((r) => r.id === selected);
  const newestId = [...rows].sort((a, b) => a.rules.effectiveFrom.localeCompare(b.rules.effectiveFrom)).at(-1)?.id;
  const title = (r: RuleRow): ReactNode => (
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
