-- Managers' change notes: why a new version of a diagram, decision or form was deployed from the browser modeler,
-- by whom and when. One row per deployment; the deployment itself is the engine's (ACT_RE_DEPLOYMENT).
CREATE TABLE deployment_note (
    deployment_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    resource_name       VARCHAR(255)  NOT NULL,
    base_deployment_id  VARCHAR(64),
    note                VARCHAR(2000) NOT NULL,
    deployed_by         VARCHAR(64)   NOT NULL,
    deployed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_deployment_note_resource ON deployment_note (resource_name, deployed_at);
