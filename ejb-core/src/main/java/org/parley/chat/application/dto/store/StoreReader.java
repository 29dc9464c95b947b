package org.parley.chat.application.dto.store;

import java.util.Optional;

/**
 * A chat store document read piece by piece while it is imported (docs/export-format.md): first everything but
 * the rooms and files, then the rooms one at a time (each with its messages), then the files one at a time. So an
 * import holds one room's history in memory, never the whole store's.
 */
public interface StoreReader {

    /** The document's format, version, policies, users, groups, add-ins and categories (no rooms). */
    StoreDocument outline();

    /** The next room with its messages, or empty when there is none left. */
    Optional<ExportedRoom> nextRoom();

    /** The next file (its bytes stored already), or empty when there is none left. */
    Optional<ExportedFile> nextFile();

    /** A whole document already in memory (tests, small documents). */
    static StoreReader of(StoreDocument document) {
        return new StoreReader() {
            private int room;

            @Override
            public StoreDocument outline() {
                return document;
            }

            @Override
            public Optional<ExportedRoom> nextRoom() {
                return room < document.rooms().size()
                        ? Optional.of(document.rooms().get(room++))
                        : Optional.empty();
            }

            @Override
            public Optional<ExportedFile> nextFile() {
                return Optional.empty();
            }
        };
    }
}
