import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { UnitView } from '../../../shared/ipc/contract';
import { api, attempt, call } from '../api';
import { ImportButton } from '../components/ImportFlow';
import { unitMatches } from '../pinyin';
import { groupName, groupOptions, useApp } from '../store';

interface FormValues {
  name: string;
  group: string;
  aliases: string;
  contact: string;
  phone: string;
  sortOrder?: number;
  activeFrom: string;
  activeUntil: string;
  note: string;
}

/** 2019-04, 2019-4, 2019/4, 2019.4 or 2019年4月 → 2019-04; blank → null. */
const month = (s: string): string | null => {
  const t = s.trim();
  if (t === '') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : t;
};
const MONTH_RULE = { pattern: /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*月?)?$/, message: '格式应为 2019-04 或 2019-4' };

function UnitForm({ unit, onClose }: { unit: UnitView | 'new'; onClose: () => void }) {
  const info = useApp((s) => s.info);
  const changed = useApp((s) => s.changed);
  const [form] = Form.useForm<FormValues>();
  const u = unit === 'new' ? null : unit;
  const save = async (v: FormValues) => {
    await attempt(async () => {
      await call(
        api().units.save({
          ...(u ? { id: u.id } : {}),
          name: v.name.trim(),
          group: v.group,
          aliases: v.aliases.split(/[、；;，,\n]/).map((a) => a.trim()).filter(Boolean),
          contact: v.contact ?? '',
          phone: v.phone ?? '',
          sortOrder: v.sortOrder ?? undefined,
          activeFrom: month(v.activeFrom ?? ''),
          activeUntil: month(v.activeUntil ?? ''),
          note: v.note ?? '',
        }),
      );
      changed();
      onClose();
    });
  };
  // a unit in a group the newest rule set dropped keeps that group offered, by name, until the clerk moves it
  const withCurrent = (options: { value: string; label: string }[], current: string | undefined) =>
    current === undefined || options.some((o) => o.value === current) ? options : [...options, { value: current, label: groupName(info, current) }];
  return (
    <Modal open title={u ? `编辑单位：${u.name}` : '新增单位'} onCancel={onClose} onOk={() => form.submit()} okText="保存" destroyOnHidden>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        onFinish={save}
        initialValues={{
          name: u?.name ?? '',
          group: u?.group ?? groupOptions(info)[0]?.value,
          aliases: u?.aliases.join('、') ?? '',
          contact: u?.contact ?? '',
          phone: u?.phone ?? '',
          sortOrder: u?.sortOrder,
          activeFrom: u?.activeFrom ?? '',
          activeUntil: u?.activeUntil ?? '',
          note: u?.note ?? '',
        }}
      >
        <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位全称' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="group" label="分组" rules={[{ required: true }]}>
          <Select options={withCurrent(groupOptions(info), u?.group)} />
        </Form.Item>
        <Form.Item name="aliases" label="别名" extra="文件中出现的其他写法，多个用“、”分隔，如：区发展改革局、区发改局">
          <Input />
        </Form.Item>
        <Form.Item name="contact" label="信息员">
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序">
          <InputNumber min={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="activeFrom" label="启用月份" extra="从该月起计分，空白表示一直计分；格式 2019-04" rules={[MONTH_RULE]}>
          <Input placeholder="2019-04" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="activeUntil" label="停用月份" extra="从该月起不再计分（单位撤并时填写），记录仍保留" rules={[MONTH_RULE]}>
          <Input placeholder="2021-01" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UnitsPage() {
  const units = useApp((s) => s.units);
  const info = useApp((s) => s.info);
  const changed = useApp((s) => s.changed);
  const go = useApp((s) => s.go);
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  const [q, setQ] = useState('');
  const today = info?.today.slice(0, 7) ?? '';
  const shown = units.filter((u) => unitMatches(u, q));
  return (
    <Card size="small">
      {units.length > 0 && info?.items === 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 10 }}
          message={`单位名单已建立（${units.length} 个单位）。下一步：登记各单位报送的信息。`}
          action={
            <Button type="primary" size="small" onClick={() => go('entry')}>
              去信息登记
            </Button>
          }
        />
      )}
      <Space style={{ marginBottom: 10 }} wrap>
        <Button type="primary" onClick={() => setEditing('new')}>
          新增单位
        </Button>
        <ImportButton label="从 Excel 导入名单" />
        {units.length === 0 && (
          <Button onClick={() => attempt(async () => (await call(api().units.importSample({})), changed()))}>导入示例名单</Button>
        )}
        <Input.Search placeholder="搜索：名称、别名或拼音首字母" allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} />
        <Typography.Text type="secondary">共 {units.length} 个单位</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={shown}
        pagination={false}
        // fits 1024 wide without scrolling sideways (the 操作 buttons stay in sight): 别名 takes what is left and
        // ends in …; 信息员 and 电话 share a column, as do 启用 and 停用
        scroll={{ y: 'calc(100vh - 200px)' }}
        onRow={(u) => ({ onDoubleClick: () => setEditing(u) })}
        columns={[
          { title: '序', dataIndex: 'sortOrder', width: 50 },
          {
            title: '单位名称',
            dataIndex: 'name',
            width: 190,
            render: (n: string, u) => (
              <Space size={4}>
                {n}
                {u.activeUntil && u.activeUntil <= today && <Tag>已停用</Tag>}
              </Space>
            ),
          },
          { title: '分组', dataIndex: 'group', width: 96, ellipsis: true, render: (g: string) => groupName(info, g) },
          { title: '别名', dataIndex: 'aliases', ellipsis: true, render: (a: string[]) => a.join('、') },
          { title: '信息员、电话', width: 130, ellipsis: true, render: (_: unknown, u) => [u.contact, u.phone].filter(Boolean).join(' ') },
          {
            title: '计分期间',
            width: 110,
            render: (_: unknown, u) =>
              u.activeFrom || u.activeUntil ? `${u.activeFrom ? `${u.activeFrom}起` : ''}${u.activeUntil ? `${u.activeUntil}停用` : ''}` : '',
          },
          {
            title: '操作',
            width: 196,
            render: (_: unknown, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => attempt(async () => (await call(api().units.move({ id: u.id, direction: -1 })), changed()))}>
                  上移
                </Button>
                <Button type="link" size="small" onClick={() => attempt(async () => (await call(api().units.move({ id: u.id, direction: 1 })), changed()))}>
                  下移
                </Button>
                {/* only a unit nothing refers to (entered by mistake); the services say why otherwise */}
                <Popconfirm
                  title={`删除“${u.name}”？`}
                  description="只能删除没有任何报送、约稿、加减分记录的单位；不再计分的单位请设置停用月份。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => attempt(async () => (await call(api().units.delete({ id: u.id })), void message.success(`已删除“${u.name}”`), changed()))}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <UnitForm unit={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
