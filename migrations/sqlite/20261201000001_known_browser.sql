-- Browsers someone has signed in on: the SHA-256 of the random key in the browser's
-- cookie, and who signed in on it last. A form post that arrives after the session expired
-- is kept only for such a browser, for that person (pending_save.user_id beside its
-- browser_key_hash), and saved when they sign in on it again. Unused for 180 days: pruned.
CREATE TABLE known_browser (
    key_hash   TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user (id),
    first_seen TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL
);
CREATE INDEX known_browser_last_seen ON known_browser (last_seen);

-- Posts kept for a browser are counted and pruned per browser.
CREATE INDEX pending_save_browser ON pending_save (browser_key_hash, created_at);
-- Every post is pruned after a day.
CREATE INDEX pending_save_created ON pending_save (created_at);
