CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_key TEXT NOT NULL UNIQUE,
  grp TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active_from TEXT CHECK (active_from IS NULL OR active_from GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
  active_until TEXT CHECK (active_until IS NULL OR active_until GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
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
  submitted TEXT NOT NULL CHECK (submitted GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  title TEXT NOT NULL,
  is_research INTEGER NOT NULL DEFAULT 0 CHECK (is_research IN (0, 1)),
  is_special INTEGER NOT NULL DEFAULT 0 CHECK (is_special IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  deleted_at TEXT
, category TEXT CHECK (category IS NULL OR length(category) BETWEEN 1 AND 40), body TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 200000)) STRICT;

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
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  issue_no TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  deleted_at TEXT
, journal_issue_id INTEGER REFERENCES journal_issues(id), journal_role TEXT CHECK (journal_role IS NULL OR journal_role IN ('created', 'linked'))) STRICT;

CREATE INDEX adoptions_item ON adoptions(item_id);

CREATE INDEX adoptions_date ON adoptions(date);

CREATE TABLE instructions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  level TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('single', 'combined')),
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  leader TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
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
  deadline TEXT NOT NULL CHECK (deadline GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
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
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 10000),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX events_unit_date ON events(unit_id, date);

CREATE INDEX events_date ON events(date);

CREATE TABLE rule_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  body TEXT NOT NULL CHECK (json_valid(body)),
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE period_locks (
  period TEXT PRIMARY KEY CHECK (period GLOB '[12][0-9][0-9][0-9]Q[1-4]'),
  locked_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
, units TEXT CHECK (units IS NULL OR json_valid(units)), rule_set TEXT CHECK (rule_set IS NULL OR json_valid(rule_set)), settings TEXT CHECK (settings IS NULL OR json_valid(settings))) STRICT;

CREATE TABLE audit_context (id INTEGER PRIMARY KEY CHECK (id = 1), source TEXT NOT NULL, grp INTEGER) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT,
  after TEXT
, grp INTEGER) STRICT;

CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_units_insert AFTER INSERT ON units BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'units', NEW.id, NULL, json_object('name', NEW.name, 'grp', NEW.grp, 'sort_order', NEW.sort_order, 'active_from', NEW.active_from, 'active_until', NEW.active_until, 'contact', NEW.contact, 'phone', NEW.phone, 'note', NEW.note));
END;

CREATE TRIGGER audit_units_update AFTER UPDATE ON units BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'units', NEW.id, json_object('name', OLD.name, 'grp', OLD.grp, 'sort_order', OLD.sort_order, 'active_from', OLD.active_from, 'active_until', OLD.active_until, 'contact', OLD.contact, 'phone', OLD.phone, 'note', OLD.note), json_object('name', NEW.name, 'grp', NEW.grp, 'sort_order', NEW.sort_order, 'active_from', NEW.active_from, 'active_until', NEW.active_until, 'contact', NEW.contact, 'phone', NEW.phone, 'note', NEW.note));
END;

CREATE TRIGGER audit_units_delete AFTER DELETE ON units BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'units', OLD.id, json_object('name', OLD.name, 'grp', OLD.grp, 'sort_order', OLD.sort_order, 'active_from', OLD.active_from, 'active_until', OLD.active_until, 'contact', OLD.contact, 'phone', OLD.phone, 'note', OLD.note), NULL);
END;

CREATE TRIGGER audit_unit_aliases_insert AFTER INSERT ON unit_aliases BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'unit_aliases', NEW.id, NULL, json_object('unit_id', NEW.unit_id, 'alias', NEW.alias));
END;

CREATE TRIGGER audit_unit_aliases_update AFTER UPDATE ON unit_aliases BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'unit_aliases', NEW.id, json_object('unit_id', OLD.unit_id, 'alias', OLD.alias), json_object('unit_id', NEW.unit_id, 'alias', NEW.alias));
END;

CREATE TRIGGER audit_unit_aliases_delete AFTER DELETE ON unit_aliases BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'unit_aliases', OLD.id, json_object('unit_id', OLD.unit_id, 'alias', OLD.alias), NULL);
END;

CREATE TRIGGER audit_persons_insert AFTER INSERT ON persons BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'persons', NEW.id, NULL, json_object('unit_id', NEW.unit_id, 'name', NEW.name));
END;

CREATE TRIGGER audit_persons_update AFTER UPDATE ON persons BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'persons', NEW.id, json_object('unit_id', OLD.unit_id, 'name', OLD.name), json_object('unit_id', NEW.unit_id, 'name', NEW.name));
END;

