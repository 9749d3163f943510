// The six lists of a rule set, each declared as the columns and the expanded row of the one entry table.
import { Checkbox, Input, Select, Space, Typography } from 'antd';
import type { RuleSet } from '../../../../shared/rules/schema';
import { RULE_WINDOW_LABEL, labelOptions, stars } from '../../../../shared/labels';
import { EntryTable } from './EntryTable';
import { ADOPTION_COMBINE, ClauseInput, EXPAND_HINT, FormPoints, INSTRUCTION_COMBINE, LEVELS, Num, WINDOWS, type Forms, useRuleEditing } from './parts';
import { Requirements } from './Requirements';

export function GroupsList() {
  const { edit, status } = useRuleEditing();
  return (
    <EntryTable
      section="groups"
      what="分组"
      nameTitle="分组"
      nameWidth={96}
      wide
      keep={1}
      removeNote="该分组的单位需改到其他分组才计分。"
      hint="点行首的 + 设置别名、条款、基础分的周期和达标线、通报批评末位个数，以及调研、专报等要求。"
      detail={(g, i) => (
        <>
          {g.quota && (
            <Space size={4}>
              报送任务的条款
              <ClauseInput value={g.quota.clause} onChange={(v) => edit((r) => (r.groups[i]!.quota!.clause = v))} path={['groups', i, 'quota']} label="报送任务条款" />
            </Space>
          )}
          {g.baseGrant && (
            <Space size={4} wrap>
              基础分按
              <Select
                size="small"
                aria-label="基础分周期"
                value={g.baseGrant.window}
                options={labelOptions(RULE_WINDOW_LABEL, ['month', 'quarter'])}
                onChange={(v) => edit((r) => (r.groups[i]!.baseGrant!.window = v))}
                style={{ width: 86 }}
              />
              给，达标线
              <Num label="达标线" min={0} nullable width={62} placeholder="无" value={g.baseGrant.passLine} onChange={(v) => edit((r) => (r.groups[i]!.baseGrant!.passLine = v))} />
              分（低于达标线的单位在通报中列为未达标），条款
              <ClauseInput value={g.baseGrant.clause} onChange={(v) => edit((r) => (r.groups[i]!.baseGrant!.clause = v))} path={['groups', i, 'baseGrant']} label="基础分条款" />
            </Space>
          )}
          <Space size={4}>
            通报批评末位
            <Num label="通报批评末位个数" int min={0} max={10} width={52} value={g.criticiseLast} onChange={(v) => edit((r) => (r.groups[i]!.criticiseLast = v ?? 0))} />
            个单位
          </Space>
          <Requirements group={g} index={i} />
        </>
      )}
      columns={[
        {
          title: '报送任务',
          render: (g, i) => (
            <Space size={4}>
              <Checkbox
                aria-label="有报送任务"
                checked={g.quota !== null}
                onChange={(e) => edit((r) => (r.groups[i]!.quota = e.target.checked ? { window: 'month', min: 1, points: 0, shortfallPerItem: 0, clause: '' } : null))}
              />
              {g.quota ? (
                <>
                  <Select size="small" aria-label="周期" value={g.quota.window} options={WINDOWS} onChange={(v) => edit((r) => (r.groups[i]!.quota!.window = v))} style={{ width: 76 }} />
                  至少
                  <Num label="最少条数" int min={1} max={10000} width={56} value={g.quota.min} status={status('groups', i, 'quota', 'min')} onChange={(v) => edit((r) => (r.groups[i]!.quota!.min = v ?? 1))} />
                  条，完成得
                  <Num label="完成得分" width={62} value={g.quota.points} status={status('groups', i, 'quota', 'points')} onChange={(v) => edit((r) => (r.groups[i]!.quota!.points = v ?? 0))} />
                  分，少一条
                  <Num label="每少一条" max={0} width={62} value={g.quota.shortfallPerItem} status={status('groups', i, 'quota', 'shortfallPerItem')} onChange={(v) => edit((r) => (r.groups[i]!.quota!.shortfallPerItem = v ?? 0))} />
                  分
                </>
              ) : (
                <Typography.Text type="secondary">无</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: '基础分',
          render: (g, i) => (
            <Num
              label="基础分"
              min={0}
              nullable
              width={62}
              placeholder="无"
              value={g.baseGrant?.points ?? null}
              onChange={(v) =>
                edit((r) => {
                  const grp = r.groups[i]!;
                  grp.baseGrant = v === null || v === 0 ? null : { window: grp.baseGrant?.window ?? 'quarter', points: v, passLine: grp.baseGrant?.passLine ?? null, clause: grp.baseGrant?.clause ?? '' };
                })
              }
            />
          ),
        },
      ]}
      add={{
        fields: [],
        initial: {},
        hint: '添加后可在表中设置报送任务和基础分。',
        keyPrefix: 'g',
        make: (_, key, name) => ({ key, name, aliases: [], quota: null, requirements: [], criticiseLast: 1, baseGrant: null }),
      }}
    />
  );
}

export function CategoriesList() {
  const { edit, status } = useRuleEditing();
  return (
    <EntryTable
      section="categories"
      what="信息类别"
      nameTitle="类别"
      clause
      keep={0}
      emptyText="尚无信息类别"
      hint={`调研、专报之外的信息类别（要情、动态、图片信息…）。折算倍数乘在采用得分上，如图片信息计一半填 0.5。${EXPAND_HINT}。`}
      removeNote="各刊物按此类别的分值和相关要求一并删除。"
      onRemove={(r, c) => {
        for (const p of r.publications) delete p.categoryPoints[c.key];
        for (const g of r.groups) {
          for (const q of g.requirements) q.conditions = q.conditions.filter((x) => x.kind !== c.key);
          g.requirements = g.requirements.filter((q) => q.conditions.length > 0);
        }
      }}
      columns={[{ title: '折算倍数', render: (c, i) => <Num label="折算倍数" min={0} max={100} value={c.factor} status={status('categories', i, 'factor')} onChange={(v) => edit((r) => (r.categories[i]!.factor = v ?? 1))} /> }]}
      add={{
        fields: [{ key: 'factor', label: '折算倍数', type: 'num', min: 0, max: 100 }],
        initial: { factor: 1 },
        keyPrefix: 'c',
        make: (v, key, name) => ({ key, name, aliases: [], factor: Number(v.factor ?? 1), clause: '' }),
      }}
    />
  );
}

/** A publication's points per 信息类别 and its own 批示 points, below its 别名 and 条款. */
function PublicationDetail({ p, i }: { p: RuleSet['publications'][number]; i: number }) {
  const { draft, edit } = useRuleEditing();
  return (
    <>
      {draft.categories.length === 0 && <Typography.Text type="secondary">本规则集没有信息类别，所有信息按上面的分值计分。</Typography.Text>}
      {draft.categories.map((c) => {
        const own = p.categoryPoints[c.key];
        return (
          <Space key={c.key} size={8}>
            <Checkbox
              checked={own !== undefined}
              onChange={(e) => edit((r) => (e.target.checked ? (r.publications[i]!.categoryPoints[c.key] = { ...p.points }) : delete r.publications[i]!.categoryPoints[c.key]))}
              style={{ width: 170 }}
            >
              「{c.name}」类单独计分
            </Checkbox>
            {own && <FormPoints value={own} onChange={(f, v) => edit((r) => (r.publications[i]!.categoryPoints[c.key]![f] = v))} path={['publications', i, 'categoryPoints', c.key]} />}
          </Space>
        );
      })}
      {draft.instructionLevels.map((l) => {
        const own = p.instructionPoints[l.key];
        return (
          <Space key={l.key} size={8}>
            <Checkbox
              checked={own !== undefined}
              onChange={(e) => edit((r) => (e.target.checked ? (r.publications[i]!.instructionPoints[l.key] = { ...l.points }) : delete r.publications[i]!.instructionPoints[l.key]))}
              style={{ width: 170 }}
            >
              {l.name}批示另行加分
            </Checkbox>
            {own && (
              <FormPoints
                value={{ ...own, brief: 0 }}
                onChange={(f, v) => edit((r) => ((r.publications[i]!.instructionPoints[l.key]! as Forms)[f] = v))}
                path={['publications', i, 'instructionPoints', l.key]}
                only={['single', 'combined']}
              />
            )}
          </Space>
        );
      })}
    </>
  );
}

export function PublicationsList() {
  const { draft, edit, status } = useRuleEditing();
  return (
    <EntryTable
      section="publications"
      what="刊物"
      nameTitle="刊物"
      nameWidth={170}
      wide
      clause
      keep={1}
      removeNote="已登记的采用记录保留，但按本规则集不再计分。"
      head={
        <>
          一条信息被多次采用：
          <Select size="small" aria-label="多次采用" value={draft.adoptionCombine} onChange={(v) => edit((r) => (r.adoptionCombine = v))} options={ADOPTION_COMBINE} style={{ width: 190 }} />
        </>
      }
      hint="点行首的 + 设置别名、条款、按信息类别的分值和本刊物的批示加分。"
      detail={(p, i) => <PublicationDetail p={p} i={i} />}
      columns={[
        { title: '级别', render: (p, i) => <Select size="small" aria-label="级别" value={p.level} options={LEVELS} onChange={(v) => edit((r) => (r.publications[i]!.level = v))} style={{ width: 84 }} /> },
        { title: '每篇分值', render: (p, i) => <FormPoints value={p.points} onChange={(f, v) => edit((r) => (r.publications[i]!.points[f] = v))} path={['publications', i, 'points']} /> },
        { title: '倍数', render: (p, i) => <Num label="倍数" min={0.01} max={100} width={60} value={p.multiplier} status={status('publications', i, 'multiplier')} onChange={(v) => edit((r) => (r.publications[i]!.multiplier = v ?? 1))} /> },
      ]}
      add={{
        fields: [
          { key: 'level', label: '级别', type: 'select', options: LEVELS },
          { key: 'single', label: '单篇', type: 'num', min: 0 },
          { key: 'combined', label: '综合', type: 'num', min: 0 },
          { key: 'brief', label: '简讯', type: 'num', min: 0 },
        ],
        initial: { level: 'district', single: 0, combined: 0, brief: 0 },
        hint: '分值可为半分（如 2.5）。按信息类别的分值可在添加后展开该行设置。',
        keyPrefix: 'p',
        make: (v, key, name) => ({
          key,
          name,
          aliases: [],
          level: v.level as RuleSet['publications'][number]['level'],
          points: { single: Number(v.single ?? 0), combined: Number(v.combined ?? 0), brief: Number(v.brief ?? 0) },
          categoryPoints: {},
          multiplier: 1,
          instructionPoints: {},
          clause: '',
        }),
      }}
    />
  );
}

export function InstructionsList() {
  const { draft, edit } = useRuleEditing();
  return (
    <EntryTable
      section="instructionLevels"
      what="批示级别"
      nameTitle="批示级别"
      clause
      keep={1}
      head={
        <>
          一条信息有多个批示：
          <Select size="small" aria-label="多次批示" value={draft.instructionCombine} onChange={(v) => edit((r) => (r.instructionCombine = v))} options={INSTRUCTION_COMBINE} style={{ width: 220 }} />
        </>
      }
      hint={`${EXPAND_HINT}。`}
      onRemove={(r, l) => {
        for (const p of r.publications) delete p.instructionPoints[l.key];
      }}
      columns={[
        {
          title: '星级',
          render: (l, i) => (
            <Space size={4}>
              <Num label="星数" int min={0} max={5} width={52} value={l.stars} onChange={(v) => edit((r) => (r.instructionLevels[i]!.stars = v ?? 0))} />
              <span style={{ color: '#d48806' }}>{stars(l.stars)}</span>
            </Space>
          ),
        },
        {
          title: '加分',
          render: (l, i) => (
            <FormPoints value={{ ...l.points, brief: 0 }} onChange={(f, v) => edit((r) => ((r.instructionLevels[i]!.points as Forms)[f] = v))} path={['instructionLevels', i, 'points']} only={['single', 'combined']} />
          ),
        },
      ]}
      add={{
        fields: [
          { key: 'stars', label: '星数', type: 'num', min: 0, max: 5, int: true },
          { key: 'single', label: '单篇加分', type: 'num', min: 0 },
          { key: 'combined', label: '综合加分', type: 'num', min: 0 },
        ],
        initial: { stars: 1, single: 0, combined: 0 },
        keyPrefix: 'l',
        make: (v, key, name) => ({ key, name, aliases: [], stars: Number(v.stars ?? 0), points: { single: Number(v.single ?? 0), combined: Number(v.combined ?? 0) }, clause: '' }),
      }}
    />
  );
}

const SCOPES = [
  { value: 'period', label: '当月当季' },
  { value: 'year', label: '只计年度' },
];

export function EventsList() {
  const { edit, status } = useRuleEditing();
  return (
    <EntryTable
      section="eventKinds"
      what="加减分事项"
      nameTitle="事项"
      nameWidth={190}
      wide
      clause
      keep={0}
      removeNote="已登记的该事项保留，但按本规则集不再计分。"
      hint={`${EXPAND_HINT}，以及计分明细中显示的办法原文。`}
      detail={(e, i) => (
        <Space size={4}>
          办法原文
          <InputDescription value={e.description} status={status('eventKinds', i, 'description')} onChange={(v) => edit((r) => (r.eventKinds[i]!.description = v))} />
        </Space>
      )}
      columns={[
        { title: '分值（减分为负）', render: (e, i) => <Num label="分值" value={e.points} status={status('eventKinds', i, 'points')} onChange={(v) => edit((r) => (r.eventKinds[i]!.points = v ?? 0))} /> },
        { title: '计入', render: (e, i) => <Select size="small" aria-label="计入" value={e.scope} options={SCOPES} onChange={(v: 'period' | 'year') => edit((r) => (r.eventKinds[i]!.scope = v))} style={{ width: 96 }} /> },
        { title: '每年上限', render: (e, i) => <Num label="每年上限" int min={1} max={10000} nullable placeholder="不限" width={64} value={e.capPerYear} onChange={(v) => edit((r) => (r.eventKinds[i]!.capPerYear = v))} /> },
        { title: '扣完为止', render: (e, i) => <Checkbox aria-label="扣完为止" checked={e.floored} onChange={(x) => edit((r) => (r.eventKinds[i]!.floored = x.target.checked))} /> },
        { title: '通报批评', render: (e, i) => <Checkbox aria-label="通报批评" checked={e.criticise} onChange={(x) => edit((r) => (r.eventKinds[i]!.criticise = x.target.checked))} /> },
      ]}
      add={{
        fields: [
          { key: 'points', label: '分值', type: 'num' },
          { key: 'scope', label: '计入', type: 'select', options: SCOPES },
          { key: 'capPerYear', label: '每年上限', type: 'num', int: true, min: 1, max: 10000, nullable: true, placeholder: '不限' },
          { key: 'floored', label: '扣完为止', type: 'check', text: '减分时扣完为止' },
          { key: 'criticise', label: '通报批评', type: 'check', text: '有此事项的单位在通报中点名批评' },
        ],
        initial: { points: 0, scope: 'period', capPerYear: null, floored: false, criticise: false },
        hint: '加分填正数，减分填负数（如 -2），可为半分。',
        keyPrefix: 'e',
        make: (v, key, name) => ({
          key,
          name,
          description: '',
          aliases: [],
          points: Number(v.points ?? 0),
          scope: v.scope as 'period' | 'year',
          floored: v.floored === true,
          capPerYear: (v.capPerYear as number | null) ?? null,
          criticise: v.criticise === true,
          clause: '',
        }),
      }}
    />
  );
}

function InputDescription({ value, status, onChange }: { value: string; status?: 'error'; onChange: (v: string) => void }) {
  return (
    <Input size="small" aria-label="办法原文" placeholder="计分明细中显示，如：重大信息迟报、漏报（每条）" value={value} status={status} onChange={(x) => onChange(x.target.value)} style={{ width: 520 }} />
  );
}

export function IssuersList() {
  const { edit, status } = useRuleEditing();
  return (
    <EntryTable
      section="requestIssuers"
      what="约稿方"
      nameTitle="约稿方"
      clause
      keep={0}
      emptyText="本规则集不计约稿"
      hint={`${EXPAND_HINT}。`}
      columns={[
        { title: '未完成扣分', render: (q, i) => <Num label="未完成扣分" max={0} value={q.missPoints} status={status('requestIssuers', i, 'missPoints')} onChange={(v) => edit((r) => (r.requestIssuers[i]!.missPoints = v ?? 0))} /> },
        { title: '完成得分', render: (q, i) => <Num label="完成得分" min={0} value={q.donePoints} status={status('requestIssuers', i, 'donePoints')} onChange={(v) => edit((r) => (r.requestIssuers[i]!.donePoints = v ?? 0))} /> },
        { title: '扣完为止', render: (q, i) => <Checkbox aria-label="扣完为止" checked={q.floored} onChange={(x) => edit((r) => (r.requestIssuers[i]!.floored = x.target.checked))} /> },
      ]}
      add={{
        fields: [
          { key: 'missPoints', label: '未完成扣分', type: 'num', max: 0 },
          { key: 'donePoints', label: '完成得分', type: 'num', min: 0 },
          { key: 'floored', label: '扣完为止', type: 'check', text: '未完成扣分扣完为止' },
        ],
        initial: { missPoints: 0, donePoints: 0, floored: false },
        hint: '未完成扣分填负数或 0。',
        keyPrefix: 'r',
        make: (v, key, name) => ({ key, name, aliases: [], missPoints: Number(v.missPoints ?? 0), donePoints: Number(v.donePoints ?? 0), floored: v.floored === true, clause: '' }),
      }}
    />
  );
}
