import { Alert, Button, Checkbox, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { useApp } from '../store';

const SHEETS: Record<string, string> = { units: '单位', items: '信息', adoptions: '采用', instructions: '批示', requests: '约稿', events: '加减分' };

export function ReportView({ report }: { report: ImportReportView }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {report.problems.length > 0 ? (
        <Alert type="error" showIcon message={`发现 ${report.problems.length} 个问题，数据没有任何改动。请修改工作簿后重新导入。`} />
      ) : (
        <Alert
          type={report.applied ? 'success' : 'info'}
          showIcon
          message={report.applied ? '导入完成' : '检查通过，可以导入'}
          description={Object.entries(report.counts)
            .map(([k, c]) => `${SHEETS[k] ?? k}：新增 ${c.added}，修改 ${c.changed}，未变 ${c.unchanged}`)
            .join('；')}
        />
      )}
      {report.problems.length > 0 && (
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={{ pageSize: 8, showSizeChanger: false }}
          dataSource={report.problems}
          columns={[
            { title: '工作表', dataIndex: 'sheet', width: 70 },
            { title: '行', dataIndex: 'row', width: 50 },
            { title: '列', dataIndex: 'column', width: 90 },
            { title: '内容', dataIndex: 'value', width: 120, ellipsis: true },
            { title: '问题', dataIndex: 'reason' },
          ]}
        />
      )}
      {report.problems.length === 0 && report.orderChanges.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-order-changes"
          message={`${report.applied ? '已改变' : '将改变'} ${report.orderChanges.length} 个单位的排序（名单、计分表和通报按排序列出）`}
          description={report.orderChanges.map((c) => `${c.name}：${c.from} → ${c.to}`).join('；')}
        />
      )}
      {report.sheets.map((s) => (
        <Typography.Text key={s.sheet} type="secondary" data-testid="import-columns">
          {`工作表“${s.sheet}”按“${s.as}”表读取（表头第${s.headerRow}行）：${s.columns.map((c) => `${c.column}列“${c.header || '（空）'}”→${c.as}`).join('；')}`}
        </Typography.Text>
      ))}
      {report.notes.map((n) => (
        <Typography.Text key={n} type="secondary">
          {n}
        </Typography.Text>
      ))}
    </Space>
  );
}

type SimilarRow = ImportReportView['similar'][number];

/** The rows left out at the clerk's choice: listed before the import, and afterwards saved as a workbook to fix. */
function SkippedRows({ report }: { report: ImportReportView }) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    const r = await attempt(() => call(api().data.saveSkipped({ rows: report.skipped, headers: report.skippedHeaders })));
    if (r) setSaved(r.file);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-skipped">
      <Alert
        type="warning"
        showIcon
        message={report.applied ? `跳过了 ${report.skipped.length} 行，没有导入` : `将跳过 ${report.skipped.length} 行有问题的行，其余各行一并导入`}
        description={report.applied ? '请把跳过的行存为工作簿，改正后再导入。' : '跳过的行不会写入；导入后可把它们存为工作簿，改正后再导入。'}
        action={
          report.applied ? (
            <Button size="small" onClick={save} data-testid="save-skipped">
              把跳过的行存为工作簿
            </Button>
          ) : undefined
        }
      />
      {saved && <Typography.Text type="success">{`已保存：${saved}`}</Typography.Text>}
      <Table
        size="small"
        rowKey={(r) => `${r.sheet}-${r.row}`}
        pagination={{ pageSize: 6, showSizeChanger: false, hideOnSinglePage: true }}
        dataSource={report.skipped}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 70 },
          { title: '行', dataIndex: 'row', width: 50 },
          { title: '内容', width: 220, ellipsis: true, render: (_, r) => r.values.filter((v) => v !== '').join(' | ') },
          { title: '问题', render: (_, r) => r.reasons.join('；') },
        ]}
      />
    </Space>
  );
}

