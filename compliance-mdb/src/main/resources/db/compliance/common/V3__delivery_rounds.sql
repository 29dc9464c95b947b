-- Delivery order independent of commit order (issue #11). Ids come from a sequence allocated in blocks
-- and are taken before the storing transaction commits; several message-driven bean sessions (and nodes)
-- commit in any order, so "everything after the adapter's last id" skipped, and then deleted, an event
-- that committed after a higher id was delivered. Now the dispatcher gives each run's newly stored,
-- committed events a delivery round, under a lock on the counter below; an adapter's progress is
-- (round, id). An event committing later gets a later round, so it always lands after every adapter's
-- position, never below it. The storing insert is unchanged (the round is NULL until then).
ALTER TABLE compliance_event ADD COLUMN delivery_round BIGINT;

-- What is stored now was committed before this migration; it takes round 1, ids as before, which keeps
-- each adapter's place (progress at id N becomes round 1, id N).
UPDATE compliance_event SET delivery_round = 1;

-- Batches are read by (round, id) after the adapter's position; the events still without a round are
-- found by it too (NULL round).
CREATE INDEX ix_compliance_event_delivery ON compliance_event (delivery_round, id);

ALTER TABLE compliance_adapter_progress ADD COLUMN last_round BIGINT DEFAULT 0 NOT NULL;
UPDATE compliance_adapter_progress SET last_round = 1 WHERE last_event_id > 0;

-- The last delivery round given. One row; the dispatcher's ordering transaction increments it first, so
-- two of them (two nodes, should the dispatch lease ever be overrun) run one after the other.
CREATE TABLE compliance_delivery_round (
    counter_name VARCHAR(32) NOT NULL,
    last_round   BIGINT      NOT NULL,
    CONSTRAINT pk_compliance_delivery_round PRIMARY KEY (counter_name)
);

INSERT INTO compliance_delivery_round (counter_name, last_round) VALUES ('delivery', 1);
