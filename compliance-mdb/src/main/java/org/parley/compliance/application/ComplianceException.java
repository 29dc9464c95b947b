package org.parley.compliance.application;

import jakarta.ejb.ApplicationException;

/**
 * The one exception the compliance service throws for an expected refusal: a run asked for while compliance is off,
 * or while another node's run holds the dispatch lease. Its own, not the chat service's: compliance is a separate
 * service with its own store, and the web maps it in one place (ComplianceExceptionMapper) as a conflict with the
 * stored state.
 * <p>
 * An application exception, so the container hands it to the caller as is, not wrapped in an EJBException.
 */
@ApplicationException(rollback = true)
public class ComplianceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComplianceException(String message) {
        super(message);
    }
}
