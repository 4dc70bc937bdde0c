-- Framework versions edited by the quality department: a draft is copied from a published
-- version (or uploaded as a file), edited, and published. `frozen` means published: a
-- published version never changes again, and only published versions can be used by a
-- round.

-- The version a draft was copied from (its statements keep or replace that version's keys).
ALTER TABLE framework_version ADD COLUMN based_on_id INTEGER REFERENCES framework_version (id);
-- When it was published (NULL for a draft, and for versions published before this column).
ALTER TABLE framework_version ADD COLUMN published_at TEXT;

-- A statement reworded so that it asks another question gets a new key and names the key
-- of the statement it replaces; results across that change are not comparable.
ALTER TABLE statement ADD COLUMN replaces_key TEXT;

-- A frozen (published) version refuses every change, whatever writes to it.
CREATE TRIGGER framework_version_frozen_update BEFORE UPDATE ON framework_version
WHEN OLD.frozen
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER framework_version_frozen_delete BEFORE DELETE ON framework_version
WHEN OLD.frozen
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;

CREATE TRIGGER framework_level_frozen_insert BEFORE INSERT ON framework_level
WHEN (SELECT frozen FROM framework_version WHERE id = NEW.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER framework_level_frozen_update BEFORE UPDATE ON framework_level
WHEN (SELECT frozen FROM framework_version WHERE id = OLD.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER framework_level_frozen_delete BEFORE DELETE ON framework_level
WHEN (SELECT frozen FROM framework_version WHERE id = OLD.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;

CREATE TRIGGER dimension_group_frozen_insert BEFORE INSERT ON dimension_group
WHEN (SELECT frozen FROM framework_version WHERE id = NEW.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER dimension_group_frozen_update BEFORE UPDATE ON dimension_group
WHEN (SELECT frozen FROM framework_version WHERE id = OLD.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER dimension_group_frozen_delete BEFORE DELETE ON dimension_group
WHEN (SELECT frozen FROM framework_version WHERE id = OLD.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;

CREATE TRIGGER dimension_frozen_insert BEFORE INSERT ON dimension
WHEN (SELECT frozen FROM framework_version WHERE id = NEW.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER dimension_frozen_update BEFORE UPDATE ON dimension
WHEN (SELECT frozen FROM framework_version WHERE id = OLD.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER dimension_frozen_delete BEFORE DELETE ON dimension
WHEN (SELECT frozen FROM framework_version WHERE id = OLD.framework_version_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;

CREATE TRIGGER dimension_level_descriptor_frozen_insert BEFORE INSERT ON dimension_level_descriptor
WHEN (SELECT v.frozen FROM framework_version v JOIN dimension d ON d.framework_version_id = v.id
      WHERE d.id = NEW.dimension_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER dimension_level_descriptor_frozen_update BEFORE UPDATE ON dimension_level_descriptor
WHEN (SELECT v.frozen FROM framework_version v JOIN dimension d ON d.framework_version_id = v.id
      WHERE d.id = OLD.dimension_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER dimension_level_descriptor_frozen_delete BEFORE DELETE ON dimension_level_descriptor
WHEN (SELECT v.frozen FROM framework_version v JOIN dimension d ON d.framework_version_id = v.id
      WHERE d.id = OLD.dimension_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;

CREATE TRIGGER statement_frozen_insert BEFORE INSERT ON statement
WHEN (SELECT v.frozen FROM framework_version v JOIN dimension d ON d.framework_version_id = v.id
      WHERE d.id = NEW.dimension_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER statement_frozen_update BEFORE UPDATE ON statement
WHEN (SELECT v.frozen FROM framework_version v JOIN dimension d ON d.framework_version_id = v.id
      WHERE d.id = OLD.dimension_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;
CREATE TRIGGER statement_frozen_delete BEFORE DELETE ON statement
WHEN (SELECT v.frozen FROM framework_version v JOIN dimension d ON d.framework_version_id = v.id
      WHERE d.id = OLD.dimension_id)
BEGIN
    SELECT RAISE(ABORT, 'framework version is frozen');
END;

-- A version used by a round is frozen, whatever created the round.
CREATE TRIGGER round_freezes_framework_insert AFTER INSERT ON round
BEGIN
    UPDATE framework_version SET frozen = TRUE WHERE id = NEW.framework_version_id AND NOT frozen;
END;
