package org.parley.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** The builder a server's health implementation supplies (SmallRye's in WildFly), for tests outside the server. */
final class PlainResponses extends HealthCheckResponseBuilder {

    private String name;
    private boolean up;
    private final Map<String, Object> data = new LinkedHashMap<>();

    static void install() {
        HealthCheckResponse.setResponseProvider(PlainResponses::new);
    }

    @Override
    public HealthCheckResponseBuilder name(String name) {
        this.name = name;
        return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
        data.put(key, value);
        return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
        data.put(key, value);
        return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
        data.put(key, value);
        return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
        up = true;
        return this;
    }

    @Override
    public HealthCheckResponseBuilder down() {
        up = false;
        return this;
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
        this.up = up;
        return this;
    }

    @Override
    public HealthCheckResponse build() {
        return new HealthCheckResponse(
                name,
                up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                data.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(data)));
    }
}
