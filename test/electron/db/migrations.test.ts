// One test per migration on a real database file, plus the refusals of openDatabase.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, withSource } from '../../../electron/db/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/db/migrations';
import { listRuleSets } from '../../../electron/store/rulesets';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { tempDir } from '../../helpers/cli';

describe('migration 1: the ledger schema', () => {
  it('creates every table, sets user_version and seeds 莱芜区2019', () => {
    const file = join(tempDir(), 'm1.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining(['units', 'unit_aliases', 'persons', 'items', 'item_authors', 'adoptions', 'instructions', 'requests', 'request_targets', 'events', 'rule_sets', 'settings', 'period_locks', 'audit_log']),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      const rules = listRuleSets(db);
      expect(rules.map((r) => r.rules.name)).toEqual(['莱芜区2019']);
      expect(rules[0]!.rules).toEqual(LAIWU_2019);
    } finally {
      closeDatabase(db);
    }
  });

  it('enforces dates and forms in the schema itself', () => {
    const db = openDatabase(join(tempDir(), 'm1c.db'));
    try {
      const now = '2019-01-01T00:00:00Z';
      db.prepare(`INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('凤城街道', '凤城街道', 'town', 1, ?, ?)`).run(now, now);
      const insertItem = db.prepare(`INSERT INTO items (no, unit_id, submitted, title, created_at, updated_at) VALUES (?, 1, ?, 't', ?, ?)`);
      expect(() => insertItem.run('A', '2019/4/3', now, now)).toThrow(/CHECK/);
      expect(() => insertItem.run('B', '2019-04-03', now, now)).not.toThrow();
      expect(() => insertItem.run('B', '2019-04-04', now, now)).toThrow(/UNIQUE/);
      expect(() => db.prepare(`INSERT INTO adoptions (item_id, publication, form, date, created_at, updated_at) VALUES (1, 'city', 'long', '2019-04-05', ?, ?)`).run(now, now)).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO adoptions (item_id, publication, form, date, created_at, updated_at) VALUES (99, 'city', 'single', '2019-04-05', ?, ?)`).run(now, now)).toThrow(/FOREIGN KEY/);
    } finally {
      closeDatabase(db);
    }
  });

  it('records every create, update and delete with before/after and the source', () => {
    const db = openDatabase(join(tempDir(), 'audit.db'));
    try {
      const now = '2019-01-01T00:00:00Z';
      withSource(db, '测试', () => {
        db.prepare(`INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('凤城街道', '凤城街道', 'town', 1, ?, ?)`).run(now, now);
        db.prepare(`INSERT INTO items (no, unit_id, submitted, title, created_at, updated_at) VALUES ('A', 1, '2019-04-03', '旧标题', ?, ?)`).run(now, now);
        db.prepare(`UPDATE items SET title = '新标题' WHERE no = 'A'`).run();
        db.prepare(`UPDATE items SET deleted_at = ? WHERE no = 'A'`).run(now);
        db.prepare(`UPDATE items SET deleted_at = NULL WHERE no = 'A'`).run();
      });
      db.prepare(`DELETE FROM units WHERE id = 1 AND 0`).run();
      const log = db.prepare(`SELECT source, action, entity, before, after FROM audit_log WHERE entity = 'items' ORDER BY id`).all() as {
        source: string;
        action: string;
        before: string | null;
        after: string | null;
      }[];
      expect(log.map((l) => l.action)).toEqual(['create', 'update', 'delete', 'restore']);
      expect(log.every((l) => l.source === '测试')).toBe(true);
      expect(JSON.parse(log[1]!.before!).title).toBe('旧标题');
      expect(JSON.parse(log[1]!.after!).title).toBe('新标题');
      // the source goes back to the default after the transaction
      expect((db.prepare('SELECT source FROM audit_context').get() as { source: string }).source).toBe('界面');
    } finally {
      closeDatabase(db);
    }
  });
});

describe('openDatabase refusals', () => {
  it('refuses a database from a newer version of the app, unchanged', () => {
    const file = join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(`数据版本 ${SCHEMA_VERSION + 1}`);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(again.prepare(`SELECT count(*) AS n FROM sqlite_master`).get()).toEqual({ n: 0 });
    again.close();
  });

  it('refuses a file that is not a database', () => {
    const file = join(tempDir(), 'not.db');
    writeFileSync(file, '这不是数据库'.repeat(100));
    expect(() => openDatabase(file)).toThrow('不是本程序的数据文件');
  });

  it('takes a backup before migrating an older database', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const dir = tempDir();
    const file = join(dir, 'old.db');
    // a real version-1 ledger with an item in it
    const raw = new Database(file);
    MIGRATIONS[0]!.up(raw);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('凤城街道', '凤城街道', 'town', 1, '', '')").run();
    raw.prepare("INSERT INTO items (no, unit_id, submitted, title, created_at, updated_at) VALUES ('X1', 1, '2019-05-05', '凤城街道推进老旧小区改造', '', '')").run();
    raw.close();
    const db = openDatabase(file);
    try {
      expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('升级前备份-v1'))).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // migration 2: the title index is built from the existing items and kept in step with new ones
      expect(db.prepare(`SELECT rowid FROM items_fts WHERE items_fts MATCH '"老旧小区"'`).pluck().all()).toEqual([1]);
      db.prepare("UPDATE items SET title = '凤城街道优化营商环境' WHERE id = 1").run();
      expect(db.prepare(`SELECT count(*) FROM items_fts WHERE items_fts MATCH '"老旧小区"'`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT rowid FROM items_fts WHERE items_fts MATCH '"营商环境"'`).pluck().all()).toEqual([1]);
    } finally {
      closeDatabase(db);
    }
    expect(existsSync(join(dir, 'backups'))).toBe(true);
  });
});

