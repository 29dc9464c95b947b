package org.parley.compliance.infrastructure;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.ComplianceAdapter;
import org.parley.compliance.application.ComplianceBatch;
import org.parley.compliance.application.ComplianceSettings;

/**
 * Writes each batch as one XML file in the spirit of the original product's XML compliance output:
 * conversations grouped by room, each with its participants and its events in time order. Schema:
 * {@value #SCHEMA} (namespace {@value #NAMESPACE}), shipped in this module and documented in README.
 * Files go to {@code <parley.compliance.output-dir>/xml}, named by the archive ids they hold.
 */
@ApplicationScoped
public class XmlComplianceAdapter implements ComplianceAdapter {

    public static final String NAMESPACE = "urn:parley:compliance:1";
    public static final String SCHEMA = "xsd/parley-compliance-1.xsd";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final Path directory;

    public XmlComplianceAdapter() {
        this(ComplianceSettings.fromSystemProperties().outputDirectory().resolve("xml"));
    }

    public XmlComplianceAdapter(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "xml";
    }

    @Override
    public void deliver(ComplianceBatch batch) throws Exception {
        AtomicFiles.write(
                directory, AtomicFiles.batchName("parley-compliance", batch.firstId(), batch.lastId(), "xml"), out -> {
                    XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
                    write(xml, batch);
                    xml.close();
                });
    }

    private static void write(XMLStreamWriter xml, ComplianceBatch batch) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "complianceBatch");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeAttribute("firstId", Long.toString(batch.firstId()));
        xml.writeAttribute("lastId", Long.toString(batch.lastId()));
        xml.writeAttribute("created", Instant.now().toString());
        for (Map.Entry<String, List<ArchivedRecord>> conversation :
                byRoom(batch).entrySet()) {
            List<ArchivedRecord> events = conversation.getValue();
            xml.writeStartElement("conversation");
            if (!conversation.getKey().isEmpty()) {
                xml.writeAttribute("roomUri", conversation.getKey());
                String roomName = events.get(events.size() - 1).event().roomName();
                if (roomName != null) {
                    xml.writeAttribute("roomName", roomName);
                }
            }
            xml.writeStartElement("participants");
            Set<String> participants = new LinkedHashSet<>();
            events.forEach(record -> participants.add(record.event().actor()));
            for (String participant : participants) {
                xml.writeEmptyElement("participant");
                xml.writeAttribute("uri", participant);
            }
            xml.writeEndElement();
            xml.writeStartElement("events");
            for (ArchivedRecord record : events) {
                writeEvent(xml, record);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static void writeEvent(XMLStreamWriter xml, ArchivedRecord record) throws XMLStreamException {
        ComplianceEvent event = record.event();
        xml.writeStartElement("event");
        xml.writeAttribute("id", Long.toString(record.id()));
        xml.writeAttribute("type", event.type().name());
        xml.writeAttribute("actor", event.actor());
        xml.writeAttribute("time", event.occurredAt().toString());
        for (Map.Entry<String, String> detail : new TreeMap<>(event.details()).entrySet()) {
            xml.writeEmptyElement("detail");
            xml.writeAttribute("name", detail.getKey());
            xml.writeAttribute("value", detail.getValue());
        }
        if (event.text() != null) {
            xml.writeStartElement("text");
            xml.writeCharacters(event.text());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Rooms in the order they first appear, each with its events in time order (archive order breaks ties). */
    private static Map<String, List<ArchivedRecord>> byRoom(ComplianceBatch batch) {
        Map<String, List<ArchivedRecord>> rooms = new LinkedHashMap<>();
        for (ArchivedRecord record : batch.events()) {
            String room = record.event().roomUri() == null ? "" : record.event().roomUri();
            rooms.computeIfAbsent(room, k -> new java.util.ArrayList<>()).add(record);
        }
        rooms.values()
                .forEach(events -> events.sort(java.util.Comparator.comparing(
                                (ArchivedRecord r) -> r.event().occurredAt())
                        .thenComparingLong(ArchivedRecord::id)));
        return rooms;
    }
}
