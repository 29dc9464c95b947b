-- Full-text search, planned now so the search features to come need no data migration.
-- 'simple' configuration: no language stemming (rooms mix languages), lower-cases and splits words.
-- to_tsvector with an explicit configuration is immutable, hence indexable; queries must use the very
-- same expression, e.g.  to_tsvector('simple', body) @@ plainto_tsquery('simple', :words).
CREATE INDEX chat_message_body_fts_idx ON chat_message
    USING GIN (to_tsvector('simple', body));

CREATE INDEX chat_room_text_fts_idx ON chat_room
    USING GIN (to_tsvector('simple', name || ' ' || COALESCE(description, '') || ' ' || COALESCE(topic, '')));

-- Prefix searches on the normalised name (name_key LIKE 'abc%') can only use a B-tree index whose
-- operator class compares by character code; the unique index uses the database collation.
CREATE INDEX chat_room_name_key_prefix_idx ON chat_room (name_key varchar_pattern_ops);
