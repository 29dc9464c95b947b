package org.parley.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.parley.compliance.application.ComplianceException;

class ComplianceExceptionMapperTest {

    /** As the chat service's conflicts: a client tells one problem type, whichever service refused. */
    @Test
    void aRefusedRunIsAConflictWithAProblemBody() {
        ComplianceExceptionMapper mapper = new ComplianceExceptionMapper();
        mapper.request = ChatExceptionMapperTest.requestTo("http://localhost:8080/parley/api/v1/admin/compliance/run");

        Response response = mapper.toResponse(new ComplianceException("compliance is off"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).isEqualTo("urn:parley:problem:conflict");
        assertThat(problem.title()).isEqualTo("Conflict with the stored state");
        assertThat(problem.detail()).isEqualTo("compliance is off");
        assertThat(problem.instance()).isEqualTo("/parley/api/v1/admin/compliance/run");
    }
}
