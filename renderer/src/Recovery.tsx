// The start-up recovery screens: shown instead of the pages when the data file fails its check (recovery from a
// backup), or when it cannot be found or the app's settings cannot be read (the choice page). It never deletes the
// damaged file (the services move it into the backups folder) and offers the newest backup that passes its check.
import { Alert, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { StartupView } from '../../shared/ipc/contract';
import { api, attempt, call } from './api';

/**
 * The choice page: the app's config.json cannot be read, or the configured data file is not there (an unplugged
 * drive). The app never opens another file on its own: the clerk retries, chooses the file, or starts a new ledger.
 */
function Choice({ startup, onOpened }: { startup: StartupView; onOpened: (v: StartupView) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [view, setView] = useState(startup);
  const run = async (what: string, f: () => Promise<StartupView | null>) => {
    setBusy(what);
    await attempt(async () => {
      const v = await f();
      if (!v) return;
      if (v.ok) onOpened(v);
      else setView(v);
    });
    setBusy(null);
  };
  return (
    <div style={{ maxWidth: 760, margin: '40px auto', padding: '0 16px' }} data-page="choice">
      <Result
        status="warning"
        title={view.kind === 'config' ? '程序设置文件无法读取' : '找不到数据文件'}
        subTitle={view.problem}
        extra={
          <Space wrap>
            <Button type="primary" size="large" loading={busy === 'retry'} onClick={() => run('retry', () => call(api().app.retryOpen({})))}>
              重试
            </Button>
            <Button size="large" loading={busy === 'choose'} onClick={() => run('choose', () => call(api().app.chooseLedger({})))}>
              选择数据文件…
            </Button>
            <Button size="large" loading={busy === 'new'} onClick={() => run('new', () => call(api().app.newLedger({})))}>
              新建空白数据…
            </Button>
          </Space>
        }
      />
      <Alert
        type="info"
        showIcon
        message="程序不会自动改用其他数据文件。数据文件（zwxx.db）通常在原来的数据文件夹中；如在 U 盘或网络盘上，请先接好再点“重试”。只有确认原数据已不需要时才新建空白数据。"
      />
    </div>
  );
}

export function Recovery({
  startup,
  onRecovered,
  onOpened,
}: {
  startup: StartupView;
  onRecovered: (damagedCopy: string | null) => void;
  onOpened: (v: StartupView) => void;
}) {
  if (startup.kind === 'config' || startup.kind === 'missing') return <Choice startup={startup} onOpened={onOpened} />;
  return <Damaged startup={startup} onRecovered={onRecovered} />;
}

function Damaged({ startup, onRecovered }: { startup: StartupView; onRecovered: (damagedCopy: string | null) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const best = startup.backups.find((b) => b.ok);
  const recover = async (name?: string) => {
    setBusy(name ?? '…');
    await attempt(async () => {
      const r = await call(api().app.recover(name ? { name } : {}));
      if (r) onRecovered(r.damagedCopy);
    });
    setBusy(null);
  };
  return (
    <div style={{ maxWidth: 960, margin: '24px auto', padding: '0 16px' }} data-page="recovery">
      <Result
        status="warning"
        title="数据文件未能正常打开"
        subTitle={
          <>
            {startup.problem}
            <br />
            数据文件：{startup.dataFile}
          </>
        }
        extra={
          <Space>
            <Button type="primary" size="large" disabled={!best} loading={busy === best?.name} onClick={() => best && recover(best.name)}>
              {best ? `用最近的完好备份恢复（${dayjs(best.at).format('YYYY-MM-DD HH:mm')}）` : '没有可用的备份'}
            </Button>
            <Button size="large" onClick={() => recover()} loading={busy === '…'}>
              选择其他备份文件…
            </Button>
          </Space>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="恢复时，损坏的数据文件不会被删除，而是移到备份文件夹中（名为“损坏的数据-时间.db”），可交技术人员进一步抢救。备份之后录入的内容需要重新录入。"
      />
      {startup.details.length > 0 && (
        <Card size="small" title="检查发现的问题" style={{ marginBottom: 12 }}>
          {startup.details.map((d, i) => (
            <Typography.Paragraph key={i} style={{ margin: 0, fontSize: 12 }} type="secondary">
              {d}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      <Card size="small" title="备份文件夹中的备份（新的在前）">
        <Table
          size="small"
          rowKey="name"
          dataSource={startup.backups}
          pagination={false}
          locale={{ emptyText: '备份文件夹中没有备份。可点击“选择其他备份文件…”选择 U 盘或其他位置的备份。' }}
          columns={[
            { title: '备份', dataIndex: 'name' },
            { title: '时间', dataIndex: 'at', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
            { title: '大小', dataIndex: 'bytes', width: 90, render: (b: number) => `${(b / 1024).toFixed(0)} KB` },
            { title: '检查', width: 90, render: (_, b) => (b.ok ? <Tag color="green">完好</Tag> : <Tag title={b.problem}>{b.problem === '未检查' ? '未检查' : '不可用'}</Tag>) },
            {
              title: '',
              width: 80,
              render: (_, b) => (
                <Button size="small" disabled={!b.ok && b.problem !== '未检查'} loading={busy === b.name} onClick={() => recover(b.name)}>
                  用它恢复
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
