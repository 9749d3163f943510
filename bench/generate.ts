// Realistic ledgers for benchmarks and crash tests: N office-years of one district. One office-year, as the district's own figures give it:
// 60 units, 15,000 items, 1,500 adoptions, 60 instructions, 40 requests with 300 targets, 100 events.
// Written straight into SQLite in one transaction (the audit triggers still fire), seeded, so runs are comparable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSource, type Db } from '../electron/db/database';
import { importRosterCsvAsync } from '../electron/services/roster';

export const OFFICE_YEAR = { units: 60, items: 15_000, adoptions: 1_500, instructions: 60, requests: 40, targets: 300, events: 100 };

/** mulberry32: small, fast, seeded */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = ['多措并举推进', '扎实开展', '全力做好', '创新实施', '持续深化', '高标准推进', '着力破解', '积极探索', '精准发力抓好', '统筹推进'];
const TOPICS = [
  '老旧小区改造',
  '农村人居环境整治',
  '优化营商环境',
  '安全生产大排查',
  '冬季清洁取暖',
  '乡村振兴示范片区建设',
  '重点项目攻坚',
  '文明城市创建',
  '河长制落实',
  '秸秆禁烧',
  '招商引资',
  '“放管服”改革',
  '民生实事办理',
  '疫情防控常态化',
  '基层治理网格化',
  '森林防火',
  '企业帮包服务',
  '垃圾分类',
  '退役军人服务保障',
  '义务教育均衡发展',
];
const TAILS = ['工作', '', '取得明显成效', '见到实效', '工作的做法与建议', '情况', '的探索与思考', '调研报告'];

export interface Generated {
  units: number;
  items: number;
  adoptions: number;
  instructions: number;
  requests: number;
  targets: number;
  events: number;
  firstYear: number;
  lastYear: number;
}

