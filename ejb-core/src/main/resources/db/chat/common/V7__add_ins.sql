-- Add-ins (New-CsPersistentChatAddin): a web page, by name and URL, that a room may have beside it. Portable SQL,
-- H2 and PostgreSQL.
CREATE SEQUENCE add_in_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE add_in (
    id       BIGINT        NOT NULL,
    name     VARCHAR(128)  NOT NULL,
    name_key VARCHAR(128)  NOT NULL,
    url      VARCHAR(1024) NOT NULL,
    version  BIGINT        NOT NULL,
    CONSTRAINT add_in_pk PRIMARY KEY (id),
    CONSTRAINT add_in_name_uk UNIQUE (name_key)
);
ALTER TABLE chat_room ADD COLUMN add_in_id BIGINT;
ALTER TABLE chat_room ADD CONSTRAINT chat_room_add_in_fk FOREIGN KEY (add_in_id) REFERENCES add_in (id);
CREATE INDEX chat_room_add_in_idx ON chat_room (add_in_id);