CREATE TRIGGER audit_persons_delete AFTER DELETE ON persons BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'persons', OLD.id, json_object('unit_id', OLD.unit_id, 'name', OLD.name), NULL);
END;

CREATE TRIGGER audit_item_authors_insert AFTER INSERT ON item_authors BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'item_authors', NEW.item_id, NULL, json_object('item_id', NEW.item_id, 'person_id', NEW.person_id, 'position', NEW.position));
END;

CREATE TRIGGER audit_item_authors_update AFTER UPDATE ON item_authors BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'item_authors', NEW.item_id, json_object('item_id', OLD.item_id, 'person_id', OLD.person_id, 'position', OLD.position), json_object('item_id', NEW.item_id, 'person_id', NEW.person_id, 'position', NEW.position));
END;

CREATE TRIGGER audit_item_authors_delete AFTER DELETE ON item_authors BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'item_authors', OLD.item_id, json_object('item_id', OLD.item_id, 'person_id', OLD.person_id, 'position', OLD.position), NULL);
END;

CREATE TRIGGER audit_instructions_insert AFTER INSERT ON instructions BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'instructions', NEW.id, NULL, json_object('item_id', NEW.item_id, 'level', NEW.level, 'form', NEW.form, 'date', NEW.date, 'leader', NEW.leader, 'note', NEW.note, 'deleted_at', NEW.deleted_at));
END;

CREATE TRIGGER audit_instructions_update AFTER UPDATE ON instructions BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete'
            WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, 'instructions', NEW.id, json_object('item_id', OLD.item_id, 'level', OLD.level, 'form', OLD.form, 'date', OLD.date, 'leader', OLD.leader, 'note', OLD.note, 'deleted_at', OLD.deleted_at), json_object('item_id', NEW.item_id, 'level', NEW.level, 'form', NEW.form, 'date', NEW.date, 'leader', NEW.leader, 'note', NEW.note, 'deleted_at', NEW.deleted_at));
END;

CREATE TRIGGER audit_instructions_delete AFTER DELETE ON instructions BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'instructions', OLD.id, json_object('item_id', OLD.item_id, 'level', OLD.level, 'form', OLD.form, 'date', OLD.date, 'leader', OLD.leader, 'note', OLD.note, 'deleted_at', OLD.deleted_at), NULL);
END;

CREATE TRIGGER audit_requests_insert AFTER INSERT ON requests BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'requests', NEW.id, NULL, json_object('no', NEW.no, 'issuer', NEW.issuer, 'topic', NEW.topic, 'issued', NEW.issued, 'deadline', NEW.deadline, 'note', NEW.note, 'deleted_at', NEW.deleted_at));
END;

CREATE TRIGGER audit_requests_update AFTER UPDATE ON requests BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete'
            WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, 'requests', NEW.id, json_object('no', OLD.no, 'issuer', OLD.issuer, 'topic', OLD.topic, 'issued', OLD.issued, 'deadline', OLD.deadline, 'note', OLD.note, 'deleted_at', OLD.deleted_at), json_object('no', NEW.no, 'issuer', NEW.issuer, 'topic', NEW.topic, 'issued', NEW.issued, 'deadline', NEW.deadline, 'note', NEW.note, 'deleted_at', NEW.deleted_at));
END;

CREATE TRIGGER audit_requests_delete AFTER DELETE ON requests BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'requests', OLD.id, json_object('no', OLD.no, 'issuer', OLD.issuer, 'topic', OLD.topic, 'issued', OLD.issued, 'deadline', OLD.deadline, 'note', OLD.note, 'deleted_at', OLD.deleted_at), NULL);
END;

CREATE TRIGGER audit_request_targets_insert AFTER INSERT ON request_targets BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'request_targets', NEW.id, NULL, json_object('request_id', NEW.request_id, 'unit_id', NEW.unit_id, 'outcome', NEW.outcome, 'item_id', NEW.item_id, 'note', NEW.note));
END;

CREATE TRIGGER audit_request_targets_update AFTER UPDATE ON request_targets BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'request_targets', NEW.id, json_object('request_id', OLD.request_id, 'unit_id', OLD.unit_id, 'outcome', OLD.outcome, 'item_id', OLD.item_id, 'note', OLD.note), json_object('request_id', NEW.request_id, 'unit_id', NEW.unit_id, 'outcome', NEW.outcome, 'item_id', NEW.item_id, 'note', NEW.note));
END;

