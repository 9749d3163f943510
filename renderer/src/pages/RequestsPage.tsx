import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { confirmDate, enterMovesOn } from '../forms';
import { useApi } from '../useApi';
import type { RequestView } from '../../../shared/ipc/contract';
import { REQUEST_OUTCOME_LABEL } from '../../../shared/labels';
import { api, attempt, call } from '../api';
import { ItemSearch } from '../components/ItemSearch';
import { UnitSelect } from '../components/UnitSelect';
import { groupOptions, rulesFor, useApp, useChanged, useInfo, useUnits, vocabName } from '../store';

/** A unit list or a date panel is open (as rendered now, before the key that closes it takes effect). */
const aListIsOpen = (): boolean =>
  [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown, .ant-picker-dropdown')].some(
    (el) => !/-hidden\b/.test(el.className) && el.offsetParent !== null,
  );

function RequestEditor({ onClose, editing }: { onClose: () => void; editing?: RequestView }) {
  const info = useInfo();
  const units = useUnits();
  const changed = useChanged();
  const [f] = Form.useForm();
  const deadlineWatch = Form.useWatch<dayjs.Dayjs | undefined>('deadline', f);
  const rules = rulesFor(info, deadlineWatch?.format('YYYY-MM-DD') ?? editing?.deadline ?? info?.today);
  const [targets, setTargets] = useState<number[]>(editing ? editing.targets.map((t) => t.unitId) : []);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (v: {
    issuer: string;
    topic: string;
    issued?: dayjs.Dayjs;
    deadline: dayjs.Dayjs;
    note?: string;
  }) => {
    if (targets.length === 0) {
      setProblem('请至少加入一个受约单位');
      // the cursor goes where the problem is; an open list elsewhere closes as it loses the focus
      document.getElementById('request-unit')?.focus();
      return;
    }
    const deadline = v.deadline.format('YYYY-MM-DD');
    if (!(await confirmDate(info, deadline))) return;
    const request = { issuer: v.issuer, topic: v.topic, issued: v.issued ? v.issued.format('YYYY-MM-DD') : null, deadline, unitIds: targets, note: v.note ?? '' };
    const r = await attempt(async () => (editing ? (await call(api().requests.update({ id: editing.id, request })), { id: editing.id }) : await call(api().requests.create(request))));
    if (r) {
      void message.success(editing ? '已修改约稿' : '已建立约稿');
      changed({ kind: 'request', date: deadline, id: r.id, label: v.topic });
      onClose();
    }
  };
  return (
    <Modal
      open
      width={720}
      title={editing ? `修改约稿 ${editing.no}` : '新建约稿'}
      onCancel={onClose}
      onOk={() => f.submit()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ id: 'request-save' }}
      // Esc belongs to an open list first (it closes the list, not the dialog with what was typed): handled below
      keyboard={false}
    >
      <div
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if ((e.target as HTMLElement).getAttribute('aria-expanded') !== 'true' && !aListIsOpen()) onClose();
            return;
          }
          enterMovesOn(() => f.submit())(e);
        }}
      >
      <Form
        form={f}
        labelCol={{ span: 4 }}
        onFinish={save}
        // a refused save puts the cursor in the first field to correct; an open list closes as it loses the focus
        scrollToFirstError={{ focus: true }}
        onFinishFailed={() => targets.length === 0 && setProblem('请至少加入一个受约单位')}
        initialValues={
          editing
            ? { issuer: editing.issuer, topic: editing.topic, issued: editing.issued ? dayjs(editing.issued) : undefined, deadline: dayjs(editing.deadline), note: editing.note }
            : { issuer: rules?.requestIssuers[0]?.key, issued: dayjs(info?.today) }
        }
      >
        <Form.Item
          name="issuer"
          label="约稿方"
          rules={[{ required: true, message: rules?.requestIssuers.length === 0 ? '本规则集没有约稿方：请先在“规则设置”的约稿方表中添加' : '请选择约稿方' }]}
        >
          <Select
            id="request-issuer"
            showSearch
            optionFilterProp="label"
            options={rules?.requestIssuers.map((i) => ({
              value: i.key,
              label: `${i.name}（未完成扣${-i.missPoints}分）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="topic" label="主题" rules={[{ required: true, message: '请填写约稿主题' }]}>
          <Input id="request-topic" autoFocus />
        </Form.Item>
        <Form.Item name="issued" label="下发日期">
          <DatePicker id="request-issued" />
        </Form.Item>
        <Form.Item name="deadline" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker id="request-deadline" />
        </Form.Item>
        <Form.Item label="受约单位" required validateStatus={problem ? 'error' : undefined} help={problem ?? undefined}>
          <Space wrap style={{ marginBottom: 6 }}>
            {groupOptions(info)
              .filter((g) => g.value !== 'none')
              .map((g) => (
                <Button
                  key={g.value}
                  size="small"
                  onClick={() => {
                    setProblem(null);
                    setTargets([...new Set([...targets, ...units.filter((u) => u.group === g.value).map((u) => u.id)])]);
                  }}
                >
                  加入全部{g.label}
                </Button>
              ))}
            <Button size="small" onClick={() => setTargets([])}>
              清空
            </Button>
          </Space>
          {/* Backspace in the empty search takes the last unit out; the tags' × is for the mouse (Tab skips it) */}
          <div
            onKeyDown={(e) => {
              if (e.key === 'Backspace' && (e.target as HTMLInputElement).value === '' && targets.length > 0) setTargets(targets.slice(0, -1));
            }}
          >
          <UnitSelect
            id="request-unit"
            value={null}
            placeholder="逐个加入单位（名称、别名或拼音首字母）"
            onChange={(v) => {
              setProblem(null);
              if (v && !targets.includes(v)) setTargets([...targets, v]);
            }}
            style={{ width: '100%' }}
          />
          </div>
          <div style={{ marginTop: 6, maxHeight: 120, overflow: 'auto' }} data-testid="request-targets">
            {targets.map((t) => {
              const name = units.find((u) => u.id === t)?.name;
              return (
                <Tag key={t}>
                  {name}
                  <span
                    role="button"
                    tabIndex={-1}
                    aria-label={`移出${name ?? ''}`}
                    title="移出"
                    onClick={() => setTargets(targets.filter((x) => x !== t))}
                    style={{ marginLeft: 4, cursor: 'pointer', color: 'rgba(0,0,0,0.45)' }}
                  >
                    ×
                  </span>
                </Tag>
              );
            })}
          </div>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input id="request-note" />
        </Form.Item>
      </Form>
      </div>
    </Modal>
  );
}

export function RequestsPage() {
  const info = useInfo();
  const changed = useChanged();
  const lastSaved = useApp((s) => s.lastSaved);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<RequestView | null>(null);
  const [explaining, setExplaining] = useState<{ targetId: number; unitName: string; itemId: number | null; reason: string } | null>(null);
  const [folded, setFolded] = useState<Set<number>>(new Set());
  const [year, setYear] = useState<number | undefined>(Number(info?.today.slice(0, 4)));
  // the list follows what was just saved: a request due in another year switches the year shown
  const [savedSeen, setSavedSeen] = useState(lastSaved);
  if (lastSaved !== savedSeen) {
    setSavedSeen(lastSaved);
    if (lastSaved?.kind === 'request') setYear(Number(lastSaved.date.slice(0, 4)));
  }
  const list = useApi('requests:list', { year }).data ?? [];
  const issuer = (k: string) => vocabName(info, 'requestIssuers', k);
  const setOutcome = (targetId: number, outcome: RequestView['targets'][number]['outcome'], itemId: number | null, reason?: string) =>
    attempt(async () => (await call(api().requests.setOutcome({ targetId, outcome, itemId, ...(reason === undefined ? {} : { reason }) })), changed()));
  const overdue = list.flatMap((r) => r.targets.filter((t) => t.overdue).map((t) => `${t.unitName}（${r.topic}）`));
  return (
    <Card size="small">
      <Space style={{ marginBottom: 10 }} wrap>
        <Button type="primary" onClick={() => setCreating(true)} id="request-new">
          新建约稿
        </Button>
        <DatePicker
          picker="year"
          value={year ? dayjs(`${year}-01-01`) : null}
          onChange={(d) => setYear(d ? d.year() : undefined)}
          placeholder="全部年份"
        />
        {overdue.length > 0 && (
          // a long list wraps inside the card instead of running off its right edge at 1024 wide
          <Tag color="red" style={{ whiteSpace: 'normal' }}>
            逾期未报 {overdue.length} 个：{overdue.slice(0, 3).join('、')}
            {overdue.length > 3 ? '…' : ''}
          </Tag>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={list}
        // fixed widths that fit 1024 wide (the card's table is about 818px there); 主题 takes what is left. With a
        // pinned column the table lays out fixed, so a cell wider than its column slid under 修改/删除.
        scroll={{ x: 800 }}
        locale={{ emptyText: year ? `${year}年没有约稿` : '没有约稿' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          // every request shows its targets unless the clerk folds it
          expandedRowKeys: list.map((r) => r.id).filter((id) => !folded.has(id)),
          onExpand: (open, r) =>
            setFolded((f) => {
              const n = new Set(f);
              if (open) n.delete(r.id);
              else n.add(r.id);
              return n;
            }),
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.targets}
              rowClassName={(t) => (t.overdue ? 'overdue-row' : '')}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'unitName',
                  width: 200,
                  render: (n: string, t) => (
                    <Space>
                      {n}
                      {t.overdue && <Tag color="red">逾期</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '完成情况',
                  width: 130,
                  render: (_, t) => (
                    <span data-testid={`outcome-${t.unitName}`}>
                      <Select
                        size="small"
                        value={t.outcome}
                        style={{ width: 110 }}
                        onChange={(v) =>
                          v === 'explained' ? setExplaining({ targetId: t.id, unitName: t.unitName, itemId: t.itemId, reason: t.reason }) : void setOutcome(t.id, v, t.itemId)
                        }
                        options={Object.entries(REQUEST_OUTCOME_LABEL).map(([v, l]) => ({ value: v, label: l }))}
                      />
                      {t.outcome === 'explained' && (
                        <a style={{ marginLeft: 6, fontSize: 12 }} onClick={() => setExplaining({ targetId: t.id, unitName: t.unitName, itemId: t.itemId, reason: t.reason })} title="修改说明理由">
                          {t.reason || '填写理由'}
                        </a>
                      )}
                    </span>
                  ),
                },
                {
                  title: '报送的信息',
                  render: (_, t) => (
                    <ItemSearch
                      value={t.itemId ?? undefined}
                      valueLabel={t.itemNo ? `${t.itemNo}　${t.itemTitle ?? ''}` : undefined}
                      unitId={t.unitId}
                      placeholder="关联该单位报送的信息"
                      onChange={(id) =>
                        attempt(
                          async () => (
                            await call(
                              api().requests.setOutcome({
                                targetId: t.id,
                                outcome: id ? 'done' : t.outcome,
                                itemId: id ?? null,
                              }),
                            ),
                            changed()
                          ),
                        )
                      }
                    />
                  ),
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '编号', dataIndex: 'no', width: 100 },
          { title: '约稿方', dataIndex: 'issuer', width: 110, render: issuer },
          { title: '主题', dataIndex: 'topic' },
          { title: '下发', dataIndex: 'issued', width: 92 },
          { title: '截止', dataIndex: 'deadline', width: 92 },
          {
            title: '完成情况',
            width: 150,
            render: (_, r) => {
              const c = (o: string) => r.targets.filter((t) => t.outcome === o).length;
              // breaks only at the spaces (完成1 说明0 / 未完成1 待报0), never inside a count
              return (
                <Typography.Text data-testid={`request-counts-${r.no}`} style={{ wordBreak: 'keep-all' }}>{`完成${c('done')} 说明${c('explained')} 未完成${c('missed')} 待报${c('pending')}`}</Typography.Text>
              );
            },
          },
          {
            title: '',
            width: 100,
            fixed: 'right',
            render: (_, r) => (
              <Space size={0}>
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                修改
              </Button>
              <Popconfirm
                title="删除这个约稿？（移入回收站）"
                onConfirm={() => attempt(async () => (await call(api().requests.delete({ id: r.id })), changed()))}
              >
                <Button type="link" danger size="small">
                  删除
                </Button>
              </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {creating && <RequestEditor onClose={() => setCreating(false)} />}
      {editing && <RequestEditor editing={editing} onClose={() => setEditing(null)} />}
      {explaining && (
        <Modal
          open
          title={`${explaining.unitName}：已说明`}
          okText="保存"
          cancelText="取消"
          onCancel={() => setExplaining(null)}
          onOk={() => void setOutcome(explaining.targetId, 'explained', explaining.itemId, explaining.reason.trim()).then(() => setExplaining(null))}
        >
          {/* Enter saves, like every other form; Shift+Enter starts a new line */}
          <Input.TextArea
            id="explain-reason"
            autoFocus
            rows={3}
            value={explaining.reason}
            placeholder="说明的理由（如：该单位本期无相关工作，已书面说明）；回车保存，Shift+回车换行"
            onChange={(e) => setExplaining({ ...explaining, reason: e.target.value })}
            onPressEnter={(e) => {
              if (e.shiftKey || e.nativeEvent.isComposing) return;
              e.preventDefault();
              void setOutcome(explaining.targetId, 'explained', explaining.itemId, explaining.reason.trim()).then(() => setExplaining(null));
            }}
          />
        </Modal>
      )}
    </Card>
  );
}
