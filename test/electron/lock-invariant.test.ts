// What was circulated never changes, by construction: every method of the IPC contract that writes is called with
// valid arguments aimed at a locked quarter (2019Q2) and at an open one (2019Q3), each on a fresh copy of one ledger,
// and each call is either refused naming the quarter or leaves the locked quarter's scores, ranks and circular text
// exactly as they were. The list of methods comes from the contract: a new writing method without cases here fails
// the test, and every read method is called too and must change nothing.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { importWorkbook } from '../../electron/exchange/import';
import { createHandlers, dispatch, type Handlers } from '../../electron/handlers';
import { backupTo } from '../../electron/services/backup';
import { METHOD_NAMES, READ_METHODS, type Method } from '../../shared/ipc/contract';
import type { RuleSet } from '../../shared/rules/schema';
import { tempDir } from '../helpers/cli';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';
import { writeWorkbook } from '../helpers/workbooks';

const AS_OF = '2019-07-20';
const dir = tempDir('zwxx-locks-');
const base = join(dir, 'base.db');
const LOCKED = '2019年第二季度';

/** The facts the cases aim at: ids in the locked quarter and in the open one. */
interface Ids {
  unitSj: number;
  unitFc: number;
  unitFree: number;
  itemQ2: number;
  itemQ3: number;
  adoptionQ2: number;
  adoptionQ3: number;
  instructionQ2: number;
  instructionQ3: number;
  requestQ2: number;
  requestQ3: number;
  targetQ2: number;
  targetQ3: number;
  eventQ2: number;
  eventQ3: number;
  deletedQ2: number;
  deletedQ3: number;
  rules: { id: number; rules: RuleSet };
  draftQ2: number;
  draftQ3: number;
  publishedQ2: number;
  publishedQ3: number;
}
let ids: Ids;
const files = {
  roster: join(dir, 'roster.xlsx'),
  itemsQ2: join(dir, 'items-q2.xlsx'),
  itemsQ3: join(dir, 'items-q3.xlsx'),
  backup: join(dir, 'backup.db'),
};

function handlersFor(db: () => Db, replace: (d: Db) => void, file: string, caseDir: string, open: { file: string | null }): Handlers {
  return createHandlers({
    db,
    replaceDb: replace,
    dataFile: file,
    assetsDir: join(__dirname, '../../assets'),
    dialogs: {
      openFile: async () => open.file,
      saveFile: async (o) => join(caseDir, o.defaultName),
      chooseFolder: async () => caseDir,
    },
    version: 'test',
    today: () => AS_OF,
    startup: { failure: null, notice: null },
  });
}

const item = (unitId: number, date: string, title: string) => ({ unitId, date, title, kinds: [], authors: [], note: '' });
const adoption = (itemId: number, date: string) => ({ itemId, publication: 'district', form: 'single', date, issueNo: '第9期', note: '' });
const instruction = (itemId: number, date: string) => ({ itemId, level: 'city', form: 'single', date, leader: '市长', note: '' });
const request = (unitIds: number[], deadline: string) => ({ issuer: 'district_office', topic: '秋收进度', issued: null, deadline, unitIds, note: '' });
const draft = (itemId: number, date: string) => ({
  publication: 'district',
  date,
  editorNote: '',
  sections: [{ name: '工作动态', entries: [{ itemIds: [itemId], form: 'single', title: '', body: '', editorNote: '' }] }],
});
const event = (unitId: number, date: string) => ({ unitId, date, kind: 'training', quantity: 1, note: '' });
const unit = (id: number | undefined, name: string, group: string, sortOrder?: number) => ({
  ...(id === undefined ? {} : { id }),
  name,
  group,
  aliases: [],
  contact: '',
  phone: '',
  ...(sortOrder === undefined ? {} : { sortOrder }),
  activeFrom: null,
  activeUntil: null,
  note: '',
});

/** A case: the calls made in order (a dialog answer first, where the method asks), and whether it must be refused. */
interface Case {
  calls: unknown[];
  open?: string;
  refused?: boolean;
}

