-- Bulk rewrites of history by an administrator's filter (Remove-CsPersistentChatMessage): one history_change per
-- room with the kind REMOVED_MATCHING or REPLACED_MATCHING and the filter in words. Portable SQL, H2 and PostgreSQL.
ALTER TABLE history_change ADD COLUMN filter_text VARCHAR(1024);
ALTER TABLE history_change ALTER COLUMN kind SET DATA TYPE VARCHAR(24);
ALTER TABLE history_change DROP CONSTRAINT history_change_kind_ck;
ALTER TABLE history_change ADD CONSTRAINT history_change_kind_ck
    CHECK (kind IN ('CLEARED_BEFORE', 'REMOVED', 'REPLACED', 'REMOVED_MATCHING', 'REPLACED_MATCHING'));
