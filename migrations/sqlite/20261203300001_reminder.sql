-- Reminders by e-mail to the managers of units that have not submitted in a round.
--
-- A reminder is created once per confirmation: the confirmation form carries a random
-- idempotency key, unique here, so a double click or a retried post finds the reminder
-- already made instead of making another. It keeps who sent it and when, which units it
-- was for (target, administration) and the text as written, with its placeholders.
CREATE TABLE reminder (
    id                    INTEGER PRIMARY KEY,
    idempotency_key       TEXT    NOT NULL UNIQUE,
    round_id              INTEGER NOT NULL REFERENCES round (id),
    created_by            INTEGER NOT NULL REFERENCES app_user (id),
    created_at            TEXT    NOT NULL,
    target                TEXT    NOT NULL CHECK (target IN ('not_started', 'draft', 'both')),
    administration_id     INTEGER REFERENCES org_node (id),
    subject               TEXT    NOT NULL,
    body                  TEXT    NOT NULL,
    units                 INTEGER NOT NULL CHECK (units >= 0),
    units_without_manager INTEGER NOT NULL CHECK (units_without_manager >= 0)
);
CREATE INDEX reminder_round ON reminder (round_id, id);

-- One message of a reminder: one manager of one unit, with the address and the text as
-- sent (placeholders filled in), and where its sending stands. A sender claims a message
-- by moving it from 'pending' to 'sending' in one statement, so no two senders (tasks or
-- servers) ever send the same message; 'sent' carries when, 'failed' the error. These rows
-- are the log of what was sent to whom.
CREATE TABLE reminder_recipient (
    id          INTEGER PRIMARY KEY,
    reminder_id INTEGER NOT NULL REFERENCES reminder (id),
    unit_id     INTEGER NOT NULL REFERENCES org_node (id),
    unit_name   TEXT    NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES app_user (id),
    name        TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    claimed_at  TEXT,
    sent_at     TEXT,
    error       TEXT,
    UNIQUE (reminder_id, unit_id, user_id),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX reminder_recipient_status ON reminder_recipient (reminder_id, status, id);
-- Finding reminders with messages still waiting (at start, to carry on sending).
CREATE INDEX reminder_recipient_waiting ON reminder_recipient (status, reminder_id);