/** Valid calls of every writing method, aimed at the locked quarter and at the open one. */
function cases(i: Ids): Record<string, Case[]> {
  const rulesFrom = (effectiveFrom: string, name: string): RuleSet => ({ ...i.rules.rules, name, effectiveFrom });
  return {
    'app:moveData': [{ calls: [{}] }],
    'app:recover': [{ calls: [{}] }],
    // the ledger-file methods answer only in the desktop app or on a failed start; here they change nothing
    'app:retryOpen': [{ calls: [{}] }],
    'app:chooseLedger': [{ calls: [{}] }],
    'app:newLedger': [{ calls: [{}] }],
    'recycle:restore': [
      { calls: [{ kind: 'items', id: i.deletedQ2 }], refused: true },
      { calls: [{ kind: 'items', id: i.deletedQ3 }] },
    ],
    'units:save': [
      // the roster changes going forward; the locked quarter keeps the roster it was circulated with
      { calls: [unit(i.unitSj, '区审计局', 'dept1')] },
      { calls: [unit(i.unitFc, '凤城街道办事处', 'town')] },
      { calls: [unit(i.unitSj, '区审计局', 'none')] },
      { calls: [unit(undefined, '区新设局', 'dept2', 1)] },
    ],
    'units:move': [{ calls: [{ id: i.unitSj, direction: -1 }] }, { calls: [{ id: i.unitFc, direction: 1 }] }],
    'units:importSample': [{ calls: [{}] }],
    'units:delete': [{ calls: [{ id: i.unitFree }] }, { calls: [{ id: i.unitSj }] }],
    'items:create': [{ calls: [item(i.unitSj, '2019-05-09', '锁定后补报的信息')], refused: true }, { calls: [item(i.unitSj, '2019-07-09', '三季度的信息')] }],
    'items:createMany': [
      { calls: [{ rows: [item(i.unitSj, '2019-07-09', '三季度'), item(i.unitSj, '2019-06-30', '二季度末')] }], refused: true },
      { calls: [{ rows: [item(i.unitSj, '2019-07-09', '三季度一'), item(i.unitFc, '2019-08-09', '三季度二')] }] },
    ],
    'items:update': [
      { calls: [{ id: i.itemQ2, item: item(i.unitSj, '2019-05-10', '改了标题') }], refused: true },
      // moving an open item into the locked quarter is refused, as is moving a locked one out
      { calls: [{ id: i.itemQ3, item: item(i.unitSj, '2019-06-10', '挪进二季度') }], refused: true },
      { calls: [{ id: i.itemQ2, item: item(i.unitSj, '2019-07-10', '挪出二季度') }], refused: true },
      { calls: [{ id: i.itemQ3, item: item(i.unitFc, '2019-07-11', '三季度改单位') }] },
    ],
    'items:delete': [{ calls: [{ id: i.itemQ2 }], refused: true }, { calls: [{ id: i.itemQ3 }] }],
    'adoptions:create': [{ calls: [{ list: [adoption(i.itemQ2, '2019-06-28')] }], refused: true }, { calls: [{ list: [adoption(i.itemQ2, '2019-07-15')] }] }],
    'adoptions:update': [
      { calls: [{ id: i.adoptionQ2, adoption: adoption(i.itemQ2, '2019-06-21') }], refused: true },
      { calls: [{ id: i.adoptionQ3, adoption: adoption(i.itemQ3, '2019-06-21') }], refused: true },
      { calls: [{ id: i.adoptionQ3, adoption: adoption(i.itemQ3, '2019-08-21') }] },
    ],
    'adoptions:delete': [{ calls: [{ id: i.adoptionQ2 }], refused: true }, { calls: [{ id: i.adoptionQ3 }] }],
    'instructions:create': [{ calls: [instruction(i.itemQ2, '2019-06-29')], refused: true }, { calls: [instruction(i.itemQ2, '2019-07-29')] }],
    'instructions:update': [
      { calls: [{ id: i.instructionQ2, instruction: instruction(i.itemQ2, '2019-06-02') }], refused: true },
      { calls: [{ id: i.instructionQ3, instruction: instruction(i.itemQ3, '2019-09-02') }] },
    ],
    'instructions:delete': [{ calls: [{ id: i.instructionQ2 }], refused: true }, { calls: [{ id: i.instructionQ3 }] }],
    'requests:create': [{ calls: [request([i.unitSj], '2019-06-10')], refused: true }, { calls: [request([i.unitSj], '2019-09-10')] }],
    'requests:update': [
      { calls: [{ id: i.requestQ2, request: request([i.unitSj], '2019-06-12') }], refused: true },
      { calls: [{ id: i.requestQ3, request: request([i.unitSj, i.unitFc], '2019-09-12') }] },
    ],
    'requests:setOutcome': [
      { calls: [{ targetId: i.targetQ2, outcome: 'done', itemId: null }], refused: true },
      { calls: [{ targetId: i.targetQ3, outcome: 'missed', itemId: null }] },
    ],
    'requests:delete': [{ calls: [{ id: i.requestQ2 }], refused: true }, { calls: [{ id: i.requestQ3 }] }],
    'events:create': [{ calls: [event(i.unitSj, '2019-04-30')], refused: true }, { calls: [event(i.unitSj, '2019-07-30')] }],
    'events:update': [
      { calls: [{ id: i.eventQ2, event: event(i.unitSj, '2019-05-11') }], refused: true },
      { calls: [{ id: i.eventQ3, event: event(i.unitFc, '2019-08-11') }] },
    ],
    'events:delete': [{ calls: [{ id: i.eventQ2 }], refused: true }, { calls: [{ id: i.eventQ3 }] }],
    'rules:save': [
      // a new rule set that would take over the locked quarter, or the one that scored it edited
      { calls: [{ rules: rulesFrom('2019-04-01', '新规则甲') }], refused: true },
      { calls: [{ rules: rulesFrom('2018-01-01', '新规则乙') }], refused: true },
      { calls: [{ id: i.rules.id, rules: { ...i.rules.rules, name: '改名的规则' } }], refused: true },
      { calls: [{ id: i.rules.id, rules: rulesFrom('2019-07-01', i.rules.rules.name) }], refused: true },
      { calls: [{ rules: rulesFrom('2019-07-01', '三季度起的规则') }] },
    ],
    'settings:save': [{ calls: [{ settings: { officeName: '莱芜区人民政府办公室（新）', mainRecipients: '各镇街、区直各部门：' } }] }],
    'locks:lock': [{ calls: [{ period: '2019Q3' }] }, { calls: [{ period: '2019Q2' }], refused: true }],
    'locks:unlock': [{ calls: [{ period: '2019Q2' }] }],
    'report:export': [{ calls: [{ period: '2019Q2' }] }],
    'circular:saveIssue': [
      { calls: [{ period: '2019Q2', date: '2019-07-30', docNo: '99', edits: { problems: ['改写的存在问题'] } }] },
      { calls: [{ period: '2019Q3', date: '2019-10-10', docNo: '12', edits: {} }] },
    ],
    'circular:attachSigned': [{ open: files.backup, calls: [{ period: '2019Q2' }] }, { open: files.backup, calls: [{ period: '2019Q3' }] }],
    // a draft is not yet anyone's score: composing one dated in the locked quarter is allowed, publishing it is not
    'journal:save': [{ calls: [{ draft: draft(i.itemQ2, '2019-06-26') }] }, { calls: [{ id: i.draftQ3, draft: draft(i.itemQ3, '2019-07-22') }] }],
    'journal:delete': [{ calls: [{ id: i.draftQ2 }] }, { calls: [{ id: i.draftQ3 }] }],
    'journal:publish': [{ calls: [{ id: i.draftQ2 }], refused: true }, { calls: [{ id: i.draftQ3 }] }],
    'journal:withdraw': [{ calls: [{ id: i.publishedQ2 }], refused: true }, { calls: [{ id: i.publishedQ3 }] }],
    'journal:export': [{ calls: [{ id: i.publishedQ2 }] }, { calls: [{ id: i.draftQ3 }] }],
    // the clerk cancels the file dialog; a confirmation naming no file read in this session is refused
    'receive:preview': [{ calls: [{}] }],
    'receive:confirm': [{ calls: [{ rows: [{ token: 'none', unitId: i.unitSj, date: '2019-05-05', title: '补收的稿件', body: '' }] }] }],
    'data:import': [
      { open: files.roster, calls: [{ dryRun: true }, { dryRun: false, file: files.roster }] },
      { open: files.itemsQ2, calls: [{ dryRun: true }, { dryRun: false, file: files.itemsQ2 }] },
      { open: files.itemsQ3, calls: [{ dryRun: true }, { dryRun: false, file: files.itemsQ3 }] },
    ],
    'data:export': [{ calls: [{}] }],
    // writes a workbook of skipped rows, never the ledger (the clerk cancels the save dialog here)
    'data:saveSkipped': [{ calls: [{ rows: [{ sheet: '信息', row: 5, values: ['合计'], reasons: ['报送日期：必填'] }], headers: { 信息: ['报送日期'] } }] }],
    'data:template': [{ calls: [{}] }],
    'backup:create': [{ calls: [{}] }],
    'backup:restore': [{ open: files.backup, calls: [{}, { file: files.backup, confirm: true }] }],
  };
}

