package org.parley.compliance.infrastructure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.ComplianceAdapter;
import org.parley.compliance.application.ComplianceBatch;
import org.parley.compliance.application.ComplianceSettings;

/**
 * The second adapter, of another kind: JSON Lines for log pipelines and search indexers. One file
 * per batch, one event per line, each line the compliance event's JSON (ComplianceEvent#toJson)
 * preceded by its archive id: {@code {"archiveId":12,"event":{...}}}. Files go to
 * {@code <parley.compliance.output-dir>/jsonl}, published atomically like the XML ones.
 */
@ApplicationScoped
public class JsonLinesComplianceAdapter implements ComplianceAdapter {

    private final Path directory;

    public JsonLinesComplianceAdapter() {
        this(ComplianceSettings.fromSystemProperties().outputDirectory().resolve("jsonl"));
    }

    public JsonLinesComplianceAdapter(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void deliver(ComplianceBatch batch) throws Exception {
        AtomicFiles.write(
                directory,
                AtomicFiles.batchName("parley-compliance", batch.firstId(), batch.lastId(), "jsonl"),
                out -> {
                    for (ArchivedRecord record : batch.events()) {
                        String line = "{\"archiveId\":" + record.id() + ",\"event\":"
                                + record.event().toJson() + "}\n";
                        out.write(line.getBytes(StandardCharsets.UTF_8));
                    }
                });
    }
}
