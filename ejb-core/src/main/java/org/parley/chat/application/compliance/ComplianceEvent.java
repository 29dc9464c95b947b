package org.parley.chat.application.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * One archived chat event: who, which room (URI and its name at the time), when (server time) and
 * what. It travels over the compliance queue as JSON ({@link #toJson()}, {@link #fromJson}), a
 * contract between the chat service and the compliance service, versioned by {@value #FORMAT}.
 *
 * @param id      unique, so a redelivered message is stored once
 * @param text    the post's text for CHAT (and the new text for MESSAGE_REPLACED), else null
 * @param details what else the event needs (e.g. role and principal of a membership change)
 */
public record ComplianceEvent(
        String id,
        ComplianceEventType type,
        String roomUri,
        String roomName,
        String actor,
        Instant occurredAt,
        String text,
        Map<String, String> details) {

    /**
     * Looked up once: {@code Json.createObjectBuilder()} and its kind look the provider up through the ServiceLoader
     * on every call, which was a tenth of the CPU of a post with compliance on.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String FORMAT = "parley-compliance-event-1";

    public ComplianceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ComplianceEvent of(
            ComplianceEventType type,
            String roomUri,
            String roomName,
            String actor,
            Instant occurredAt,
            String text,
            Map<String, String> details) {
        return new ComplianceEvent(
                UUID.randomUUID().toString(), type, roomUri, roomName, actor, occurredAt, text, details);
    }

    public String toJson() {
        JsonObjectBuilder detailJson = JSON.createObjectBuilder();
        new TreeMap<>(details).forEach(detailJson::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("id", id)
                .add("type", type.name())
                .add("actor", actor)
                .add("occurredAt", occurredAt.toString())
                .add("details", detailJson);
        optional(json, "roomUri", roomUri);
        optional(json, "roomName", roomName);
        optional(json, "text", text);
        return json.build().toString();
    }

    /** @throws IllegalArgumentException for anything that is not an event of this format */
    public static ComplianceEvent fromJson(String text) {
        JsonObject json;
        try (var reader = JSON.createReader(new java.io.StringReader(text))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable compliance event: " + e.getMessage(), e);
        }
        return fromJson(json);
    }

    /**
     * The event of an object already parsed, e.g. an element of a relayed batch, which is then read once and not
     * written back to text and read again.
     *
     * @throws IllegalArgumentException for anything that is not an event of this format
     */
    public static ComplianceEvent fromJson(JsonObject json) {
        try {
            if (!FORMAT.equals(json.getString("format", null))) {
                throw new IllegalArgumentException("not a " + FORMAT + " message");
            }
            Map<String, String> details = new TreeMap<>();
            JsonObject detailJson = json.getJsonObject("details");
            if (detailJson != null) {
                detailJson.forEach((key, value) -> details.put(key, ((JsonString) value).getString()));
            }
            return new ComplianceEvent(
                    json.getString("id"),
                    ComplianceEventType.valueOf(json.getString("type")),
                    string(json, "roomUri"),
                    string(json, "roomName"),
                    json.getString("actor"),
                    Instant.parse(json.getString("occurredAt")),
                    string(json, "text"),
                    details);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable compliance event: " + e.getMessage(), e);
        }
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value == JsonValue.NULL ? null : ((JsonString) value).getString();
    }
}
