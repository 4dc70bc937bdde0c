-- A board presentation of one organisation in one round, as its presenter prepared it: per
-- slide a comment shown on the slide, speaker notes and whether it is hidden; and the
-- improvement actions chosen for it, in order.
CREATE TABLE deck_slide (
    round_id   INTEGER NOT NULL REFERENCES round (id),
    node_id    INTEGER NOT NULL REFERENCES org_node (id),
    slide      TEXT    NOT NULL,
    hidden     BOOLEAN NOT NULL DEFAULT FALSE,
    comment    TEXT    NOT NULL DEFAULT '',
    notes      TEXT    NOT NULL DEFAULT '',
    updated_at TEXT    NOT NULL,
    updated_by INTEGER REFERENCES app_user (id),
    PRIMARY KEY (round_id, node_id, slide)
);

CREATE TABLE deck_action (
    round_id  INTEGER NOT NULL REFERENCES round (id),
    node_id   INTEGER NOT NULL REFERENCES org_node (id),
    action_id INTEGER NOT NULL REFERENCES improvement_action (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (round_id, node_id, action_id)
);
