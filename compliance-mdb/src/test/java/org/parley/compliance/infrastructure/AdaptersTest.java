package org.parley.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.ComplianceBatch;
import org.w3c.dom.Document;

class AdaptersTest {

    private static final String DEV = "ma-chan://contoso.com/71207b61-b8bb-45a7-9cc5-b925c2ba2028";
    private static final String OPS = "ma-chan://contoso.com/306e00b3-98a2-4405-b403-afdb3e3859a4";

    @TempDir
    Path folder;

    private static ArchivedRecord record(
            long id,
            ComplianceEventType type,
            String room,
            String actor,
            int second,
            String text,
            Map<String, String> details) {
        return new ArchivedRecord(
                id,
                1,
                ComplianceEvent.of(
                        type,
                        room,
                        room == null ? null : room.equals(DEV) ? "Dev Room" : "Ops",
                        actor,
                        Instant.parse("2026-11-28T10:00:00Z").plusSeconds(second),
                        text,
                        details));
    }

    private static ComplianceBatch batch() {
        return new ComplianceBatch(List.of(
                record(7, ComplianceEventType.JOIN, DEV, "sip:alice@contoso.com", 0, null, Map.of()),
                record(8, ComplianceEventType.JOIN, OPS, "sip:bob@contoso.com", 1, null, Map.of()),
                record(
                        9,
                        ComplianceEventType.CHAT,
                        DEV,
                        "sip:alice@contoso.com",
                        3,
                        "Build <42> & \"done\"",
                        Map.of("seq", "1")),
                // Stored later but happened earlier: the conversation lists it in time order.
                record(10, ComplianceEventType.BACKCHAT, DEV, "sip:bob@contoso.com", 2, null, Map.of("last", "25")),
                record(11, ComplianceEventType.PART, OPS, "sip:bob@contoso.com", 4, null, Map.of())));
    }

    @Test
    void xmlBatchValidatesAgainstItsSchemaAndGroupsConversationsByRoomInTimeOrder() throws Exception {
        new XmlComplianceAdapter(folder).deliver(batch());
        Path file = folder.resolve("parley-compliance-0000000000000000007-0000000000000000011.xml");
        assertThat(file).exists();
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }

        URL schema = getClass().getClassLoader().getResource(XmlComplianceAdapter.SCHEMA);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.newSchema(schema).newValidator().validate(new StreamSource(file.toFile()));

        DocumentBuilderFactory documents = DocumentBuilderFactory.newInstance();
        documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = documents.newDocumentBuilder().parse(file.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("count(/complianceBatch/conversation)", xml)).isEqualTo("2");
        assertThat(xpath.evaluate("/complianceBatch/conversation[1]/@roomName", xml))
                .isEqualTo("Dev Room");
        assertThat(xpath.evaluate("/complianceBatch/conversation[1]/events/event[1]/@type", xml))
                .isEqualTo("JOIN");
        assertThat(xpath.evaluate("/complianceBatch/conversation[1]/events/event[2]/@type", xml))
                .isEqualTo("BACKCHAT");
        assertThat(xpath.evaluate("/complianceBatch/conversation[1]/events/event[3]/text", xml))
                .isEqualTo("Build <42> & \"done\"");
        assertThat(xpath.evaluate("count(/complianceBatch/conversation[1]/participants/participant)", xml))
                .isEqualTo("2");
        assertThat(xpath.evaluate("/complianceBatch/@firstId", xml)).isEqualTo("7");
    }

    @Test
    void xmlOutputIsNamespaced() throws Exception {
        new XmlComplianceAdapter(folder).deliver(batch());
        String text = Files.readString(folder.resolve("parley-compliance-0000000000000000007-0000000000000000011.xml"));
        assertThat(text).contains("<complianceBatch xmlns=\"" + XmlComplianceAdapter.NAMESPACE + "\"");
    }

    @Test
    void jsonLinesHoldOneEventALineThatReadsBackAsTheEvent() throws Exception {
        ComplianceBatch batch = batch();
        new JsonLinesComplianceAdapter(folder).deliver(batch);
        List<String> lines =
                Files.readAllLines(folder.resolve("parley-compliance-0000000000000000007-0000000000000000011.jsonl"));
        assertThat(lines).hasSize(5);
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = Json.createReader(new StringReader(lines.get(i))).readObject();
            assertThat(line.getJsonNumber("archiveId").longValue())
                    .isEqualTo(batch.events().get(i).id());
            assertThat(ComplianceEvent.fromJson(line.getJsonObject("event").toString()))
                    .isEqualTo(batch.events().get(i).event());
        }
    }

    @Test
    void aFailedWriteLeavesNoFileBehind() throws Exception {
        assertThatThrownBy(() -> AtomicFiles.write(folder, "batch.xml", out -> {
                    out.write("<half".getBytes());
                    throw new java.io.IOException("disk full");
                }))
                .hasMessageContaining("disk full");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
