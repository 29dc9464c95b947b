-- The compliance store (its own database, as mgccomp is in the original product): chat events waiting
-- for the compliance adapters, and how far each adapter has taken them. Portable across H2 2.2 and
-- PostgreSQL 15.

-- One row per event received from the compliance queue. The id orders events as they were stored,
-- which per room is the order the chat service produced them (the queue groups messages by room).
CREATE SEQUENCE compliance_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE compliance_event (
    id           BIGINT                   NOT NULL,
    event_id     VARCHAR(64)              NOT NULL,
    event_type   VARCHAR(32)              NOT NULL,
    room_uri     VARCHAR(300),
    room_name    VARCHAR(256),
    actor        VARCHAR(300)             NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_text   VARCHAR(16384),
    details      VARCHAR(4000)            NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_compliance_event PRIMARY KEY (id),
    -- A redelivered message is stored once.
    CONSTRAINT uk_compliance_event_event_id UNIQUE (event_id)
);

-- Per adapter: the last event id it has taken (its batches are everything after), and its health.
CREATE TABLE compliance_adapter_progress (
    adapter_name     VARCHAR(64)              NOT NULL,
    last_event_id    BIGINT                   NOT NULL,
    delivered_events BIGINT                   NOT NULL,
    failures         BIGINT                   NOT NULL,
    last_run_at      TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(2000),
    CONSTRAINT pk_compliance_adapter_progress PRIMARY KEY (adapter_name)
);