describe('migration 3: item categories and 合报 units', () => {
  it('upgrades a version-2 ledger: items keep their data, gain a category; joint units cascade; changes are audited', () => {
    const dir = tempDir();
    const file = join(dir, 'v2.db');
    const raw = new Database(file);
    MIGRATIONS[0]!.up(raw);
    MIGRATIONS[1]!.up(raw);
    raw.pragma('user_version = 2');
    const ins = raw.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES (?, ?, 'town', ?, '', '')");
    ins.run('凤城街道', '凤城街道', 1);
    ins.run('张家洼街道', '张家洼街道', 2);
    raw.prepare("INSERT INTO items (no, unit_id, submitted, title, is_research, created_at, updated_at) VALUES ('X1', 1, '2019-05-05', '老旧小区改造', 1, '', '')").run();
    raw.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT no, is_research, category FROM items').get()).toEqual({ no: 'X1', is_research: 1, category: null });
      withSource(db, '测试', () => {
        db.prepare("UPDATE items SET category = 'picture' WHERE id = 1").run();
        db.prepare('INSERT INTO item_joint_units (item_id, unit_id, position) VALUES (1, 2, 0)').run();
      });
      const audit = db.prepare("SELECT entity, after FROM audit_log WHERE source = '测试' ORDER BY id").all() as { entity: string; after: string }[];
      expect(audit.map((a) => a.entity)).toEqual(['items', 'item_joint_units']);
      expect(JSON.parse(audit[0]!.after).category).toBe('picture');
      expect(() => db.prepare('INSERT INTO item_joint_units (item_id, unit_id, position) VALUES (1, 99, 1)').run()).toThrow(/FOREIGN KEY/);
      db.prepare('DELETE FROM items WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) FROM item_joint_units').pluck().get()).toBe(0);
    } finally {
      closeDatabase(db);
    }
  });
});

describe('migration 5: one 操作记录 entry per import', () => {
  it('upgrades a version-4 ledger: old rows stay entries of their own; rows written while an entry is open join it', () => {
    const dir = tempDir();
    const file = join(dir, 'v4.db');
    const raw = new Database(file);
    for (const m of MIGRATIONS.slice(0, 4)) m.up(raw);
    raw.pragma('user_version = 4');
    raw.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('凤城街道', '凤城街道', 'town', 1, '', '')").run();
    raw.close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare("SELECT grp FROM audit_log WHERE entity = 'units'").pluck().all()).toEqual([null]);
      withSource(db, '导入', () => {
        const header = Number(
          db.prepare("INSERT INTO audit_log (at, source, action, entity, after) VALUES ('2019-05-05T00:00:00Z', '导入', 'create', 'import', '{}')").run().lastInsertRowid,
        );
        db.prepare('UPDATE audit_context SET grp = ? WHERE id = 1').run(header);
        db.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('张家洼街道', '张家洼街道', 'town', 2, '', '')").run();
        db.prepare('UPDATE audit_context SET grp = NULL WHERE id = 1').run();
        db.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('高庄街道', '高庄街道', 'town', 3, '', '')").run();
        const rows = db.prepare("SELECT json_extract(after, '$.name') AS name, grp FROM audit_log WHERE entity = 'units' ORDER BY id").all();
        expect(rows).toEqual([
          { name: '凤城街道', grp: null },
          { name: '张家洼街道', grp: header },
          { name: '高庄街道', grp: null },
        ]);
      });
    } finally {
      closeDatabase(db);
    }
  });
});

