-- Who is handing the backlog to the adapters right now. Nodes of a pool share this store: a run first
-- takes the lease (one conditional UPDATE, so exactly one node wins), so an administrator's "run now"
-- on one node and the timer on another never hand the same batch to an adapter twice. A lease runs
-- out by itself (expires_at), so a node that died mid-run does not stop the others for long.
CREATE TABLE compliance_dispatch_lease (
    lease_name  VARCHAR(32)              NOT NULL,
    holder      VARCHAR(200),
    expires_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_compliance_dispatch_lease PRIMARY KEY (lease_name)
);

INSERT INTO compliance_dispatch_lease (lease_name, holder, expires_at) VALUES ('dispatch', NULL, NULL);
