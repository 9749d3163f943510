import { Alert, Button, Layout, Menu, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, attempt, call } from './api';
import { AdoptionsPage } from './pages/AdoptionsPage';
import { CircularPage } from './pages/CircularPage';
import { DataPage } from './pages/DataPage';
import { EntryPage } from './pages/EntryPage';
import { EventsPage } from './pages/EventsPage';
import { HistoryPage } from './pages/HistoryPage';
import { HomePage } from './pages/HomePage';
import { JournalPage } from './pages/JournalPage';
import { Recovery } from './Recovery';
import type { StartupView } from '../../shared/ipc/contract';
import { RequestsPage } from './pages/RequestsPage';
import { RulesPage } from './pages/RulesPage';
import { ScoresPage } from './pages/ScoresPage';
import { UnitsPage } from './pages/UnitsPage';
import { useApp, type Page } from './store';

const PAGES: { key: Page; label: string; element: () => React.ReactElement }[] = [
  { key: 'home', label: '首页', element: () => <HomePage /> },
  { key: 'entry', label: '信息登记', element: () => <EntryPage /> },
  { key: 'adoptions', label: '采用与批示', element: () => <AdoptionsPage /> },
  { key: 'requests', label: '约稿', element: () => <RequestsPage /> },
  { key: 'events', label: '加减分', element: () => <EventsPage /> },
  { key: 'scores', label: '计分', element: () => <ScoresPage /> },
  { key: 'circular', label: '通报', element: () => <CircularPage /> },
  { key: 'journal', label: '刊物', element: () => <JournalPage /> },
  { key: 'units', label: '单位名单', element: () => <UnitsPage /> },
  { key: 'rules', label: '规则设置', element: () => <RulesPage /> },
  { key: 'data', label: '数据', element: () => <DataPage /> },
  { key: 'history', label: '操作记录', element: () => <HistoryPage /> },
];

function FirstRun({ onClose }: { onClose: () => void }) {
  const go = useApp((s) => s.go);
  const changed = useApp((s) => s.changed);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title="欢迎使用政务信息计分通报" footer={null} onCancel={onClose} maskClosable={false}>
      <Typography.Paragraph>数据文件已建立，计分规则为「莱芜区2019」。请先建立单位名单：</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button
          type="primary"
          block
          autoFocus
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await attempt(async () => {
              await call(api().units.importSample({}));
              changed();
              onClose();
              go('units');
            });
            setBusy(false);
          }}
        >
          导入示例名单（莱芜区 2019 年计分通报办法所列单位）
        </Button>
        <Button
          block
          onClick={() => {
            onClose();
            go('data');
          }}
        >
          从 Excel 导入名单或旧台账
        </Button>
        <Button block type="text" onClick={onClose}>
          稍后再说
        </Button>
      </Space>
    </Modal>
  );
}

export function App() {
  const page = useApp((s) => s.page);
  const go = useApp((s) => s.go);
  const info = useApp((s) => s.info);
  const refresh = useApp((s) => s.refresh);
  const [firstRun, setFirstRun] = useState(false);
  const [startup, setStartup] = useState<StartupView | null>(null);
  const [recovered, setRecovered] = useState<string | null>(null);
  // the pages by keyboard: Alt+M puts the focus on the side menu (↑↓ move, Enter opens), Ctrl+PageDown / Ctrl+PageUp
  // open the next / previous page; unsaved edits are asked about first, as with a click
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && (e.key === 'm' || e.key === 'M')) {
        e.preventDefault();
        const menu = document.querySelector<HTMLElement>('[data-testid="page-menu"]');
        (menu?.querySelector<HTMLElement>('.ant-menu-item-selected') ?? menu?.querySelector<HTMLElement>('.ant-menu-item'))?.focus();
        return;
      }
      if (e.ctrlKey && !e.altKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault();
        const at = PAGES.findIndex((p) => p.key === useApp.getState().page);
        const next = PAGES[(at + (e.key === 'PageDown' ? 1 : PAGES.length - 1)) % PAGES.length]!;
        useApp.getState().go(next.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    void (async () => {
      // the start-up check first: a damaged data file shows the recovery screen, never a broken page
      const s = await call(api().app.startup({}));
      setStartup(s);
      if (!s.ok) return;
      await refresh();
      if (useApp.getState().info?.units === 0) setFirstRun(true);
      // the pages are up while the whole-file check finishes; a damaged file then switches to the recovery screen
      if (s.checking) {
        const checked = await call(api().app.startupCheck({}));
        if (!checked.ok) setStartup(checked);
      }
    })();
  }, [refresh]);
  if (startup && !startup.ok)
    return (
      <Recovery
        startup={startup}
        onRecovered={(copy) => {
          setRecovered(copy);
          setStartup({ ...startup, ok: true, problem: null });
          void refresh();
        }}
        onOpened={(v) => {
          setStartup(v);
          void refresh().then(() => {
            if (useApp.getState().info?.units === 0) setFirstRun(true);
          });
        }}
      />
    );
  if (!info) return <Spin style={{ margin: 80 }} tip="正在打开数据…" fullscreen />;
  const current = PAGES.find((p) => p.key === page)!;
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={148} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <div style={{ padding: '14px 12px', fontWeight: 600, fontSize: 15, color: '#1f5fa8', lineHeight: 1.3 }}>
          政务信息
          <br />
          计分通报
        </div>
        <Menu
          mode="inline"
          data-testid="page-menu"
          selectedKeys={[page]}
          items={PAGES.map((p) => ({ key: p.key, label: p.label }))}
          onClick={(e) => go(e.key as Page)}
          style={{ borderInlineEnd: 'none' }}
        />
        <div style={{ padding: '8px 12px', fontSize: 12, color: '#999', lineHeight: 1.6 }}>
          Alt+M 到菜单
          <br />
          Ctrl+PgDn 下一页
        </div>
      </Layout.Sider>
      <Layout.Content style={{ overflow: 'auto', padding: '12px 16px', background: '#f5f6f8' }} data-page={page}>
        {startup?.notice && <Alert type="warning" showIcon banner style={{ marginBottom: 8 }} message={startup.notice} />}
        {recovered !== null && (
          <Alert
            type="success"
            showIcon
            closable
            style={{ marginBottom: 8 }}
            message={`数据已从备份恢复。${recovered ? `损坏的数据文件已移到：${recovered}` : ''}备份之后录入的内容需要补录。`}
            onClose={() => setRecovered(null)}
          />
        )}
        <Typography.Title level={4} style={{ margin: '0 0 10px' }}>
          {current.label}
        </Typography.Title>
        {current.element()}
      </Layout.Content>
      {firstRun && <FirstRun onClose={() => setFirstRun(false)} />}
    </Layout>
  );
}
