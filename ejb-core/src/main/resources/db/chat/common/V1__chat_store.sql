-- The Persistent Chat Store, version 1. Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.
--
-- Ids come from one sequence per table; INCREMENT BY equals the JPA allocationSize (50, Hibernate's
-- pooled optimiser), except room_invitation_seq (1: invitation ids are the XCCOS inviteId, which clients
-- compare, so they must be handed out in order).
-- Enumerations are VARCHAR with a CHECK, readable in the database and extended by a later migration.
-- Principals (who a right is granted to) are one column in written form: sip:user@domain, group:<name>,
-- domain:<name>.
-- Full-text search: message bodies and room names/descriptions get PostgreSQL GIN indexes in
-- postgresql/V1_1; on H2 (development, tests) name searches use the unique index on the lower-case
-- name_key and other searches scan, which is fine at H2's scale.

CREATE SEQUENCE chat_policy_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE chat_user_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE user_group_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE chat_category_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE chat_room_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE chat_message_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE history_change_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE room_follow_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE room_invitation_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE file_record_seq START WITH 1 INCREMENT BY 50;

-- Users and policies ------------------------------------------------------------------------------

CREATE TABLE chat_policy (
    id       BIGINT      NOT NULL,
    name     VARCHAR(64) NOT NULL,
    name_key VARCHAR(64) NOT NULL,
    enabled  BOOLEAN     NOT NULL,
    version  BIGINT      NOT NULL,
    CONSTRAINT chat_policy_pk PRIMARY KEY (id),
    CONSTRAINT chat_policy_name_uk UNIQUE (name_key)
);

-- Not "user": a reserved word in SQL.
CREATE TABLE chat_user (
    id            BIGINT       NOT NULL,
    uri           VARCHAR(256) NOT NULL,
    administrator BOOLEAN      NOT NULL,
    policy_id     BIGINT,
    version       BIGINT       NOT NULL,
    CONSTRAINT chat_user_pk PRIMARY KEY (id),
    CONSTRAINT chat_user_uri_uk UNIQUE (uri),
    CONSTRAINT chat_user_policy_fk FOREIGN KEY (policy_id) REFERENCES chat_policy (id)
);
CREATE INDEX chat_user_policy_idx ON chat_user (policy_id);

CREATE TABLE user_group (
    id          BIGINT        NOT NULL,
    name        VARCHAR(128)  NOT NULL,
    name_key    VARCHAR(128)  NOT NULL,
    description VARCHAR(1024),
    version     BIGINT        NOT NULL,
    CONSTRAINT user_group_pk PRIMARY KEY (id),
    CONSTRAINT user_group_name_uk UNIQUE (name_key)
);

CREATE TABLE user_group_member (
    group_id   BIGINT       NOT NULL,
    member_uri VARCHAR(256) NOT NULL,
    CONSTRAINT user_group_member_pk PRIMARY KEY (group_id, member_uri),
    CONSTRAINT user_group_member_group_fk FOREIGN KEY (group_id) REFERENCES user_group (id)
);
-- Every request resolves the caller's groups by URI.
CREATE INDEX user_group_member_uri_idx ON user_group_member (member_uri);

-- Categories --------------------------------------------------------------------------------------

CREATE TABLE chat_category (
    id                   BIGINT                   NOT NULL,
    guid                 UUID                     NOT NULL,
    domain               VARCHAR(255)             NOT NULL,
    name                 VARCHAR(256)             NOT NULL,
    name_key             VARCHAR(256)             NOT NULL,
    description          VARCHAR(1024),
    invitations_allowed  BOOLEAN                  NOT NULL,
    file_upload_allowed  BOOLEAN                  NOT NULL,
    chat_history_enabled BOOLEAN                  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL,
    CONSTRAINT chat_category_pk PRIMARY KEY (id),
    CONSTRAINT chat_category_guid_uk UNIQUE (guid),
    CONSTRAINT chat_category_name_uk UNIQUE (name_key)
);