CREATE TRIGGER audit_request_targets_delete AFTER DELETE ON request_targets BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'request_targets', OLD.id, json_object('request_id', OLD.request_id, 'unit_id', OLD.unit_id, 'outcome', OLD.outcome, 'item_id', OLD.item_id, 'note', OLD.note), NULL);
END;

CREATE TRIGGER audit_events_insert AFTER INSERT ON events BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'events', NEW.id, NULL, json_object('unit_id', NEW.unit_id, 'date', NEW.date, 'kind', NEW.kind, 'quantity', NEW.quantity, 'note', NEW.note, 'deleted_at', NEW.deleted_at));
END;

CREATE TRIGGER audit_events_update AFTER UPDATE ON events BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete'
            WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, 'events', NEW.id, json_object('unit_id', OLD.unit_id, 'date', OLD.date, 'kind', OLD.kind, 'quantity', OLD.quantity, 'note', OLD.note, 'deleted_at', OLD.deleted_at), json_object('unit_id', NEW.unit_id, 'date', NEW.date, 'kind', NEW.kind, 'quantity', NEW.quantity, 'note', NEW.note, 'deleted_at', NEW.deleted_at));
END;

CREATE TRIGGER audit_events_delete AFTER DELETE ON events BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'events', OLD.id, json_object('unit_id', OLD.unit_id, 'date', OLD.date, 'kind', OLD.kind, 'quantity', OLD.quantity, 'note', OLD.note, 'deleted_at', OLD.deleted_at), NULL);
END;

CREATE TRIGGER audit_rule_sets_insert AFTER INSERT ON rule_sets BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'rule_sets', NEW.id, NULL, json_object('name', NEW.name, 'effective_from', NEW.effective_from, 'body', NEW.body));
END;

CREATE TRIGGER audit_rule_sets_update AFTER UPDATE ON rule_sets BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'rule_sets', NEW.id, json_object('name', OLD.name, 'effective_from', OLD.effective_from, 'body', OLD.body), json_object('name', NEW.name, 'effective_from', NEW.effective_from, 'body', NEW.body));
END;

CREATE TRIGGER audit_rule_sets_delete AFTER DELETE ON rule_sets BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'rule_sets', OLD.id, json_object('name', OLD.name, 'effective_from', OLD.effective_from, 'body', OLD.body), NULL);
END;

CREATE TRIGGER audit_period_locks_insert AFTER INSERT ON period_locks BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'period_locks', NULL, NULL, json_object('period', NEW.period, 'locked_at', NEW.locked_at, 'note', NEW.note));
END;

CREATE TRIGGER audit_period_locks_update AFTER UPDATE ON period_locks BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'period_locks', NULL, json_object('period', OLD.period, 'locked_at', OLD.locked_at, 'note', OLD.note), json_object('period', NEW.period, 'locked_at', NEW.locked_at, 'note', NEW.note));
END;

CREATE TRIGGER audit_period_locks_delete AFTER DELETE ON period_locks BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'period_locks', NULL, json_object('period', OLD.period, 'locked_at', OLD.locked_at, 'note', OLD.note), NULL);
END;

CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'settings', NULL, NULL, json_object('key', NEW.key, 'value', NEW.value));
END;

CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'settings', NULL, json_object('key', OLD.key, 'value', OLD.value), json_object('key', NEW.key, 'value', NEW.value));
END;

CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'settings', NULL, json_object('key', OLD.key, 'value', OLD.value), NULL);
END;

CREATE INDEX items_live_date ON items(submitted, id) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE items_fts USING fts5(title, content = 'items', content_rowid = 'id', tokenize = 'trigram');

CREATE TABLE 'items_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'items_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE 'items_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'items_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

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

CREATE TABLE item_joint_units (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, unit_id)
) STRICT;

CREATE INDEX item_joint_units_unit ON item_joint_units(unit_id);

CREATE INDEX items_live_cover ON items(submitted, unit_id, is_research, is_special, category, no) WHERE deleted_at IS NULL;

CREATE TRIGGER audit_item_joint_units_insert AFTER INSERT ON item_joint_units BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'item_joint_units', NEW.item_id, NULL, json_object('item_id', NEW.item_id, 'unit_id', NEW.unit_id, 'position', NEW.position));
END;

CREATE TRIGGER audit_item_joint_units_update AFTER UPDATE ON item_joint_units BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'item_joint_units', NEW.item_id, json_object('item_id', OLD.item_id, 'unit_id', OLD.unit_id, 'position', OLD.position), json_object('item_id', NEW.item_id, 'unit_id', NEW.unit_id, 'position', NEW.position));
END;