/** Fills an empty ledger with `years` office-years ending with `lastYear`. */
export async function generateLedger(db: Db, years: number, opts: { lastYear?: number; seed?: number; scale?: number; assetsDir: string }): Promise<Generated> {
  const scale = opts.scale ?? 1;
  const lastYear = opts.lastYear ?? 2025;
  const firstYear = lastYear - years + 1;
  const r = rng(opts.seed ?? 20191);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  await importRosterCsvAsync(db, readFileSync(join(opts.assetsDir, 'sample-roster.csv'), 'utf8'), '导入');
  const t = new Date().toISOString();
  const count: Generated = { units: 0, items: 0, adoptions: 0, instructions: 0, requests: 0, targets: 0, events: 0, firstYear, lastYear };
  withSource(db, '导入', () => {
    const have = (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
    const addUnit = db.prepare('INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = have; i < OFFICE_YEAR.units; i++) addUnit.run(`区新设机构${i - have + 1}`, `区新设机构${i - have + 1}`, 'dept2', 1000 + i, t, t);
    const units = db.prepare(`SELECT id, name, grp FROM units WHERE grp != 'none' ORDER BY sort_order`).all() as { id: number; name: string; grp: string }[];
    count.units = units.length;
    // busier units submit more: weights 1..3
    const weights = units.map(() => 1 + Math.floor(r() * 3));
    const totalW = weights.reduce((a, b) => a + b, 0);
    const unitAt = (x: number): { id: number; name: string } => {
      let acc = 0;
      for (let i = 0; i < units.length; i++) if ((acc += weights[i]!) / totalW > x) return units[i]!;
      return units[units.length - 1]!;
    };
    const addItem = db.prepare(
      'INSERT INTO items (no, unit_id, submitted, title, is_research, is_special, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const addPerson = db.prepare('INSERT OR IGNORE INTO persons (unit_id, name) VALUES (?, ?)');
    const personId = db.prepare('SELECT id FROM persons WHERE unit_id = ? AND name = ?');
    const addAuthor = db.prepare('INSERT OR IGNORE INTO item_authors (item_id, person_id, position) VALUES (?, ?, 0)');
    const addAdoption = db.prepare('INSERT INTO adoptions (item_id, publication, form, date, issue_no, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const addInstruction = db.prepare("INSERT INTO instructions (item_id, level, form, date, leader, created_at, updated_at) VALUES (?, ?, 'single', ?, '', ?, ?)");
    const addRequest = db.prepare('INSERT INTO requests (no, issuer, topic, issued, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const addTarget = db.prepare('INSERT INTO request_targets (request_id, unit_id, outcome, item_id) VALUES (?, ?, ?, ?)');
    const addEvent = db.prepare('INSERT INTO events (unit_id, date, kind, quantity, note, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)');
    const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
    const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
    const perYear = (n: number) => Math.round(n * scale);
    const day = (year: number, dayOfYear: number): string => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
    for (let year = firstYear; year <= lastYear; year++) {
      const itemIds: { id: number; date: string; unitId: number }[] = [];
      for (let i = 0; i < perYear(OFFICE_YEAR.items); i++) {
        const u = unitAt(r());
        const date = day(year, Math.floor(r() * 364));
        const title = `${u.name.replace(/^区/, '')}${pick(ACTIONS)}${pick(TOPICS)}${pick(TAILS)}`;
        const research = r() < 0.05 ? 1 : 0;
        const id = Number(addItem.run(`X${year}-${String(i + 1).padStart(5, '0')}`, u.id, date, title, research, r() < 0.02 ? 1 : 0, '', t, t).lastInsertRowid);
        if (r() < 0.6) {
          const name = pick([...SURNAMES]) + pick([...GIVEN]) + (r() < 0.5 ? pick([...GIVEN]) : '');
          addPerson.run(u.id, name);
          addAuthor.run(id, (personId.get(u.id, name) as { id: number }).id);
        }
        itemIds.push({ id, date, unitId: u.id });
      }
      const later = (date: string, days: number): string => {
        const d = new Date(`${date}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + days);
        const s = d.toISOString().slice(0, 10);
        return s.slice(0, 4) === date.slice(0, 4) ? s : `${date.slice(0, 4)}-12-31`;
      };
      const PUBS = ['district', 'district', 'district', 'district', 'to_city', 'city', 'city', 'city_special', 'to_state', 'state'];
      const FORMS = ['single', 'single', 'combined', 'brief'] as const;
      const adopted = new Set<string>();
      for (let i = 0; i < perYear(OFFICE_YEAR.adoptions); i++) {
        const it = pick(itemIds);
        const pub = pick(PUBS);
        const form = pick(FORMS);
        const date = later(it.date, 3 + Math.floor(r() * 20));
        const k = `${it.id}|${pub}|${form}|${date}`;
        if (adopted.has(k)) continue;
        adopted.add(k);
        addAdoption.run(it.id, pub, form, date, `第${1 + Math.floor(r() * 200)}期`, t, t);
        count.adoptions++;
      }
      for (let i = 0; i < perYear(OFFICE_YEAR.instructions); i++) {
        const it = pick(itemIds);
        addInstruction.run(it.id, pick(['district', 'district', 'city', 'province', 'state']), later(it.date, 5 + Math.floor(r() * 20)), t, t);
        count.instructions++;
      }
      const perRequest = OFFICE_YEAR.targets / OFFICE_YEAR.requests;
      for (let i = 0; i < perYear(OFFICE_YEAR.requests); i++) {
        const issued = day(year, Math.floor(r() * 340));
        const rid = Number(
          addRequest.run(`Y${year}-${String(i + 1).padStart(3, '0')}`, pick(['city_office', 'district_office']), `关于${pick(TOPICS)}的约稿`, issued, later(issued, 10), t, t).lastInsertRowid,
        );
        count.requests++;
        const chosen = new Set<number>();
        const want = Math.min(units.length, i % 2 === 0 ? Math.floor(perRequest) : Math.ceil(perRequest));
        while (chosen.size < want) chosen.add(units[Math.floor(r() * units.length)]!.id);
        for (const unitId of chosen) {
          const x = r();
          const outcome = year < lastYear ? (x < 0.8 ? 'done' : x < 0.9 ? 'explained' : 'missed') : x < 0.7 ? 'done' : 'pending';
          const own = itemIds.find((it) => it.unitId === unitId && it.date >= issued);
          addTarget.run(rid, unitId, outcome, outcome === 'done' && own ? own.id : null);
          count.targets++;
        }
      }
      const KINDS = ['staff', 'system', 'training', 'joint_research', 'major_late', 'false_info'];
      for (let i = 0; i < perYear(OFFICE_YEAR.events); i++) {
        addEvent.run(pick(units).id, day(year, Math.floor(r() * 364)), pick(KINDS), '', t, t);
        count.events++;
      }
      count.items += itemIds.length;
    }
  });
  db.pragma('optimize');
  return count;
}