CREATE TABLE category_allowed_member (
    category_id BIGINT       NOT NULL,
    principal   VARCHAR(300) NOT NULL,
    CONSTRAINT category_allowed_member_pk PRIMARY KEY (category_id, principal),
    CONSTRAINT category_allowed_member_category_fk FOREIGN KEY (category_id) REFERENCES chat_category (id)
);

CREATE TABLE category_denied_member (
    category_id BIGINT       NOT NULL,
    principal   VARCHAR(300) NOT NULL,
    CONSTRAINT category_denied_member_pk PRIMARY KEY (category_id, principal),
    CONSTRAINT category_denied_member_category_fk FOREIGN KEY (category_id) REFERENCES chat_category (id)
);

CREATE TABLE category_creator (
    category_id BIGINT       NOT NULL,
    principal   VARCHAR(300) NOT NULL,
    CONSTRAINT category_creator_pk PRIMARY KEY (category_id, principal),
    CONSTRAINT category_creator_category_fk FOREIGN KEY (category_id) REFERENCES chat_category (id)
);

-- Rooms -------------------------------------------------------------------------------------------

CREATE TABLE chat_room (
    id               BIGINT                   NOT NULL,
    guid             UUID                     NOT NULL,
    domain           VARCHAR(255)             NOT NULL,
    category_id      BIGINT                   NOT NULL,
    name             VARCHAR(256)             NOT NULL,
    -- Lower-case, normalised name: unique on the server ignoring case, and what name searches use.
    name_key         VARCHAR(256)             NOT NULL,
    description      VARCHAR(1024),
    topic            VARCHAR(1024),
    privacy          VARCHAR(16)              NOT NULL,
    room_type        VARCHAR(16)              NOT NULL,
    invitations      VARCHAR(16)              NOT NULL,
    disabled         BOOLEAN                  NOT NULL,
    -- The per-room message counter; posts lock the row, take the next number and write it back.
    last_message_seq BIGINT                   DEFAULT 0 NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT chat_room_pk PRIMARY KEY (id),
    CONSTRAINT chat_room_guid_uk UNIQUE (guid),
    CONSTRAINT chat_room_name_uk UNIQUE (name_key),
    CONSTRAINT chat_room_category_fk FOREIGN KEY (category_id) REFERENCES chat_category (id),
    CONSTRAINT chat_room_privacy_ck CHECK (privacy IN ('OPEN', 'CLOSED', 'SECRET')),
    CONSTRAINT chat_room_type_ck CHECK (room_type IN ('NORMAL', 'AUDITORIUM')),
    CONSTRAINT chat_room_invitations_ck CHECK (invitations IN ('INHERIT', 'ON', 'OFF')),
    CONSTRAINT chat_room_seq_ck CHECK (last_message_seq >= 0)
);
CREATE INDEX chat_room_category_idx ON chat_room (category_id);

-- Role lists; the principal indexes serve "rooms I am a member / manager of".
CREATE TABLE room_member (
    room_id   BIGINT       NOT NULL,
    principal VARCHAR(300) NOT NULL,
    CONSTRAINT room_member_pk PRIMARY KEY (room_id, principal),
    CONSTRAINT room_member_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id)
);
CREATE INDEX room_member_principal_idx ON room_member (principal);

CREATE TABLE room_manager (
    room_id   BIGINT       NOT NULL,
    principal VARCHAR(300) NOT NULL,
    CONSTRAINT room_manager_pk PRIMARY KEY (room_id, principal),
    CONSTRAINT room_manager_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id)
);
CREATE INDEX room_manager_principal_idx ON room_manager (principal);

CREATE TABLE room_presenter (
    room_id   BIGINT       NOT NULL,
    principal VARCHAR(300) NOT NULL,
    CONSTRAINT room_presenter_pk PRIMARY KEY (room_id, principal),
    CONSTRAINT room_presenter_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id)
);
CREATE INDEX room_presenter_principal_idx ON room_presenter (principal);

