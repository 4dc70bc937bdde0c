-- Mognad: initial schema.
--
-- Written in the common subset of SQLite and PostgreSQL where it costs nothing:
-- INTEGER/BIGINT ids, TEXT, BOOLEAN, ISO-8601 dates (TEXT in SQLite, DATE/TIMESTAMPTZ in
-- a PostgreSQL variant), no SQLite-only functions in constraints.

-- The organisation tree. A node is an organisation with a stable id and a lifetime;
-- its name and its place in the tree may change over time and are kept in
-- org_node_version, one row per period (valid_to NULL = still valid).
CREATE TABLE org_node (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('city', 'stadsdelsforvaltning', 'fackforvaltning', 'bolag', 'avdelning', 'enhet')),
    valid_from  TEXT    NOT NULL,
    valid_to    TEXT,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE org_node_version (
    node_id     INTEGER NOT NULL REFERENCES org_node (id),
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id   INTEGER REFERENCES org_node (id),
    valid_from  TEXT    NOT NULL,
    valid_to    TEXT,
    PRIMARY KEY (node_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX org_node_version_parent ON org_node_version (parent_id, valid_from);

-- A merger, split or other succession: the successor carries on the predecessor's work
-- from `effective` (trends of the successor include its predecessors' results).
CREATE TABLE org_succession (
    predecessor_id INTEGER NOT NULL REFERENCES org_node (id),
    successor_id   INTEGER NOT NULL REFERENCES org_node (id),
    effective      TEXT    NOT NULL,
    PRIMARY KEY (predecessor_id, successor_id)
);

-- People who sign in. password_hash is NULL for accounts that only sign in through
-- single sign-on (not yet built); external_subject is the identity provider's subject.
CREATE TABLE app_user (
    id               INTEGER PRIMARY KEY,
    email            TEXT    NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name     TEXT    NOT NULL,
    password_hash    TEXT,
    external_subject TEXT    UNIQUE,
    disabled         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TEXT    NOT NULL
);

-- A role is held on a node and covers the node's whole subtree.
CREATE TABLE role_assignment (
    user_id  INTEGER NOT NULL REFERENCES app_user (id),
    node_id  INTEGER NOT NULL REFERENCES org_node (id),
    role     TEXT    NOT NULL CHECK (role IN ('quality_department', 'head', 'unit_manager')),
    PRIMARY KEY (user_id, node_id, role)
);
CREATE INDEX role_assignment_node ON role_assignment (node_id);

-- The framework: a versioned set of twelve dimensions in two groups, each with statements
-- and a descriptor per maturity level. Keys are stable across versions.
CREATE TABLE framework_version (
    id            INTEGER PRIMARY KEY,
    framework_key TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    version_label TEXT    NOT NULL,
    frozen        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT    NOT NULL,
    UNIQUE (framework_key, version_label)
);

CREATE TABLE framework_level (
    framework_version_id INTEGER NOT NULL REFERENCES framework_version (id),
    level                INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    name                 TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    PRIMARY KEY (framework_version_id, level)
);

CREATE TABLE dimension_group (
    framework_version_id INTEGER NOT NULL REFERENCES framework_version (id),
    group_key            TEXT    NOT NULL CHECK (group_key IN ('forhallningssatt', 'fokusomraden')),
    position             INTEGER NOT NULL,
    name                 TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    PRIMARY KEY (framework_version_id, group_key)
);

CREATE TABLE dimension (
    id                   INTEGER PRIMARY KEY,
    framework_version_id INTEGER NOT NULL REFERENCES framework_version (id),
    dimension_key        TEXT    NOT NULL,
    group_key            TEXT    NOT NULL,
    position             INTEGER NOT NULL,
    name                 TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    UNIQUE (framework_version_id, dimension_key),
    FOREIGN KEY (framework_version_id, group_key) REFERENCES dimension_group (framework_version_id, group_key)
);

CREATE TABLE dimension_level_descriptor (
    dimension_id INTEGER NOT NULL REFERENCES dimension (id),
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    description  TEXT    NOT NULL,
    PRIMARY KEY (dimension_id, level)
);

CREATE TABLE statement (
    id            INTEGER PRIMARY KEY,
    dimension_id  INTEGER NOT NULL REFERENCES dimension (id),
    statement_key TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    body          TEXT    NOT NULL,
    guidance      TEXT    NOT NULL,
    UNIQUE (dimension_id, statement_key)
);

-- A round (mätomgång): one framework version over a subtree, with dates and a status.
CREATE TABLE round (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL,
    framework_version_id INTEGER NOT NULL REFERENCES framework_version (id),
    root_node_id         INTEGER NOT NULL REFERENCES org_node (id),
    opens_on             TEXT    NOT NULL,
    closes_on            TEXT    NOT NULL,
    status               TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'published')),
    created_at           TEXT    NOT NULL,
    CHECK (closes_on >= opens_on)
);

-- One unit's answer in one round. No row means "not started".
-- `version` counts saved changes; a save names the version it was based on.
CREATE TABLE assessment (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER NOT NULL REFERENCES round (id),
    unit_id      INTEGER NOT NULL REFERENCES org_node (id),
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'submitted')),
    version      INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    submitted_at TEXT,
    submitted_by INTEGER REFERENCES app_user (id),
    UNIQUE (round_id, unit_id)
);

-- The rating of one statement: a level 1–5, or "ej aktuellt". No row means unrated.
CREATE TABLE rating (
    assessment_id      INTEGER NOT NULL REFERENCES assessment (id),
    statement_key      TEXT    NOT NULL,
    level              INTEGER CHECK (level BETWEEN 1 AND 5),
    not_applicable     BOOLEAN NOT NULL DEFAULT FALSE,
    changed_in_version INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, statement_key),
    CHECK ((level IS NOT NULL AND NOT not_applicable) OR (level IS NULL AND not_applicable))
);

-- Free text: the motivation (belägg) of a statement, or a dimension's strengths and areas
-- to improve. subject_key is the statement or dimension key.
CREATE TABLE text_answer (
    assessment_id      INTEGER NOT NULL REFERENCES assessment (id),
    field              TEXT    NOT NULL CHECK (field IN ('motivation', 'strengths', 'improvements')),
    subject_key        TEXT    NOT NULL,
    body               TEXT    NOT NULL,
    changed_in_version INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, field, subject_key)
);

-- Every change to an assessment, append-only: who, when, which field, old -> new, and the
-- request it came with.
CREATE TABLE audit_event (
    id            INTEGER PRIMARY KEY,
    occurred_at   TEXT    NOT NULL,
    actor_id      INTEGER REFERENCES app_user (id),
    request_id    TEXT,
    assessment_id INTEGER REFERENCES assessment (id),
    action        TEXT    NOT NULL,
    field         TEXT,
    old_value     TEXT,
    new_value     TEXT,
    reason        TEXT
);
CREATE INDEX audit_event_assessment ON audit_event (assessment_id, id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
