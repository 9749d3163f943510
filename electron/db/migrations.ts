// Numbered migrations, tracked by PRAGMA user_version, all pending ones applied in one transaction.
// Never edit a released migration: add the next one.
import type Database from 'better-sqlite3';
import { ITEM_BODY_MAX, ITEM_FILE_MAX_BYTES } from '../../shared/journal';
import { auditTriggerSql, type AuditedTable } from './audit';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

const DATE = (c: string): string => `CHECK (${c} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const MONTH = (c: string): string => `CHECK (${c} IS NULL OR ${c} GLOB '[12][0-9][0-9][0-9]-[01][0-9]')`;
const STAMPS = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;

const AUDITED_V1: AuditedTable[] = [
  {
    table: 'units',
    columns: ['name', 'grp', 'sort_order', 'active_from', 'active_until', 'contact', 'phone', 'note'],
    id: 'R.id',
  },
  { table: 'unit_aliases', columns: ['unit_id', 'alias'], id: 'R.id' },
  { table: 'persons', columns: ['unit_id', 'name'], id: 'R.id' },
  {
    table: 'items',
    columns: ['no', 'unit_id', 'submitted', 'title', 'is_research', 'is_special', 'note', 'deleted_at'],
    id: 'R.id',
    softDelete: true,
  },
  { table: 'item_authors', columns: ['item_id', 'person_id', 'position'], id: 'R.item_id' },
  {
    table: 'adoptions',
    columns: ['item_id', 'publication', 'form', 'date', 'issue_no', 'note', 'deleted_at'],
    id: 'R.id',
    softDelete: true,
  },
  {
    table: 'instructions',
    columns: ['item_id', 'level', 'form', 'date', 'leader', 'note', 'deleted_at'],
    id: 'R.id',
    softDelete: true,
  },
  {
    table: 'requests',
    columns: ['no', 'issuer', 'topic', 'issued', 'deadline', 'note', 'deleted_at'],
    id: 'R.id',
    softDelete: true,
  },
  { table: 'request_targets', columns: ['request_id', 'unit_id', 'outcome', 'item_id', 'note'], id: 'R.id' },
  {
    table: 'events',
    columns: ['unit_id', 'date', 'kind', 'quantity', 'note', 'deleted_at'],
    id: 'R.id',
    softDelete: true,
  },
  { table: 'rule_sets', columns: ['name', 'effective_from', 'body'], id: 'R.id' },
  { table: 'period_locks', columns: ['period', 'locked_at', 'note'], id: 'NULL' },
  { table: 'settings', columns: ['key', 'value'], id: 'NULL' },
];

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: '建立台账：单位、信息、采用、批示、约稿、加减分、规则集、设置、锁定、审计',
    up(db) {
      db.exec(`
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_key TEXT NOT NULL UNIQUE,
  grp TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active_from TEXT ${MONTH('active_from')},
  active_until TEXT ${MONTH('active_until')},
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  ${STAMPS}
) STRICT;

CREATE TABLE unit_aliases (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX unit_aliases_unit ON unit_aliases(unit_id);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  UNIQUE (unit_id, name)
) STRICT;

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  submitted TEXT NOT NULL ${DATE('submitted')},
  title TEXT NOT NULL,
  is_research INTEGER NOT NULL DEFAULT 0 CHECK (is_research IN (0, 1)),
  is_special INTEGER NOT NULL DEFAULT 0 CHECK (is_special IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  ${STAMPS},
  deleted_at TEXT
) STRICT;
CREATE INDEX items_unit_submitted ON items(unit_id, submitted);
CREATE INDEX items_submitted ON items(submitted);

CREATE TABLE item_authors (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, person_id)
) STRICT;
CREATE INDEX item_authors_person ON item_authors(person_id);

CREATE TABLE adoptions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  publication TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('single', 'combined', 'brief')),
  date TEXT NOT NULL ${DATE('date')},
  issue_no TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  ${STAMPS},
  deleted_at TEXT
) STRICT;
CREATE INDEX adoptions_item ON adoptions(item_id);
CREATE INDEX adoptions_date ON adoptions(date);

