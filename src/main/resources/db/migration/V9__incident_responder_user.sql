-- The responder's user id (issue 6): besides managers, the one user who sees a confidential incident.
ALTER TABLE incident ADD COLUMN responder_user_id VARCHAR(64);

CREATE INDEX ix_incident_responder_user ON incident (responder_user_id);