/** What 2019Q2 was circulated with, through the pages' own read methods: every group's units, totals and ranks,
 *  the rule set's name, and the circular's text. */
async function circulated(h: Handlers): Promise<string> {
  const scores = await dispatch(h, 'scores:period', { period: '2019Q2' });
  const circular = await dispatch(h, 'circular:preview', { period: '2019Q2' });
  if (!scores.ok || !circular.ok) throw new Error('reading 2019Q2 failed');
  const s = (scores.value as { scores: { ruleSetNames: string[]; groups: { name: string; units: { unitName: string; total: number; rank: number }[] }[] } }).scores;
  return JSON.stringify({
    rules: s.ruleSetNames,
    groups: s.groups.map((g) => [g.name, g.units.map((u) => [u.unitName, u.total, u.rank])]),
    text: (circular.value as { text: unknown }).text,
  });
}

let expected: string;

beforeAll(async () => {
  const workbook = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(workbook);
  await writeWorkbook(files.roster, [
    {
      name: '单位',
      headers: ['单位名称', '类别', '排序'],
      rows: [
        ['区审计局', '第一数量级', 5],
        ['区医疗保障局', '不计分', 42],
        ['凤城街道', '镇街', 99],
      ],
    },
  ]);
  await writeWorkbook(files.itemsQ2, [{ name: '信息', headers: ['编号', '报送日期', '报送单位', '信息标题'], rows: [['L-1', '2019-05-06', '凤城街道', '锁定期间补报的信息']] }]);
  await writeWorkbook(files.itemsQ3, [{ name: '信息', headers: ['编号', '报送日期', '报送单位', '信息标题'], rows: [['L-3', '2019-08-06', '凤城街道', '三季度的信息']] }]);
  const db = openDatabase(base);
  const report = await importWorkbook(db, workbook, { source: '导入' });
  expect(report.problems).toEqual([]);
  const h = handlersFor(() => db, () => undefined, base, dir, { file: null });
  const call = async (m: Method, a: unknown): Promise<unknown> => {
    const r = await dispatch(h, m, a);
    if (!r.ok) throw new Error(`${m}: ${r.error}`);
    return r.value;
  };
  const one = (sql: string, ...p: unknown[]): number => (db.prepare(sql).get(...p) as { id: number }).id;
  const unitSj = one("SELECT id FROM units WHERE name = '区审计局'");
  const unitFc = one("SELECT id FROM units WHERE name = '凤城街道'");
  const unitFree = ((await call('units:save', unit(undefined, '区档案馆', 'dept2'))) as { id: number }).id;
  const itemQ2 = one("SELECT id FROM items WHERE submitted = '2019-05-08' ORDER BY id LIMIT 1");
  const itemQ3 = ((await call('items:create', item(unitSj, '2019-07-03', '三季度第一条'))) as { id: number }).id;
  const deletedQ2 = one("SELECT id FROM items WHERE submitted = '2019-05-09' ORDER BY id LIMIT 1");
  await call('items:delete', { id: deletedQ2 });
  const deletedQ3 = ((await call('items:create', item(unitSj, '2019-07-04', '将删除的信息'))) as { id: number }).id;
  await call('items:delete', { id: deletedQ3 });
  await call('adoptions:create', { list: [adoption(itemQ3, '2019-07-06')] });
  await call('instructions:create', instruction(itemQ3, '2019-07-07'));
  await call('requests:create', request([unitSj], '2019-09-30'));
  await call('events:create', event(unitSj, '2019-07-08'));
  const q2Request = ((await call('requests:create', request([unitFc], '2019-06-28'))) as { id: number }).id;
  await call('requests:setOutcome', { targetId: one('SELECT id FROM request_targets WHERE request_id = ?', q2Request), outcome: 'explained', itemId: null });
  await call('events:create', event(unitFc, '2019-06-18'));
  const rules = (await call('rules:list', {})) as { id: number; rules: RuleSet }[];
  const saved = async (itemId: number, date: string): Promise<number> => ((await call('journal:save', { draft: draft(itemId, date) })) as { id: number }).id;
  const publishedQ2 = await saved(itemQ2, '2019-06-20');
  await call('journal:publish', { id: publishedQ2 });
  const draftQ2 = await saved(itemQ2, '2019-06-25');
  const publishedQ3 = await saved(itemQ3, '2019-07-20');
  await call('journal:publish', { id: publishedQ3 });
  const draftQ3 = await saved(itemQ3, '2019-07-21');
  await call('locks:lock', { period: '2019Q2' });
  ids = {
    unitSj,
    unitFc,
    unitFree,
    itemQ2,
    itemQ3,
    deletedQ2,
    deletedQ3,
    adoptionQ2: one("SELECT id FROM adoptions WHERE date < '2019-07-01' ORDER BY id LIMIT 1"),
    adoptionQ3: one("SELECT id FROM adoptions WHERE date >= '2019-07-01' ORDER BY id LIMIT 1"),
    instructionQ2: one("SELECT id FROM instructions WHERE date < '2019-07-01' ORDER BY id LIMIT 1"),
    instructionQ3: one("SELECT id FROM instructions WHERE date >= '2019-07-01' ORDER BY id LIMIT 1"),
    requestQ2: one("SELECT id FROM requests WHERE deadline < '2019-07-01' ORDER BY id LIMIT 1"),
    requestQ3: one("SELECT id FROM requests WHERE deadline >= '2019-07-01' ORDER BY id LIMIT 1"),
    targetQ2: one("SELECT t.id FROM request_targets t JOIN requests r ON r.id = t.request_id WHERE r.deadline < '2019-07-01' ORDER BY t.id LIMIT 1"),
    targetQ3: one("SELECT t.id FROM request_targets t JOIN requests r ON r.id = t.request_id WHERE r.deadline >= '2019-07-01' ORDER BY t.id LIMIT 1"),
    eventQ2: one("SELECT id FROM events WHERE date < '2019-07-01' ORDER BY id LIMIT 1"),
    eventQ3: one("SELECT id FROM events WHERE date >= '2019-07-01' ORDER BY id LIMIT 1"),
    rules: rules[0]!,
    draftQ2,
    draftQ3,
    publishedQ2,
    publishedQ3,
  };
  expected = await circulated(h);
  await backupTo(db, files.backup);
  closeDatabase(db);
}, 120_000);

