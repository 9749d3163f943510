import { quartersText } from '../forms';
import { Alert, Button, Card, Descriptions, Modal, Space, Typography } from 'antd';
import { api, attempt, call } from '../api';
import { ImportButton } from '../components/ImportFlow';
import { savedMessage, ShowInFolderButton } from '../components/ShowInFolder';
import { useApp } from '../store';

export function DataPage() {
  const info = useApp((s) => s.info);
  const changed = useApp((s) => s.changed);
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
        <Space direction="vertical">
          <Alert type="info" showIcon message="建议每月通报前备份一次，备份文件可存到 U 盘或其他电脑。恢复前会自动备份当前数据，恢复可以撤销。" />
          <Space>
            <Button
              type="primary"
              onClick={() =>
                attempt(async () => {
                  const r = await call(api().backup.create({}));
                  if (r) savedMessage(`已备份到 ${r.file}`, r.file);
                })
              }
            >
              立即备份
            </Button>
            <Button
              danger
              onClick={() =>
                Modal.confirm({
                  title: '从备份恢复',
                  content: '恢复会用备份中的数据替换当前全部数据。当前数据会先自动另存一份，可以再从它恢复。继续吗？',
                  okText: '选择备份文件',
                  cancelText: '取消',
                  onOk: () =>
                    attempt(async () => {
                      const r = await call(api().backup.restore({}));
                      if (r) {
                        savedMessage(`已恢复。恢复前的数据另存为 ${r.safetyBackup}`, r.safetyBackup);
                        changed();
                      }
                    }),
                })
              }
            >
              从备份恢复
            </Button>
          </Space>
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
                    if (r)
                      Modal.success({
                        title: '数据已复制到新文件夹',
                        content: (
                          <div>
                            新数据文件：{r.file}。请关闭并重新打开程序，之后使用新位置；原数据文件仍保留在原处，确认无误后可自行删除。
                            <div>
                              <ShowInFolderButton file={r.file} />
                            </div>
                          </div>
                        ),
                      });
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
