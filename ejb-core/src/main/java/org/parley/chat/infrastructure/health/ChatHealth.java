package org.parley.chat.infrastructure.health;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;

import org.parley.health.HealthProbes;
import org.parley.health.ParleyChecks;

/**
 * Registers this module's probes behind Parley's health checks ({@link ParleyChecks}) while the module runs: the
 * chat store, messaging, the file store, the threads.
 */
@ExcludeDefaultInterceptors
@Singleton
@Startup
public class ChatHealth {

    @Inject
    HealthProbes probes;

    @Inject
    ChatStoreCheck chatStore;

    @Inject
    MessagingCheck messaging;

    @Inject
    FileStoreCheck fileStore;

    @Inject
    DeadlockCheck threads;

    @PostConstruct
    void register() {
        probes.register(ParleyChecks.CHAT_STORE, chatStore);
        probes.register(ParleyChecks.MESSAGING, messaging);
        probes.register(ParleyChecks.FILE_STORE, fileStore);
        probes.register(ParleyChecks.THREADS, threads);
    }

    @PreDestroy
    void withdraw() {
        probes.withdraw(ParleyChecks.CHAT_STORE);
        probes.withdraw(ParleyChecks.MESSAGING);
        probes.withdraw(ParleyChecks.FILE_STORE);
        probes.withdraw(ParleyChecks.THREADS);
    }
}