afterAll(() => undefined);

describe('every writing method of the contract keeps a locked quarter as circulated', () => {
  it('has cases for exactly the contract’s writing methods', () => {
    const writing = METHOD_NAMES.filter((m) => !READ_METHODS.has(m)).sort();
    expect(Object.keys(cases(ids)).sort()).toEqual(writing);
  });

  const writing = METHOD_NAMES.filter((m) => !READ_METHODS.has(m));
  it.each(writing)('%s: refused naming the quarter, or 2019Q2 unchanged', async (method) => {
    const list = cases(ids)[method];
    expect(list, `no cases for ${method}`).toBeDefined();
    let n = 0;
    for (const c of list!) {
      const caseDir = join(dir, `${method.replace(':', '-')}-${n++}`);
      mkdirSync(caseDir, { recursive: true });
      const file = join(caseDir, 'zwxx.db');
      copyFileSync(base, file);
      let db = openDatabase(file);
      const h = handlersFor(() => db, (d) => (db = d), file, caseDir, { file: c.open ?? null });
      try {
        const replies = [];
        for (const args of c.calls) replies.push(await dispatch(h, method, args));
        const last = replies[replies.length - 1]!;
        const what = `${method} ${JSON.stringify(c.calls).slice(0, 120)}`;
        for (const r of replies) if (!r.ok) expect(r.error, what).toMatch(/[\u4e00-\u9fff]/);
        if (c.refused) {
          expect(last.ok, what).toBe(false);
          if (!last.ok) expect(last.error, what).toContain(LOCKED);
        }
        const locks = await dispatch(h, 'locks:list', {});
        // unlocking releases the quarter by design; anything else leaves it locked and as circulated
        if (method !== 'locks:unlock') {
          expect(locks.ok && (locks.value as string[]).includes('2019Q2'), what).toBe(true);
          expect(await circulated(h), what).toBe(expected);
        } else expect(locks.ok && (locks.value as string[]).includes('2019Q2'), what).toBe(false);
      } finally {
        closeDatabase(db);
      }
    }
  }, 120_000);
});

