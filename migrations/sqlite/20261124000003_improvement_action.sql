-- Improvement actions (förbättringsåtgärder) of a unit's assessment, per dimension.
-- Removing an action only marks it: it stays in the history. An action carried on into a
-- later round is a new row pointing at the one it continues.
CREATE TABLE improvement_action (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id),
    dimension_key TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL DEFAULT '',
    owner         TEXT    NOT NULL DEFAULT '',
    due_on        TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    carried_from  INTEGER REFERENCES improvement_action (id),
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    removed_at    TEXT
);
CREATE INDEX improvement_action_assessment ON improvement_action (assessment_id, dimension_key);
CREATE INDEX improvement_action_carried_from ON improvement_action (carried_from);
