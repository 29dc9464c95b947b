package org.parley.chat.domain.model.file;

import java.time.Instant;
import java.util.Optional;

public interface FileTransferTokenRepository {

    void add(FileTransferToken token);

    Optional<FileTransferToken> find(String token);

    /**
     * Deletes the token if it is for {@code direction} and has not expired at {@code now}, in one conditional
     * statement: true for exactly one of any number of concurrent callers, false for all the others.
     */
    boolean consume(String token, FileTransfer direction, Instant now);

    /** Deletes the tokens expired at {@code now}; how many. */
    int purgeExpired(Instant now);
}
