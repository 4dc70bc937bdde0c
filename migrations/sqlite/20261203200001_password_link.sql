-- One-time links to choose a password, e-mailed to a person created in the administration
-- (or sent again by the quality department). Only a SHA-256 hash of the link's random token
-- is stored, so the table cannot be used to sign in. A link lasts a week and works once;
-- sending a new link to a person removes their earlier unused ones.
CREATE TABLE password_link (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user (id),
    created_by INTEGER REFERENCES app_user (id),
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT
);
CREATE INDEX password_link_user ON password_link (user_id);