describe('read methods write nothing', () => {
  const ARGS: Partial<Record<Method, unknown>> = {
    'app:showInFolder': { file: '/tmp/none.xlsx' },
    'audit:list': {},
    'items:list': { offset: 0, limit: 50 },
    'items:get': { id: 1 },
    'items:similar': { unitId: 1, title: '信息', date: '2019-05-05' },
    'items:similarMany': { rows: [{ unitId: 1, title: '信息', date: '2019-05-05' }] },
    'adoptions:check': { list: [adoption(1, '2019-07-01')] },
    'adoptions:issues': { year: 2019 },
    'requests:list': { year: 2019 },
    'events:list': { year: 2019 },
    'scores:period': { period: '2019' },
    'circular:preview': { period: '2019Q2' },
    'dashboard:get': { month: '2019-07' },
  };
  it('every read method of the contract leaves the ledger byte for byte as it was (total_changes)', async () => {
    const file = join(dir, 'reads.db');
    copyFileSync(base, file);
    const db = openDatabase(file);
    const h = handlersFor(() => db, () => undefined, file, dir, { file: null });
    const changes = (): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    try {
      for (const m of METHOD_NAMES.filter((x) => READ_METHODS.has(x))) {
        const before = changes();
        const r = await dispatch(h, m, ARGS[m] ?? {});
        if (!r.ok) expect(r.error, m).toMatch(/[\u4e00-\u9fff]/);
        expect(changes(), `${m} wrote to the ledger`).toBe(before);
      }
    } finally {
      closeDatabase(db);
    }
  });
});

