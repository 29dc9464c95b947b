package org.parley.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

class UnreadableBodyInterceptorTest {

    @Test
    void saysWhereTheSyntaxErrorIs() {
        ProcessingException failure = new ProcessingException(
                "deserialization error",
                new JsonbException(
                        "internal",
                        new JsonParsingException(
                                "Invalid token=EOF at (line no=1, column no=18)", (JsonLocation) null)));

        assertThat(UnreadableBodyInterceptor.detail(failure))
                .isEqualTo("the request body is not JSON: Invalid token=EOF at (line no=1, column no=18)");
    }

    @Test
    void keepsTheJavaTypesOfABindingFailureToItself() {
        ProcessingException failure = new ProcessingException(
                "deserialization error",
                new JsonbException(
                        "internal", new IllegalArgumentException("No enum constant org.parley...Privacy.PUBLIC")));

        assertThat(UnreadableBodyInterceptor.detail(failure))
                .isEqualTo("the request body is not JSON of the expected shape");
    }
}
