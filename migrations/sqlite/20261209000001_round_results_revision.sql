-- A counter per round that moves on whenever an assessment of the round is submitted,
-- reopened or changed while submitted (by triggers, however the write was made). The results
-- cache keeps a round's figures with it: reading one row replaces summing over every submitted
-- assessment of the round on each results request.
CREATE TABLE round_results_revision (
    round_id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL
);
INSERT INTO round_results_revision (round_id, revision)
SELECT round_id, 1 FROM assessment WHERE status = 'submitted' GROUP BY round_id;

CREATE TRIGGER assessment_submitted_inserted AFTER INSERT ON assessment
WHEN new.status = 'submitted'
BEGIN
    INSERT INTO round_results_revision (round_id, revision) VALUES (new.round_id, 1)
    ON CONFLICT (round_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER assessment_submitted_updated AFTER UPDATE ON assessment
WHEN old.status = 'submitted' OR new.status = 'submitted'
BEGIN
    INSERT INTO round_results_revision (round_id, revision) VALUES (old.round_id, 1)
    ON CONFLICT (round_id) DO UPDATE SET revision = revision + 1;
    INSERT INTO round_results_revision (round_id, revision) VALUES (new.round_id, 1)
    ON CONFLICT (round_id) DO UPDATE SET revision = revision + 1;
END;

CREATE TRIGGER assessment_submitted_deleted AFTER DELETE ON assessment
WHEN old.status = 'submitted'
BEGIN
    INSERT INTO round_results_revision (round_id, revision) VALUES (old.round_id, 1)
    ON CONFLICT (round_id) DO UPDATE SET revision = revision + 1;
END;