describe('master data changes going forward', () => {
  /** A fresh copy of the ledger with its handlers. */
  async function withCopy(name: string, run: (call: (m: Method, a: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>, db: () => Db) => Promise<void>): Promise<void> {
    const caseDir = join(dir, name);
    mkdirSync(caseDir, { recursive: true });
    const file = join(caseDir, 'zwxx.db');
    copyFileSync(base, file);
    let db = openDatabase(file);
    const h = handlersFor(() => db, (d) => (db = d), file, caseDir, { file: null });
    try {
      await run((m, a) => dispatch(h, m, a) as Promise<{ ok: boolean; value?: unknown; error?: string }>, () => db);
    } finally {
      closeDatabase(db);
    }
  }
  type Scores = { scores: { groups: { key: string; name: string; units: { unitName: string; total: number }[] }[]; warnings: string[] } };
  const groupOf = (s: Scores, name: string): string | undefined => s.scores.groups.find((g) => g.units.some((u) => u.unitName === name))?.name;

  it('a unit moved to another group and renamed counts so from the first open quarter; the locked one keeps what it printed', async () => {
    await withCopy('forward-unit', async (call) => {
      expect((await call('units:save', unit(ids.unitSj, '区审计局（新名）', 'dept1'))).ok).toBe(true);
      const q2 = (await call('scores:period', { period: '2019Q2' })).value as Scores;
      const q3 = (await call('scores:period', { period: '2019Q3' })).value as Scores;
      expect(groupOf(q2, '区审计局')).toBe('第二数量级');
      expect(groupOf(q3, '区审计局（新名）')).toBe('第一数量级');
      // the year puts each quarter's points where that quarter had the unit, and shows it once
      const year = (await call('scores:period', { period: '2019' })).value as Scores;
      expect(year.scores.groups.flatMap((g) => g.units).filter((u) => u.unitName.startsWith('区审计局'))).toHaveLength(1);
    });
  });

  it('a rule set reaching back into the locked quarter is refused with the earliest date it may take', async () => {
    await withCopy('rules-back', async (call) => {
      const r = await call('rules:save', { rules: { ...ids.rules.rules, name: '新规则', effectiveFrom: '2019-04-01' } });
      expect(r.ok).toBe(false);
      expect(r.error).toContain('2019年第二季度');
      expect(r.error).toContain('生效日期最早为2019年7月1日');
    });
  });

  it('the year view scores each quarter with its own rule set: a group added from the third quarter keeps its units in the year', async () => {
    await withCopy('year-groups', async (call) => {
      const base = ids.rules.rules;
      const dept3 = { ...base.groups.find((g) => g.key === 'dept2')!, key: 'dept3', name: '第三数量级', aliases: [] };
      const later: RuleSet = { ...base, name: '三季度起加第三数量级', effectiveFrom: '2019-07-01', groups: [...base.groups, dept3] };
      const saved = await call('rules:save', { rules: later });
      expect(saved.error ?? '').toBe('');
      expect((await call('units:save', unit(ids.unitSj, '区审计局', 'dept3'))).ok).toBe(true);
      const q3 = (await call('scores:period', { period: '2019Q3' })).value as Scores;
      expect(groupOf(q3, '区审计局')).toBe('第三数量级');
      const year = (await call('scores:period', { period: '2019' })).value as Scores;
      expect(groupOf(year, '区审计局')).toBe('第三数量级');
      expect(year.scores.warnings.join('')).not.toContain('个单位未计分');
    });
  });

  it('a unit whose group its quarter’s rule set lacks is reported, not scored 0 in silence', async () => {
    await withCopy('missing-group', async (call) => {
      const base = ids.rules.rules;
      const dept3 = { ...base.groups.find((g) => g.key === 'dept2')!, key: 'dept3', name: '第三数量级', aliases: [] };
      const later: RuleSet = { ...base, name: '三季度起加第三数量级', effectiveFrom: '2019-07-01', groups: [...base.groups, dept3] };
      const saved = await call('rules:save', { rules: later });
      expect(saved.error ?? '').toBe('');
      // 2019Q1 is open and scored with the first rule set, which has no 第三数量级
      expect((await call('units:save', unit(ids.unitSj, '区审计局', 'dept3'))).ok).toBe(true);
      const q1 = (await call('scores:period', { period: '2019Q1' })).value as Scores;
      expect(q1.scores.warnings.join('')).toContain('区审计局');
    });
  });
});

describe('writes wait their turn', () => {
  it('an item saved while a restore runs is queued behind it and lands in the restored ledger, not in the replaced file', async () => {
    const caseDir = join(dir, 'restore-race');
    mkdirSync(caseDir, { recursive: true });
    const file = join(caseDir, 'zwxx.db');
    copyFileSync(base, file);
    let db = openDatabase(file);
    const first = db;
    const h = handlersFor(() => db, (d) => (db = d), file, caseDir, { file: files.backup });
    try {
      // asked at once, in this order: the restore awaits its safety backup while the save is asked for
      expect((await dispatch(h, 'backup:restore', {})).ok).toBe(true); // the preview step
      const restoring = dispatch(h, 'backup:restore', { file: files.backup, confirm: true });
      const saving = dispatch(h, 'items:create', item(ids.unitSj, '2019-08-01', '恢复期间保存的信息'));
      const [restored, saved] = await Promise.all([restoring, saving]);
      expect(restored.ok).toBe(true);
      expect(saved.ok).toBe(true);
      expect(db).not.toBe(first);
      const id = (saved as { value: { id: number } }).value.id;
      const found = await dispatch(h, 'items:get', { id });
      expect(found.ok && (found.value as { title: string }).title).toBe('恢复期间保存的信息');
      // and the restore is in the ledger's history: one entry, by whoever asked for it
      const audit = await dispatch(h, 'audit:list', { entity: 'ledger', action: 'restore' });
      expect(audit.ok && (audit.value as { total: number }).total).toBe(1);
    } finally {
      closeDatabase(db);
    }
  });
});
