-- A unit's assessments across rounds (its previous round's answers, its history over time).
CREATE INDEX assessment_unit ON assessment (unit_id, status);
