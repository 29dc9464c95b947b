package org.parley.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void aFileTokenInThePathIsNeverWritten() {
        String token = "3f2a6c1e-9b7d-4e21-8f00-1a2b3c4d5e6f";
        String line =
                AccessLog.line("10.0.0.7", null, "PUT", "/parley/api/v1/filetokens/" + token, null, 201, 12_345, null);

        assertThat(line)
                .doesNotContain(token)
                .isEqualTo("10.0.0.7 - \"PUT /parley/api/v1/filetokens/[token]\" 201 12.345 ms");
    }

    @Test
    void secretQueryParametersLoseTheirValuesOthersStay() {
        assertThat(AccessLog.redactQuery("page=2&accessToken=abc&size=10&password=x&name=token"))
                .isEqualTo("page=2&accessToken=[redacted]&size=10&password=[redacted]&name=token");
    }

    @Test
    void aFailureEndsWithItsCorrelationIdAndTheUserIsNamed() {
        assertThat(AccessLog.line(
                        "127.0.0.1", "alice", "GET", "/parley/api/v1/rooms/mine", "role=member", 500, 7, "c0ffee"))
                .isEqualTo("127.0.0.1 alice \"GET /parley/api/v1/rooms/mine?role=member\" 500 0.007 ms "
                        + "correlation-id=c0ffee");
    }
}
