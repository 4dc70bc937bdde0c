-- A counter that every write to the organisation tree moves on (by triggers, however the
-- write was made: a change by hand, the HR import, the seed). The results cache keeps a
-- round's figures with it, so a change to the tree is seen at once (issue 13).
CREATE TABLE org_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO org_revision (id, revision) VALUES (1, 0);

CREATE TRIGGER org_node_inserted AFTER INSERT ON org_node
BEGIN UPDATE org_revision SET revision = revision + 1; END;
CREATE TRIGGER org_node_updated AFTER UPDATE ON org_node
BEGIN UPDATE org_revision SET revision = revision + 1; END;
CREATE TRIGGER org_node_deleted AFTER DELETE ON org_node
BEGIN UPDATE org_revision SET revision = revision + 1; END;

CREATE TRIGGER org_node_version_inserted AFTER INSERT ON org_node_version
BEGIN UPDATE org_revision SET revision = revision + 1; END;
CREATE TRIGGER org_node_version_updated AFTER UPDATE ON org_node_version
BEGIN UPDATE org_revision SET revision = revision + 1; END;
CREATE TRIGGER org_node_version_deleted AFTER DELETE ON org_node_version
BEGIN UPDATE org_revision SET revision = revision + 1; END;
