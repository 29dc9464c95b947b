package org.parley.compliance.domain;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;

/**
 * A chat event held in the compliance store until every adapter has taken it. Immutable: the
 * archive only ever adds and, once delivered everywhere, deletes.
 */
@Entity
@Table(name = "compliance_event")
public class ArchivedEvent {

    /** Looked up once: {@code Json.createXxx} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "compliance_event_id")
    @SequenceGenerator(name = "compliance_event_id", sequenceName = "compliance_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true, length = 64)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 32)
    private String type;

    @Column(name = "room_uri", length = 300)
    private String roomUri;

    @Column(name = "room_name", length = 256)
    private String roomName;

    @Column(name = "actor", nullable = false, length = 300)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "event_text", length = 16384)
    private String text;

    @Column(name = "details", nullable = false, length = 4000)
    private String details;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /**
     * Null when stored: the dispatcher gives it, once the event is committed (see ArchivePosition).
     * The message-driven bean's insert does no more than before: no lock, no extra statement.
     */
    @Column(name = "delivery_round")
    private Long deliveryRound;

    protected ArchivedEvent() {}

    public ArchivedEvent(ComplianceEvent event, Instant receivedAt) {
        this.eventId = event.id();
        this.type = event.type().name();
        this.roomUri = event.roomUri();
        this.roomName = event.roomName();
        this.actor = event.actor();
        this.occurredAt = event.occurredAt();
        this.text = event.text();
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(event.details()).forEach(json::add);
        this.details = json.build().toString();
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    /** The event as the chat service sent it. */
    public ComplianceEvent event() {
        Map<String, String> parsed = new TreeMap<>();
        try (var reader = JSON.createReader(new StringReader(details))) {
            reader.readObject().forEach((key, value) -> parsed.put(key, ((JsonString) value).getString()));
        }
        return new ComplianceEvent(
                eventId, ComplianceEventType.valueOf(type), roomUri, roomName, actor, occurredAt, text, parsed);
    }

    /** 0 while the event has no delivery round yet. */
    public long deliveryRound() {
        return deliveryRound == null ? 0 : deliveryRound;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