CREATE TABLE instructions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  level TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('single', 'combined')),
  date TEXT NOT NULL ${DATE('date')},
  leader TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  ${STAMPS},
  deleted_at TEXT
) STRICT;
CREATE INDEX instructions_item ON instructions(item_id);
CREATE INDEX instructions_date ON instructions(date);

CREATE TABLE requests (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  issuer TEXT NOT NULL,
  topic TEXT NOT NULL,
  issued TEXT CHECK (issued IS NULL OR issued GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  deadline TEXT NOT NULL ${DATE('deadline')},
  note TEXT NOT NULL DEFAULT '',
  ${STAMPS},
  deleted_at TEXT
) STRICT;
CREATE INDEX requests_deadline ON requests(deadline);

CREATE TABLE request_targets (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'explained', 'missed', 'pending')),
  item_id INTEGER REFERENCES items(id),
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (request_id, unit_id)
) STRICT;
CREATE INDEX request_targets_unit ON request_targets(unit_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  date TEXT NOT NULL ${DATE('date')},
  kind TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 10000),
  note TEXT NOT NULL DEFAULT '',
  ${STAMPS},
  deleted_at TEXT
) STRICT;
CREATE INDEX events_unit_date ON events(unit_id, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE rule_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  effective_from TEXT NOT NULL UNIQUE ${DATE('effective_from')},
  body TEXT NOT NULL CHECK (json_valid(body)),
  ${STAMPS}
) STRICT;

CREATE TABLE period_locks (
  period TEXT PRIMARY KEY CHECK (period GLOB '[12][0-9][0-9][0-9]Q[1-4]'),
  locked_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE audit_context (id INTEGER PRIMARY KEY CHECK (id = 1), source TEXT NOT NULL) STRICT;
INSERT INTO audit_context (id, source) VALUES (1, '界面');

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);
`);
      for (const t of AUDITED_V1) db.exec(auditTriggerSql(t));
    },
  },
  {
    version: 2,
    name: '十年数据也要快：有效信息的日期索引与覆盖索引，标题全文检索（FTS5 三字组分词，适合中文）',
    up: (db) => {
      db.exec(`
