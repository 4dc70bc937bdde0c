-- A form post kept for the person who sent it, when it could not be stored as sent: their
-- session had expired (kept until they sign in again, tied to a random key in a cookie of
-- their browser), or someone else had changed the same fields (kept for its author, to show
-- both versions). Taken once, then gone; old ones are pruned.
CREATE TABLE pending_save (
    token            TEXT    PRIMARY KEY,
    user_id          INTEGER REFERENCES app_user (id),
    browser_key_hash TEXT,
    payload          TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    CHECK (user_id IS NOT NULL OR browser_key_hash IS NOT NULL)
);
