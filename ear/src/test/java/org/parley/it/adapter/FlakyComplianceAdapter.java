package org.parley.it.adapter;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.parley.compliance.application.ComplianceAdapter;
import org.parley.compliance.application.ComplianceBatch;
import org.parley.compliance.application.ComplianceSettings;
import org.parley.compliance.infrastructure.JsonLinesComplianceAdapter;

/**
 * A compliance adapter for the tests only (its own EJB jar in the test deployment, never in the
 * shipped EAR): told to, it fails its next deliveries the way a real archive that is down would; then
 * it writes what it is given as JSON Lines under {@code <output-dir>/flaky-test}, so a test can count
 * every event it received. A singleton, so the failure count is one for the deployment, and an EJB,
 * so the compliance service's jar, which sees the other EJB jars of the EAR, finds it as an adapter.
 */
@Singleton
@Local(ComplianceAdapter.class)
@LocalBean
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlakyComplianceAdapter implements ComplianceAdapter {

    public static final String NAME = "flaky-test";

    private int failuresToCome;
    private int deliveriesTried;

    public static Path directory() {
        return ComplianceSettings.fromSystemProperties().outputDirectory().resolve(NAME);
    }

    /** The next {@code times} deliveries fail; the one after succeeds. */
    public void failNext(int times) {
        failuresToCome = times;
    }

    public int deliveriesTried() {
        return deliveriesTried;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(ComplianceBatch batch) throws Exception {
        deliveriesTried++;
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IOException("archive unreachable (told to fail; " + failuresToCome + " more to come)");
        }
        new JsonLinesComplianceAdapter(directory()).deliver(batch);
    }
}
