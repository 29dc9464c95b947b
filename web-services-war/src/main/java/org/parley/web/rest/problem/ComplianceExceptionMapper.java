package org.parley.web.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.parley.chat.domain.shared.ChatException;
import org.parley.compliance.application.ComplianceException;

/**
 * The one place where the compliance service's refusals become HTTP statuses: each is a conflict with the stored
 * state (compliance off, a run under way on another node), told as the chat service's conflicts are, so a client
 * sees one problem type for both.
 */
@Provider
public class ComplianceExceptionMapper implements ExceptionMapper<ComplianceException> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(ComplianceException exception) {
        return ChatExceptionMapper.response(ChatException.Reason.CONFLICT, exception.getMessage(), request);
    }
}
