package org.parley.chat.infrastructure.directory;

import java.util.List;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;

import org.parley.chat.application.DirectoryService;
import org.parley.chat.application.directory.Directory;
import org.parley.chat.domain.model.user.SipUri;

/**
 * Keeps what this node knows of the directory fresh: every second (a non-persistent timer: each node refreshes the
 * users it knows), the users whose answer is older than {@code parley.directory.refresh-seconds} are looked up again,
 * and each whose entry changed has their rights reviewed at once, in a transaction of its own
 * ({@link DirectoryService#directoryEntryChanged}): a group left in the directory takes the user out of the rooms
 * it gave them within the refresh interval.
 */
@ExcludeDefaultInterceptors
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DirectoryRefresh {

    private static final Logger LOG = Logger.getLogger(DirectoryRefresh.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Directory directory;

    @Inject
    DirectoryService directoryService;

    @PostConstruct
    void schedule() {
        if (directory.inUse()) {
            timers.createIntervalTimer(1000, 1000, new TimerConfig("directory refresh", false));
        }
    }

    @Timeout
    void onTimer() {
        try {
            List<SipUri> changed = directory.refresh(DirectorySettings.refreshInterval(System.getProperties()));
            for (SipUri user : changed) {
                LOG.info(() -> "the directory entry of " + user + " changed: reviewing their rights");
                directoryService.directoryEntryChanged(user.value());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "directory refresh failed; the next tick tries again", e);
        }
    }
}
