-- How long history is kept (#14, retention): a category's days (NULL: for ever, the default), and a room's own
-- (NULL: its category's; 0: for ever whatever the category says). Portable SQL, H2 and PostgreSQL.
ALTER TABLE chat_category ADD COLUMN retention_days INTEGER;
ALTER TABLE chat_category ADD CONSTRAINT chat_category_retention_ck CHECK (retention_days IS NULL OR retention_days > 0);
ALTER TABLE chat_room ADD COLUMN retention_days INTEGER;
ALTER TABLE chat_room ADD CONSTRAINT chat_room_retention_ck CHECK (retention_days IS NULL OR retention_days >= 0);
