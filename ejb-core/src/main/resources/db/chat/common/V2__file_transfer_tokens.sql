-- One-use tokens for file transfers that XCCOS clients make outside SIP (cmd:getfutok / cmd:getfdtok,
-- docs/protocol/xccos.md §7.9). Portable SQL, H2 and PostgreSQL.
--
-- A token is redeemed by deleting its row with a conditional DELETE (token, direction, not expired): the row
-- count decides, so two concurrent redemptions of one token cannot both succeed. Expired rows are purged by
-- the file store's clean-up timer.
CREATE TABLE file_transfer_token (
    token      VARCHAR(36)              NOT NULL,
    direction  VARCHAR(8)               NOT NULL,
    user_uri   VARCHAR(256)             NOT NULL,
    room_id    BIGINT                   NOT NULL,
    file_name  VARCHAR(255)             NOT NULL,
    -- The file a download token hands out, resolved when the token is issued; NULL for uploads.
    file_id    BIGINT,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT file_transfer_token_pk PRIMARY KEY (token),
    CONSTRAINT file_transfer_token_room_fk FOREIGN KEY (room_id) REFERENCES chat_room (id),
    CONSTRAINT file_transfer_token_file_fk FOREIGN KEY (file_id) REFERENCES file_record (id) ON DELETE CASCADE,
    CONSTRAINT file_transfer_token_direction_ck CHECK (direction IN ('UPLOAD', 'DOWNLOAD'))
);
CREATE INDEX file_transfer_token_expiry_idx ON file_transfer_token (expires_at);
CREATE INDEX file_transfer_token_room_idx ON file_transfer_token (room_id);
CREATE INDEX file_transfer_token_file_idx ON file_transfer_token (file_id);
