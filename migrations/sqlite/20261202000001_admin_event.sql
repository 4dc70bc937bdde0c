-- Every administrative change, append-only: rounds created, edited and moved through their
-- life, roles given and taken, people created and deactivated, reminders sent, imports.
-- Who, when, with which request, what, about which round, person or organisation, any
-- detail worth keeping (e.g. the role, the number of recipients) and the reason given.
CREATE TABLE admin_event (
    id          INTEGER PRIMARY KEY,
    occurred_at TEXT    NOT NULL,
    actor_id    INTEGER REFERENCES app_user (id),
    request_id  TEXT,
    action      TEXT    NOT NULL,
    round_id    INTEGER REFERENCES round (id),
    user_id     INTEGER REFERENCES app_user (id),
    node_id     INTEGER REFERENCES org_node (id),
    detail      TEXT,
    reason      TEXT
);
CREATE INDEX admin_event_time ON admin_event (occurred_at, id);
CREATE INDEX admin_event_round ON admin_event (round_id, id);
CREATE INDEX admin_event_user ON admin_event (user_id, id);

CREATE TRIGGER admin_event_no_update BEFORE UPDATE ON admin_event
BEGIN
    SELECT RAISE(ABORT, 'admin_event is append-only');
END;

CREATE TRIGGER admin_event_no_delete BEFORE DELETE ON admin_event
BEGIN
    SELECT RAISE(ABORT, 'admin_event is append-only');
END;
