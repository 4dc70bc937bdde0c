-- Running rounds from the administration.
--
-- A round's introduction: a short plain-text paragraph shown to units above the form.
ALTER TABLE round ADD COLUMN intro TEXT;

-- A submission the quality department reopened after the round closed: that unit may change
-- and submit it again while the round stays closed for everyone else. Cleared when the unit
-- submits again and whenever the round moves.
ALTER TABLE assessment ADD COLUMN reopened_after_close BOOLEAN NOT NULL DEFAULT FALSE;

-- The admin log is read newest first, filtered by who acted.
CREATE INDEX admin_event_actor ON admin_event (actor_id, id);
