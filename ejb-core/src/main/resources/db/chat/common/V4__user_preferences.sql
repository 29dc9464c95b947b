-- Users' preferences kept on the server (XCCOS cmd:getpref / cmd:setpref, docs/protocol/xccos.md §7.9): one value (base64, as
-- the client sends it) per user and label; version is the seqid clients see. Portable SQL, H2 and PostgreSQL.
CREATE SEQUENCE user_preference_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE user_preference (
    id       BIGINT        NOT NULL,
    user_uri VARCHAR(256)  NOT NULL,
    label    VARCHAR(200)  NOT NULL,
    content  VARCHAR(87384) NOT NULL,
    version  BIGINT        NOT NULL,
    CONSTRAINT user_preference_pk PRIMARY KEY (id),
    CONSTRAINT user_preference_label_uq UNIQUE (user_uri, label)
);