CREATE TRIGGER audit_item_joint_units_delete AFTER DELETE ON item_joint_units BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'item_joint_units', OLD.item_id, json_object('item_id', OLD.item_id, 'unit_id', OLD.unit_id, 'position', OLD.position), NULL);
END;

CREATE TABLE circular_issues (
  period TEXT PRIMARY KEY CHECK (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]Q[1-4]'),
  issue_date TEXT CHECK (issue_date IS NULL OR issue_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  doc_no TEXT NOT NULL DEFAULT '' CHECK (length(doc_no) <= 10),
  -- the paragraphs the clerk rewrote, per part of the circular: {"problems": ["…", "…"]}
  edits TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(edits)),
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE kept_documents (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('generated', 'signed')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content BLOB NOT NULL,
  kept_at TEXT NOT NULL
) STRICT;

CREATE INDEX kept_documents_period ON kept_documents(period, kind);

CREATE TRIGGER audit_circular_issues_insert AFTER INSERT ON circular_issues BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'circular_issues', NULL, NULL, json_object('period', NEW.period, 'issue_date', NEW.issue_date, 'doc_no', NEW.doc_no, 'edits', NEW.edits));
END;

CREATE TRIGGER audit_circular_issues_update AFTER UPDATE ON circular_issues BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'circular_issues', NULL, json_object('period', OLD.period, 'issue_date', OLD.issue_date, 'doc_no', OLD.doc_no, 'edits', OLD.edits), json_object('period', NEW.period, 'issue_date', NEW.issue_date, 'doc_no', NEW.doc_no, 'edits', NEW.edits));
END;

CREATE TRIGGER audit_circular_issues_delete AFTER DELETE ON circular_issues BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'circular_issues', NULL, json_object('period', OLD.period, 'issue_date', OLD.issue_date, 'doc_no', OLD.doc_no, 'edits', OLD.edits), NULL);
END;

CREATE TRIGGER audit_kept_documents_insert AFTER INSERT ON kept_documents BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'kept_documents', NEW.id, NULL, json_object('period', NEW.period, 'kind', NEW.kind, 'name', NEW.name, 'kept_at', NEW.kept_at));
END;

CREATE TRIGGER audit_kept_documents_update AFTER UPDATE ON kept_documents BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'kept_documents', NEW.id, json_object('period', OLD.period, 'kind', OLD.kind, 'name', OLD.name, 'kept_at', OLD.kept_at), json_object('period', NEW.period, 'kind', NEW.kind, 'name', NEW.name, 'kept_at', NEW.kept_at));
END;

CREATE TRIGGER audit_kept_documents_delete AFTER DELETE ON kept_documents BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'kept_documents', OLD.id, json_object('period', OLD.period, 'kind', OLD.kind, 'name', OLD.name, 'kept_at', OLD.kept_at), NULL);
END;

CREATE INDEX audit_log_grp ON audit_log(grp) WHERE grp IS NOT NULL;

CREATE TRIGGER audit_log_group AFTER INSERT ON audit_log
WHEN NEW.grp IS NULL AND (SELECT grp FROM audit_context WHERE id = 1) IS NOT NULL
BEGIN
  UPDATE audit_log SET grp = (SELECT grp FROM audit_context WHERE id = 1) WHERE id = NEW.id;
END;

CREATE TABLE item_files (
  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  bytes INTEGER NOT NULL CHECK (bytes BETWEEN 1 AND 20971520),
  data BLOB NOT NULL,
  received_at TEXT NOT NULL
) STRICT;

CREATE TABLE journal_issues (
  id INTEGER PRIMARY KEY,
  publication TEXT NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  state TEXT NOT NULL CHECK (state IN ('draft', 'published')),
  year_no INTEGER CHECK (year_no IS NULL OR year_no BETWEEN 1 AND 100000),
  total_no INTEGER CHECK (total_no IS NULL OR total_no BETWEEN 1 AND 10000000),
  editor_note TEXT NOT NULL DEFAULT '',
  published_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
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

CREATE INDEX adoptions_journal_issue ON adoptions(journal_issue_id) WHERE journal_issue_id IS NOT NULL;

CREATE TRIGGER audit_items_insert AFTER INSERT ON items BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'items', NEW.id, NULL, json_object('no', NEW.no, 'unit_id', NEW.unit_id, 'submitted', NEW.submitted, 'title', NEW.title, 'is_research', NEW.is_research, 'is_special', NEW.is_special, 'note', NEW.note, 'deleted_at', NEW.deleted_at, 'category', NEW.category, 'body', NEW.body));
END;

