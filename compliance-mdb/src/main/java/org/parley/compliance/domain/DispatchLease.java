package org.parley.compliance.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The right to run the compliance service, for one node of the pool at a time, until it runs out.
 * Taken and given back with conditional updates (JpaComplianceArchive), never read-then-written.
 */
@Entity
@Table(name = "compliance_dispatch_lease")
public class DispatchLease {

    public static final String DISPATCH = "dispatch";

    @Id
    @Column(name = "lease_name", length = 32)
    private String name;

    @Column(name = "holder", length = 200)
    private String holder;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected DispatchLease() {}

    public String holder() {
        return holder;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