-- History -----------------------------------------------------------------------------------------

-- body: VARCHAR rather than a LOB, the same type on both databases and not a LOB locator in JDBC;
-- 16384 is four times the advertised storySizeLimit, the service enforces the configured limit.
CREATE TABLE chat_message (
    id          BIGINT                   NOT NULL,
    room_id     BIGINT                   NOT NULL,
    seq         BIGINT                   NOT NULL,
    author_uri  VARCHAR(256)             NOT NULL,
    body        VARCHAR(16384)           NOT NULL,
    client_time TIMESTAMP WITH TIME ZONE,
    server_time TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_message_pk PRIMARY KEY (id),
    -- Also the index of every history read (room, seq ranges, read backwards for "last N").
    CONSTRAINT chat_message_room_seq_uk UNIQUE (room_id, seq),
    CONSTRAINT chat_message_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id),
    CONSTRAINT chat_message_seq_ck CHECK (seq > 0)
);
-- Clearing history before a date.
CREATE INDEX chat_message_room_time_idx ON chat_message (room_id, server_time);

CREATE TABLE history_change (
    id                BIGINT                   NOT NULL,
    room_id           BIGINT                   NOT NULL,
    kind              VARCHAR(16)              NOT NULL,
    actor_uri         VARCHAR(256)             NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    message_seq       BIGINT,
    cleared_before    TIMESTAMP WITH TIME ZONE,
    messages_affected BIGINT                   NOT NULL,
    old_text_sha256   VARCHAR(64),
    CONSTRAINT history_change_pk PRIMARY KEY (id),
    CONSTRAINT history_change_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id),
    CONSTRAINT history_change_kind_ck CHECK (kind IN ('CLEARED_BEFORE', 'REMOVED', 'REPLACED'))
);
CREATE INDEX history_change_room_idx ON history_change (room_id, changed_at);

-- Follows, invitations, files ----------------------------------------------------------------------

CREATE TABLE room_follow (
    id          BIGINT                   NOT NULL,
    user_uri    VARCHAR(256)             NOT NULL,
    room_id     BIGINT                   NOT NULL,
    followed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT room_follow_pk PRIMARY KEY (id),
    CONSTRAINT room_follow_user_room_uk UNIQUE (user_uri, room_id),
    CONSTRAINT room_follow_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id)
);
CREATE INDEX room_follow_room_idx ON room_follow (room_id);

CREATE TABLE room_invitation (
    id          BIGINT                   NOT NULL,
    room_id     BIGINT                   NOT NULL,
    invitee_uri VARCHAR(256)             NOT NULL,
    inviter_uri VARCHAR(256)             NOT NULL,
    invited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen        BOOLEAN                  NOT NULL,
    CONSTRAINT room_invitation_pk PRIMARY KEY (id),
    CONSTRAINT room_invitation_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id)
);
-- getinv: an invitee's invitations after a given id.
CREATE INDEX room_invitation_invitee_idx ON room_invitation (invitee_uri, id);
CREATE INDEX room_invitation_room_idx ON room_invitation (room_id);

CREATE TABLE file_record (
    id           BIGINT                   NOT NULL,
    room_id      BIGINT                   NOT NULL,
    file_name    VARCHAR(255)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    content_type VARCHAR(255)             NOT NULL,
    storage_key  VARCHAR(128)             NOT NULL,
    uploader_uri VARCHAR(256)             NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT file_record_pk PRIMARY KEY (id),
    CONSTRAINT file_record_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id),
    CONSTRAINT file_record_size_ck CHECK (size_bytes >= 0)
);
CREATE INDEX file_record_room_idx ON file_record (room_id, uploaded_at);
-- Finding the records that share stored bytes (content-addressed storage keys, removal of orphans).
CREATE INDEX file_record_storage_key_idx ON file_record (storage_key);