/** New items that resemble one already in the ledger, each beside it: the clerk ticks the ones that are really new. */
function SimilarRows({ rows, ticked, onTick }: { rows: SimilarRow[]; ticked: Set<number>; onTick: (row: number, on: boolean) => void }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-similar">
      <Alert
        type="warning"
        showIcon
        message={`${rows.length} 条新信息与已有信息相近（同一单位，标题相似，日期相近）`}
        description="可能是改过标题后重复导入。默认不导入；确属另一条信息的，请勾选后再确认导入。"
      />
      <Table
        size="small"
        rowKey="row"
        pagination={false}
        scroll={{ y: 220 }}
        dataSource={rows}
        columns={[
          {
            title: '导入',
            width: 56,
            render: (_, r) => (
              <Checkbox
                checked={ticked.has(r.row)}
                aria-label={`导入第${r.row}行`}
                data-testid={`similar-tick-${r.row}`}
                onChange={(e) => onTick(r.row, e.target.checked)}
              />
            ),
          },
          { title: '行', dataIndex: 'row', width: 50 },
          { title: '单位', dataIndex: 'unit', width: 110, ellipsis: true },
          { title: '工作簿中', render: (_, r) => `${r.date} ${r.title}` },
          { title: '已有信息', render: (_, r) => `${r.existing.no}　${r.existing.date} ${r.existing.title}` },
        ]}
      />
    </Space>
  );
}

const letters = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

type Mapping = { signature: string; sheetKey: 'items'; columns: Record<string, number> };

/** For a sheet whose headers were not recognised: the clerk says which column is which (remembered for next time). */
function ColumnMapper({ report, busy, onApply }: { report: ImportReportView; busy: boolean; onApply: (m: Mapping) => void }) {
  const sheet = report.unrecognised[0]!;
  const [columns, setColumns] = useState<Record<string, number>>({});
  const missing = report.mappable.columns.filter((c) => c.required && !columns[c.key]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="column-mapper">
      <Alert
        type="warning"
        showIcon
        message={`工作表“${sheet.sheet}”的表头（第${sheet.headerRow}行）没有识别出来`}
        description={`如果它是报送信息台账，请指出各列对应的内容，程序会记住这种表格，下次导入不再询问。`}
      />
      {report.mappable.columns.map((c) => (
        <Space key={c.key}>
          <span style={{ display: 'inline-block', width: 90 }}>
            {c.header}
            {c.required ? ' *' : ''}
          </span>
          <Select
            style={{ width: 280 }}
            allowClear
            placeholder={c.key === 'no' ? '（无：按单位、日期、标题生成编号）' : '（无）'}
            value={columns[c.key]}
            data-testid={`map-${c.key}`}
            options={sheet.headers.map((h) => ({ value: h.column, label: `${letters(h.column)}列：${h.text}` }))}
            onChange={(v: number | undefined) =>
              setColumns((prev) => {
                const next = { ...prev };
                if (v) next[c.key] = v;
                else delete next[c.key];
                return next;
              })
            }
          />
        </Space>
      ))}
      <Button
        type="primary"
        disabled={missing.length > 0}
        loading={busy}
        data-testid="apply-mapping"
        onClick={() => onApply({ signature: sheet.signature, sheetKey: 'items', columns })}
      >
        {missing.length > 0 ? `请指定：${missing.map((c) => c.header).join('、')}` : '按此对应重新检查'}
      </Button>
    </Space>
  );
}

