-- The stamp of a round's results (how many submitted, their versions, the latest submission)
-- is read on every results request: answer it from the index alone.
CREATE INDEX assessment_round_results ON assessment (round_id, status, version, submitted_at);
