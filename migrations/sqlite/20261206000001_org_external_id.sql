-- The HR register's id of an organisation, kept so that next year's export matches the same
-- node (issue 13, item 4). Unique where set; nodes made by hand have none.
ALTER TABLE org_node ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX org_node_external_id ON org_node (external_id) WHERE external_id IS NOT NULL;