/** Choose a workbook → dry run report → confirm. Nothing is written before the clerk confirms. */
export function ImportButton({ label = '导入 Excel 工作簿', type }: { label?: string; type?: 'primary' | 'default' }) {
  const changed = useApp((s) => s.changed);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [busy, setBusy] = useState(false);
  // the near-duplicate rows the clerk ticked to import all the same (none by default)
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  // the clerk chose 跳过有问题的行 for this workbook
  const [skip, setSkip] = useState(false);
  // every problem is a row's: skipping those rows is offered (a problem with the whole sheet cannot be skipped)
  const skippable = report !== null && !report.applied && report.problems.length > 0 && report.problems.every((p) => p.row !== null);
  const skipBad = async () => {
    if (!report) return;
    setBusy(true);
    await attempt(async () => {
      const r = await call(api().data.import({ dryRun: true, file: report.file, skipBadRows: true }));
      if (r) {
        setSkip(true);
        setReport(r);
      }
    });
    setBusy(false);
  };
  const check = async () => {
    setBusy(true);
    await attempt(async () => {
      const r = await call(api().data.import({ dryRun: true }));
      if (r) {
        setTicked(new Set());
        setSkip(false);
        setReport(r);
      }
    });
    setBusy(false);
  };
  const remap = async (mapping: Mapping) => {
    if (!report) return;
    setBusy(true);
    await attempt(async () => {
      const r = await call(api().data.import({ dryRun: true, file: report.file, mapping, skipBadRows: skip || undefined }));
      if (r) setReport(r);
    });
    setBusy(false);
  };
  const confirm = async () => {
    if (!report) return;
    setBusy(true);
    await attempt(async () => {
      const r = await call(api().data.import({ dryRun: false, file: report.file, includeSimilar: [...ticked], skipBadRows: skip || undefined }));
      if (r) {
        setReport(r);
        changed();
      }
    });
    setBusy(false);
  };
  return (
    <>
      <Button type={type} onClick={check} loading={busy && !report} data-testid="import-workbook">
        {label}
      </Button>
      <Modal
        open={report !== null}
        width={820}
        title={`导入：${report?.file.split(/[\\/]/).pop() ?? ''}`}
        onCancel={() => setReport(null)}
        footer={
          report && !report.applied && report.problems.length === 0
            ? [
                <Button key="c" onClick={() => setReport(null)}>
                  取消
                </Button>,
                <Button key="ok" type="primary" loading={busy} onClick={confirm} data-testid="confirm-import">
                  确认导入
                </Button>,
              ]
            : report?.applied
              ? [
                  <Button key="close" onClick={() => setReport(null)}>
                    关闭
                  </Button>,
                  // the next step after a roster or ledger import
                  <Button
                    key="next"
                    type="primary"
                    autoFocus
                    onClick={() => {
                      setReport(null);
                      useApp.getState().go('entry');
                    }}
                  >
                    去信息登记
                  </Button>,
                ]
              : skippable
                ? [
                    <Button key="close" onClick={() => setReport(null)}>
                      关闭
                    </Button>,
                    // never silent: the clerk chooses it, sees the rows and where they go
                    <Button key="skip" loading={busy} onClick={skipBad} data-testid="skip-bad-rows">
                      {`跳过有问题的行（${new Set(report.problems.map((p) => `${p.sheet}-${p.row}`)).size} 行），导入其余的`}
                    </Button>,
                  ]
                : [
                    <Button key="close" type="primary" autoFocus onClick={() => setReport(null)}>
                      关闭
                    </Button>,
                  ]
        }
      >
        {report && <ReportView report={report} />}
        {report && report.problems.length === 0 && report.skipped.length > 0 && <SkippedRows report={report} />}
        {report && !report.applied && report.problems.length === 0 && report.similar.length > 0 && (
          <SimilarRows
            rows={report.similar}
            ticked={ticked}
            onTick={(row, on) =>
              setTicked((prev) => {
                const next = new Set(prev);
                if (on) next.add(row);
                else next.delete(row);
                return next;
              })
            }
          />
        )}
        {report?.applied && report.similar.some((s) => !s.included) && (
          <Typography.Text type="secondary" data-testid="import-similar-left">
            {`与已有信息相近、未勾选的 ${report.similar.filter((s) => !s.included).length} 条没有导入：${report.similar
              .filter((s) => !s.included)
              .map((s) => `第${s.row}行“${s.title}”`)
              .join('、')}`}
          </Typography.Text>
        )}
        {report && !report.applied && report.sheets.length === 0 && report.unrecognised.length > 0 && (
          <ColumnMapper key={report.unrecognised[0]!.signature} report={report} busy={busy} onApply={remap} />
        )}
      </Modal>
    </>
  );
}