describe('migration 6: what a locked quarter was circulated with', () => {
  it('upgrades a version-5 ledger: each existing lock keeps the roster, its quarter’s rule set and the settings', () => {
    const file = join(tempDir(), 'v5.db');
    const raw = new Database(file);
    for (const m of MIGRATIONS.slice(0, 5)) m.up(raw);
    raw.pragma('user_version = 5');
    const ins = raw.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')");
    ins.run('凤城街道', '凤城街道', 'town', 2);
    ins.run('区审计局', '区审计局', 'dept2', 1);
    const rules = raw.prepare("INSERT INTO rule_sets (name, effective_from, body, created_at, updated_at) VALUES (?, ?, ?, '', '')");
    rules.run('甲', '2019-04-05', JSON.stringify({ name: '甲' }));
    rules.run('乙', '2019-07-01', JSON.stringify({ name: '乙' }));
    raw.prepare("INSERT INTO period_locks (period, locked_at) VALUES ('2019Q2', ''), ('2019Q3', '')").run();
    raw.close();
    const db = new Database(file);
    try {
      MIGRATIONS[5]!.up(db);
      const rows = db.prepare('SELECT period, units, rule_set AS ruleSet, settings FROM period_locks ORDER BY period').all() as {
        period: string;
        units: string;
        ruleSet: string;
        settings: string;
      }[];
      // 莱芜区2019-style first rule set (effective 04-05) scores all of 2019Q2; the second takes 2019Q3
      expect(rows.map((r) => [r.period, JSON.parse(r.ruleSet).name])).toEqual([
        ['2019Q2', '甲'],
        ['2019Q3', '乙'],
      ]);
      expect(JSON.parse(rows[0]!.units)).toEqual([
        { id: 2, name: '区审计局', group: 'dept2', sortOrder: 1, activeFrom: null, activeUntil: null },
        { id: 1, name: '凤城街道', group: 'town', sortOrder: 2, activeFrom: null, activeUntil: null },
      ]);
      expect(rows[0]!.settings).toBe('{}');
    } finally {
      db.close();
    }
  });
});

describe('migration 7: 编刊 (正文, kept files, issues, adoptions linked to their issue)', () => {
  it('upgrades a version-6 ledger: items and adoptions keep their data; one 期号 per publication and year; audited', () => {
    const file = join(tempDir(), 'v6.db');
    const raw = new Database(file);
    for (const m of MIGRATIONS.slice(0, 6)) m.up(raw);
    raw.pragma('user_version = 6');
    raw.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('凤城街道', '凤城街道', 'town', 1, '', '')").run();
    raw.prepare("INSERT INTO items (no, unit_id, submitted, title, created_at, updated_at) VALUES ('X1', 1, '2019-05-05', '老旧小区改造', '', '')").run();
    raw.prepare("INSERT INTO adoptions (item_id, publication, form, date, issue_no, created_at, updated_at) VALUES (1, 'district', 'single', '2019-05-20', '第12期', '', '')").run();
    raw.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT no, title, body FROM items').get()).toEqual({ no: 'X1', title: '老旧小区改造', body: '' });
      expect(db.prepare('SELECT issue_no, journal_issue_id, journal_role FROM adoptions').get()).toEqual({ issue_no: '第12期', journal_issue_id: null, journal_role: null });
      const issue = db.prepare("INSERT INTO journal_issues (publication, date, state, year_no, total_no, created_at, updated_at) VALUES ('district', ?, 'published', ?, ?, '', '')");
      issue.run('2019-06-20', 1, 1);
      expect(() => issue.run('2019-06-25', 1, 2)).toThrow(/UNIQUE/);
      expect(() => issue.run('2020-01-10', 1, 2)).not.toThrow();
      // a published issue has both numbers, a draft neither
      expect(() => db.prepare("INSERT INTO journal_issues (publication, date, state, year_no, created_at, updated_at) VALUES ('district', '2019-07-01', 'published', 5, '', '')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO item_files (item_id, name, bytes, data, received_at) VALUES (1, 'a.docx', ?, x'00', '')").run(21 * 1024 * 1024)).toThrow(/CHECK/);
      withSource(db, '测试', () => db.prepare("UPDATE items SET body = '正文' WHERE id = 1").run());
      const audit = db.prepare("SELECT after FROM audit_log WHERE source = '测试'").pluck().get() as string;
      expect(JSON.parse(audit).body).toBe('正文');
    } finally {
      closeDatabase(db);
    }
  });
});

describe('migrations are frozen text', () => {
  // what every migration builds, written down once: a change to a released migration's text, or to anything it
  // used to call, shows here as a different schema. After adding a new migration, WRITE_SCHEMA=1 rewrites the file;
  // its diff must then show only what the new migration adds.
  const schemaOf = (db: Database.Database): string =>
    (db.prepare(`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`).all() as { sql: string }[]).map((r) => `${r.sql};\n`).join('\n');

  it('builds exactly the schema kept in schema.sql', () => {
    const db = new Database(':memory:');
    try {
      for (const m of MIGRATIONS) m.up(db);
      const file = join(import.meta.dirname, 'schema.sql');
      if (process.env.WRITE_SCHEMA === '1') writeFileSync(file, schemaOf(db));
      expect(schemaOf(db)).toBe(readFileSync(file, 'utf8'));
    } finally {
      db.close();
    }
  });

  it('calls no code that later versions may change (it imports types only)', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../electron/db/migrations.ts'), 'utf8');
    const imports = source.split('\n').filter((l) => /^import\b/.test(l));
    expect(imports.every((l) => l.startsWith('import type '))).toBe(true);
  });
});
