-- A counter per round that moves on whenever an assessment of the round is submitted,
-- reopened or changed while submitted (see migrations/sqlite/).
CREATE TABLE round_results_revision (
    round_id BIGINT PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO round_results_revision (round_id, revision)
SELECT round_id, 1 FROM assessment WHERE status = 'submitted' GROUP BY round_id;

CREATE FUNCTION move_round_results_revision(round BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO round_results_revision (round_id, revision) VALUES (round, 1)
    ON CONFLICT (round_id) DO UPDATE SET revision = round_results_revision.revision + 1;
$$;

CREATE FUNCTION assessment_submissions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD.status = 'submitted' THEN
            PERFORM move_round_results_revision(OLD.round_id);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW.status = 'submitted' THEN
            PERFORM move_round_results_revision(NEW.round_id);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
-- Drafts saved (the deadline rush) fire none of them.
CREATE TRIGGER assessment_submitted_inserted AFTER INSERT ON assessment
FOR EACH ROW WHEN (NEW.status = 'submitted') EXECUTE FUNCTION assessment_submissions_changed();
CREATE TRIGGER assessment_submitted_updated AFTER UPDATE ON assessment
FOR EACH ROW WHEN (OLD.status = 'submitted' OR NEW.status = 'submitted')
EXECUTE FUNCTION assessment_submissions_changed();
CREATE TRIGGER assessment_submitted_deleted AFTER DELETE ON assessment
FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION assessment_submissions_changed();
