package org.parley.chat.infrastructure.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;

import org.parley.chat.application.ChatSetting;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.file.FileTransferTokenRepository;

/**
 * Removes from the file store the bytes no file record names any more (after a history clear or a file's
 * removal), and the file transfer tokens that expired unused. Runs on a non-persistent timer every
 * {@value #INTERVAL} seconds (a missed run while the server was down is simply the next one).
 * <p>
 * Bytes written less than {@value #GRACE} seconds ago are never touched: they may belong to an upload whose
 * record is not committed yet. Uploads rewrite the bytes they store even when the same bytes are there (see
 * FileStore), so that covers an upload of bytes that had just become an orphan, too.
 */
@ExcludeDefaultInterceptors
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FileStoreJanitor {

    public static final String INTERVAL = ChatSetting.FILE_STORE_CLEANUP_INTERVAL_SECONDS.property();
    public static final String GRACE = ChatSetting.FILE_STORE_ORPHAN_GRACE_SECONDS.property();

    private static final Logger LOG = Logger.getLogger(FileStoreJanitor.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    FileStore store;

    @Inject
    FileRecordRepository files;

    @Inject
    FileTransferTokenRepository tokens;

    @Inject
    Clock clock;

    private Duration grace;

    public FileStoreJanitor() {}

    public FileStoreJanitor(
            FileStore store,
            FileRecordRepository files,
            FileTransferTokenRepository tokens,
            Clock clock,
            Duration grace) {
        this.store = store;
        this.files = files;
        this.tokens = tokens;
        this.clock = clock;
        this.grace = grace;
    }

    @PostConstruct
    void schedule() {
        grace = Duration.ofSeconds(Long.parseLong(ChatSetting.FILE_STORE_ORPHAN_GRACE_SECONDS.value()));
        long interval = Long.parseLong(ChatSetting.FILE_STORE_CLEANUP_INTERVAL_SECONDS.value());
        if (interval > 0) {
            timers.createIntervalTimer(interval * 1000, interval * 1000, new TimerConfig("file store clean-up", false));
        }
    }

    @Timeout
    void onTimer() {
        try {
            Result result = collect();
            if (result.orphansDeleted() + result.tokensPurged() + result.abandonedUploadsDeleted() > 0) {
                LOG.info(() -> "file store clean-up: " + result);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "file store clean-up failed; the next run tries again", e);
        }
    }

    /** One clean-up run, now. */
    public Result collect() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(grace);
        try {
            List<String> candidates = store.keysUntouchedSince(cutoff);
            int deleted = 0;
            for (int from = 0; from < candidates.size(); from += BATCH) {
                List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
                Set<String> referenced = files.referencedKeys(batch);
                for (String key : batch) {
                    if (!referenced.contains(key) && store.deleteIfUntouchedSince(key, cutoff)) {
                        deleted++;
                    }
                }
            }
            int abandoned = store.deleteAbandonedUploads(cutoff);
            return new Result(deleted, tokens.purgeExpired(now), abandoned);
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up the file store", e);
        }
    }

    public record Result(int orphansDeleted, int tokensPurged, int abandonedUploadsDeleted) {}
}
