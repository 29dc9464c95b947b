package org.parley.chat.infrastructure.health;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.health.ParleyChecks;

/**
 * Readiness probe ({@link ParleyChecks#FILE_STORE}): an upload could be stored now (a file created and deleted where
 * uploads start).
 */
@ApplicationScoped
public class FileStoreCheck implements HealthCheck {

    @Inject
    FileStore store;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(ParleyChecks.FILE_STORE)
                .withData("directory", store.root().toString());
        try {
            store.probeWritable();
            return response.up().build();
        } catch (IOException | RuntimeException e) {
            return response.down().withData("failure", e.toString()).build();
        }
    }
}
