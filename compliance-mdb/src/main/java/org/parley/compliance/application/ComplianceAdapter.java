package org.parley.compliance.application;

/**
 * Takes batches of chat events out of Parley, e.g. into an archive system. Implementations are CDI
 * beans, chosen by {@link #name()} in {@code parley.compliance.adapters}. A batch counts as taken
 * only when {@link #deliver} returns: an exception leaves it in the archive, to be offered again.
 * Delivery must be all or nothing (write to a temporary place, then publish it at once), since a
 * batch that failed is offered whole again.
 */
public interface ComplianceAdapter {

    String name();

    void deliver(ComplianceBatch batch) throws Exception;
}
