import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
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
      {report.notes.map((n) => (
        <Typography.Text key={n} type="secondary">
          {n}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Choose a workbook → dry run report → confirm. Nothing is written before the clerk confirms. */
export function ImportButton({ label = '导入 Excel 工作簿', type }: { label?: string; type?: 'primary' | 'default' }) {
  const changed = useApp((s) => s.changed);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    await attempt(async () => {
      const r = await call(api().data.import({ dryRun: true }));
      if (r) setReport(r);
    });
    setBusy(false);
  };
  const confirm = async () => {
    if (!report) return;
    setBusy(true);
    await attempt(async () => {
      const r = await call(api().data.import({ dryRun: false, file: report.file }));
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
              : [
                  <Button key="close" type="primary" autoFocus onClick={() => setReport(null)}>
                    关闭
                  </Button>,
                ]
        }
      >
        {report && <ReportView report={report} />}
      </Modal>
    </>
  );
}