CREATE TRIGGER audit_items_update AFTER UPDATE ON items BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete'
            WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, 'items', NEW.id, json_object('no', OLD.no, 'unit_id', OLD.unit_id, 'submitted', OLD.submitted, 'title', OLD.title, 'is_research', OLD.is_research, 'is_special', OLD.is_special, 'note', OLD.note, 'deleted_at', OLD.deleted_at, 'category', OLD.category, 'body', OLD.body), json_object('no', NEW.no, 'unit_id', NEW.unit_id, 'submitted', NEW.submitted, 'title', NEW.title, 'is_research', NEW.is_research, 'is_special', NEW.is_special, 'note', NEW.note, 'deleted_at', NEW.deleted_at, 'category', NEW.category, 'body', NEW.body));
END;

CREATE TRIGGER audit_items_delete AFTER DELETE ON items BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'items', OLD.id, json_object('no', OLD.no, 'unit_id', OLD.unit_id, 'submitted', OLD.submitted, 'title', OLD.title, 'is_research', OLD.is_research, 'is_special', OLD.is_special, 'note', OLD.note, 'deleted_at', OLD.deleted_at, 'category', OLD.category, 'body', OLD.body), NULL);
END;

CREATE TRIGGER audit_adoptions_insert AFTER INSERT ON adoptions BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'adoptions', NEW.id, NULL, json_object('item_id', NEW.item_id, 'publication', NEW.publication, 'form', NEW.form, 'date', NEW.date, 'issue_no', NEW.issue_no, 'note', NEW.note, 'deleted_at', NEW.deleted_at, 'journal_issue_id', NEW.journal_issue_id, 'journal_role', NEW.journal_role));
END;

CREATE TRIGGER audit_adoptions_update AFTER UPDATE ON adoptions BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete'
            WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, 'adoptions', NEW.id, json_object('item_id', OLD.item_id, 'publication', OLD.publication, 'form', OLD.form, 'date', OLD.date, 'issue_no', OLD.issue_no, 'note', OLD.note, 'deleted_at', OLD.deleted_at, 'journal_issue_id', OLD.journal_issue_id, 'journal_role', OLD.journal_role), json_object('item_id', NEW.item_id, 'publication', NEW.publication, 'form', NEW.form, 'date', NEW.date, 'issue_no', NEW.issue_no, 'note', NEW.note, 'deleted_at', NEW.deleted_at, 'journal_issue_id', NEW.journal_issue_id, 'journal_role', NEW.journal_role));
END;

CREATE TRIGGER audit_adoptions_delete AFTER DELETE ON adoptions BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'adoptions', OLD.id, json_object('item_id', OLD.item_id, 'publication', OLD.publication, 'form', OLD.form, 'date', OLD.date, 'issue_no', OLD.issue_no, 'note', OLD.note, 'deleted_at', OLD.deleted_at, 'journal_issue_id', OLD.journal_issue_id, 'journal_role', OLD.journal_role), NULL);
END;

CREATE TRIGGER audit_journal_issues_insert AFTER INSERT ON journal_issues BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'create', 'journal_issues', NEW.id, NULL, json_object('publication', NEW.publication, 'date', NEW.date, 'state', NEW.state, 'year_no', NEW.year_no, 'total_no', NEW.total_no, 'editor_note', NEW.editor_note));
END;

CREATE TRIGGER audit_journal_issues_update AFTER UPDATE ON journal_issues BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'update', 'journal_issues', NEW.id, json_object('publication', OLD.publication, 'date', OLD.date, 'state', OLD.state, 'year_no', OLD.year_no, 'total_no', OLD.total_no, 'editor_note', OLD.editor_note), json_object('publication', NEW.publication, 'date', NEW.date, 'state', NEW.state, 'year_no', NEW.year_no, 'total_no', NEW.total_no, 'editor_note', NEW.editor_note));
END;

CREATE TRIGGER audit_journal_issues_delete AFTER DELETE ON journal_issues BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT source FROM audit_context WHERE id = 1), 'delete', 'journal_issues', OLD.id, json_object('publication', OLD.publication, 'date', OLD.date, 'state', OLD.state, 'year_no', OLD.year_no, 'total_no', OLD.total_no, 'editor_note', OLD.editor_note), NULL);
END;
