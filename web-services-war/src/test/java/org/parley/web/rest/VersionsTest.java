package org.parley.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ClientErrorException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.chat.domain.shared.ChatException;

class VersionsTest {

    @Test
    void theTagIsTheQuotedVersion() {
        assertThat(Versions.tag(7)).hasToString("\"7\"");
    }

    @Test
    void ifMatchNamesTheVersionReadOrAny() {
        assertThat(Versions.expected("\"7\"")).isEqualTo(7L);
        assertThat(Versions.expected(" \"12\" ")).isEqualTo(12L);
        assertThat(Versions.expected("*")).isNull();
    }

    @Test
    void ifMatchIsRequired() {
        assertThatThrownBy(() -> Versions.expected(null))
                .isInstanceOfSatisfying(
                        ClientErrorException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(428));
        assertThatThrownBy(() -> Versions.expected(" "))
                .isInstanceOfSatisfying(
                        ClientErrorException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(428));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "W/\"7\"", "\"7\", \"8\"", "\"x\"", "\"\""})
    void aTagThisServerCannotHaveIssuedMatchesNothing(String ifMatch) {
        assertThatThrownBy(() -> Versions.expected(ifMatch))
                .isInstanceOfSatisfying(
                        ChatException.class, e -> assertThat(e.reason()).isEqualTo(ChatException.Reason.STALE_VERSION));
    }
}