-- the 信息登记 list (newest first) and its count read only live items, in index order
CREATE INDEX items_live_date ON items(submitted, id) WHERE deleted_at IS NULL;
-- a period's items for scoring without touching the table (titles are read only for scored items)
CREATE INDEX items_live_cover ON items(submitted, unit_id, is_research, is_special, no) WHERE deleted_at IS NULL;
-- title search: trigram tokens match any 3+ character substring, which suits Chinese titles without word breaking
CREATE VIRTUAL TABLE items_fts USING fts5(title, content = 'items', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO items_fts (items_fts) VALUES ('rebuild');
-- merge segments 16 at a time (default 4): a 15,000-row import spends a second less merging; searches are unchanged
INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', 16);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title) VALUES (NEW.id, NEW.title);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title) VALUES ('delete', OLD.id, OLD.title);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title) VALUES ('delete', OLD.id, OLD.title);
  INSERT INTO items_fts (rowid, title) VALUES (NEW.id, NEW.title);
END;
`);
    },
  },
  {
    version: 3,
    name: '规则即数据：信息类别、合报单位',
    up: (db) => {
      const items = AUDITED_V1.find((t) => t.table === 'items')!;
      db.exec(`
-- the item's category key under the rule set in force (要情、图片信息 …); NULL = none
ALTER TABLE items ADD COLUMN category TEXT CHECK (category IS NULL OR length(category) BETWEEN 1 AND 40);
-- 合报: the other units of a joint item (the item's own unit leads), in the order entered
CREATE TABLE item_joint_units (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, unit_id)
) STRICT;
CREATE INDEX item_joint_units_unit ON item_joint_units(unit_id);
-- the covering index the scoring reads now tells plain items (bundled) from categorised ones (counted one by one)
DROP INDEX items_live_cover;
CREATE INDEX items_live_cover ON items(submitted, unit_id, is_research, is_special, category, no) WHERE deleted_at IS NULL;
DROP TRIGGER audit_items_insert;
DROP TRIGGER audit_items_update;
DROP TRIGGER audit_items_delete;
`);
      db.exec(auditTriggerSql({ ...items, columns: [...items.columns, 'category'] }));
      db.exec(auditTriggerSql({ table: 'item_joint_units', columns: ['item_id', 'unit_id', 'position'], id: 'R.item_id' }));
    },
  },
  {
    version: 4,
    name: '编刊：信息正文与原件，刊物的期、栏目、稿件，采用记录注明来自哪一期',
    up: (db) => {
      const items = AUDITED_V1.find((t) => t.table === 'items')!;
      const adoptions = AUDITED_V1.find((t) => t.table === 'adoptions')!;
      db.exec(`
-- the submitted text as received (the printed copy is edited in the issue, never here)
ALTER TABLE items ADD COLUMN body TEXT NOT NULL DEFAULT '' CHECK (length(body) <= ${ITEM_BODY_MAX});
-- the file a unit sent, kept as it came (one per item, size-limited: the ledger must stay a file one can copy)
CREATE TABLE item_files (
  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  bytes INTEGER NOT NULL CHECK (bytes BETWEEN 1 AND ${ITEM_FILE_MAX_BYTES}),
  data BLOB NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
-- an issue of a district publication: a draft until 定版 gives it its 期号 (year_no within the year, total_no overall)
CREATE TABLE journal_issues (
  id INTEGER PRIMARY KEY,
  publication TEXT NOT NULL,
  date TEXT NOT NULL ${DATE('date')},
  state TEXT NOT NULL CHECK (state IN ('draft', 'published')),
  year_no INTEGER CHECK (year_no IS NULL OR year_no BETWEEN 1 AND 100000),
  total_no INTEGER CHECK (total_no IS NULL OR total_no BETWEEN 1 AND 10000000),
  editor_note TEXT NOT NULL DEFAULT '',
  published_at TEXT,
  ${STAMPS},
  CHECK ((state = 'published') = (year_no IS NOT NULL AND total_no IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX journal_issues_year_no ON journal_issues(publication, substr(date, 1, 4), year_no) WHERE year_no IS NOT NULL;
CREATE UNIQUE INDEX journal_issues_total_no ON journal_issues(publication, total_no) WHERE total_no IS NOT NULL;
CREATE TABLE journal_sections (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES journal_issues(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40)
) STRICT;
CREATE INDEX journal_sections_issue ON journal_sections(issue_id, position);
CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  section_id INTEGER NOT NULL REFERENCES journal_sections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('single', 'combined', 'brief')),
  -- the edited copy: '' = the item's own title / text
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  editor_note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX journal_entries_section ON journal_entries(section_id, position);
CREATE TABLE journal_entry_items (
  entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (entry_id, item_id)
) STRICT;
CREATE INDEX journal_entry_items_item ON journal_entry_items(item_id);
-- an adoption 定版 recorded ('created', removed again by 撤版) or a hand-logged one it found and linked ('linked')
ALTER TABLE adoptions ADD COLUMN journal_issue_id INTEGER REFERENCES journal_issues(id);
ALTER TABLE adoptions ADD COLUMN journal_role TEXT CHECK (journal_role IS NULL OR journal_role IN ('created', 'linked'));
CREATE INDEX adoptions_journal_issue ON adoptions(journal_issue_id) WHERE journal_issue_id IS NOT NULL;
DROP TRIGGER audit_items_insert;
DROP TRIGGER audit_items_update;
DROP TRIGGER audit_items_delete;
DROP TRIGGER audit_adoptions_insert;
DROP TRIGGER audit_adoptions_update;
DROP TRIGGER audit_adoptions_delete;
`);
      db.exec(auditTriggerSql({ ...items, columns: [...items.columns, 'category', 'body'] }));
      db.exec(auditTriggerSql({ ...adoptions, columns: [...adoptions.columns, 'journal_issue_id', 'journal_role'] }));
      db.exec(auditTriggerSql({ table: 'journal_issues', columns: ['publication', 'date', 'state', 'year_no', 'total_no', 'editor_note'], id: 'R.id' }));
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
