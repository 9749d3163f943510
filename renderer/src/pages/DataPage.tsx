import { quartersText } from '../forms';
import { Alert, Button, Card, Descriptions, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { BackupFileView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { ImportButton } from '../components/ImportFlow';
import { savedMessage, ShowInFolderButton } from '../components/ShowInFolder';
import { useApp } from '../store';
import { useApi } from '../useApi';

const sizeText = (b: number): string => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);
const held = (h: { units: number; items: number; lastEntry: string | null }): string =>
  `单位 ${h.units} 个，信息 ${h.items} 条，最后报送日期 ${h.lastEntry ?? '（无）'}`;

export function DataPage() {
  const info = useApp((s) => s.info);
  const changed = useApp((s) => s.changed);
  const backups = useApi('backup:list', {});
  /** 恢复: first what the backup holds, next to what would be replaced; only then the clerk confirms */
  const restore = (name?: string) =>
    attempt(async () => {
      const r = await call(api().backup.restore(name ? { name } : {}));
      if (!r || r.stage !== 'preview') return;
      const p = r.preview;
      Modal.confirm({
        title: '用这份备份替换当前全部数据？',
        width: 560,
        content: (
          <div data-testid="restore-preview">
            <p>
              备份：{p.name}（{dayjs(p.at).format('YYYY-MM-DD HH:mm')}，{sizeText(p.bytes)}）
            </p>
            <p>备份中有：{held(p)}</p>
            <p>当前数据：{held(p.current)}</p>
            <p>恢复前会自动把当前数据另存一份，可以再从它恢复。</p>
          </div>
        ),
        okText: '确认恢复',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () =>
          attempt(async () => {
            const done = await call(api().backup.restore({ file: r.file, confirm: true }));
            if (done?.stage === 'done') {
              savedMessage(`已恢复。恢复前的数据另存为 ${done.safetyBackup}`, done.safetyBackup);
              changed();
              backups.reload();
            }
          }),
      });
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="导入与导出（数据交换工作簿）">
        <Typography.Paragraph type="secondary">
          工作簿可含 单位、信息、采用、批示、约稿、加减分 六张表，列的顺序不限，表头上方的标题行会自动跳过。导入前先检查整本工作簿，
          有任何问题就一行都不导入，并列出问题所在的行和列；同一工作簿重复导入不会重复添加。
        </Typography.Paragraph>
        <Space wrap>
          <ImportButton type="primary" />
          <Button
            onClick={() =>
              attempt(async () => {
                const r = await call(api().data.export({}));
                if (r) savedMessage(`已导出到 ${r.file}`, r.file);
              })
            }
          >
            导出全部数据
          </Button>
          <Button
            onClick={() =>
              attempt(async () => {
                const r = await call(api().data.template({}));
                if (r) savedMessage(`导入模板已保存到 ${r.file}`, r.file);
              })
            }
          >
            下载导入模板
          </Button>
        </Space>
      </Card>
      <Card size="small" title="备份与恢复">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message="建议每月通报前备份一次，备份文件可存到 U 盘或其他电脑。恢复前先显示备份里有什么；恢复时会自动备份当前数据，恢复可以撤销。" />
          <Space>
            <Button
              type="primary"
              onClick={() =>
                attempt(async () => {
                  const r = await call(api().backup.create({}));
                  if (r) savedMessage(`已备份到 ${r.file}`, r.file);
                  backups.reload();
                })
              }
            >
              立即备份
            </Button>
            <Button danger onClick={() => void restore()}>
              从其他位置的备份恢复…
            </Button>
          </Space>
          <Table<BackupFileView>
            size="small"
            rowKey="name"
            loading={backups.loading}
            dataSource={backups.data ?? []}
            pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
            locale={{ emptyText: '备份文件夹中还没有备份。' }}
            columns={[
              { title: '数据文件旁的备份（新的在前）', dataIndex: 'name', ellipsis: true },
              { title: '时间', dataIndex: 'at', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
              { title: '大小', dataIndex: 'bytes', width: 90, render: (b: number) => sizeText(b) },
              {
                title: '',
                width: 90,
                render: (_, b) => (
                  <Button size="small" onClick={() => void restore(b.name)}>
                    恢复…
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      <Card size="small" title="数据文件">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="位置">
            <Space>
              {info?.dataFile}
              <Button
                size="small"
                onClick={() =>
                  attempt(async () => {
                    const r = await call(api().app.moveData({}));
                    if (r) {
                      changed();
                      backups.reload();
                      Modal.success({
                        title: '数据已移到新文件夹',
                        content: (
                          <div>
                            现在使用的数据文件：{r.file}，不需要重新启动程序。原数据文件仍保留在原处，此后不再写入，确认无误后可自行删除。
                            <div>
                              <ShowInFolderButton file={r.file} />
                            </div>
                          </div>
                        ),
                      });
                    }
                  })
                }
              >
                更改数据文件夹…
              </Button>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="单位">{info?.units} 个</Descriptions.Item>
          <Descriptions.Item label="信息">{info?.items} 条</Descriptions.Item>
          <Descriptions.Item label="计分规则">{info?.ruleSets.map((r) => `${r.name}（${r.effectiveFrom} 起）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="已锁定季度">{info && info.locked.length > 0 ? quartersText(info.locked) : '无'}</Descriptions.Item>
          <Descriptions.Item label="程序版本">{info?.version}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
