package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EAR deploys on the configured server as its descriptors say, and its web services answer. */
@ExtendWith(ArquillianExtension.class)
class DeploymentIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    @RunAsClient
    void webServicesAnswer() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/parley/api/v1/status"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject status = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(status.getString("status")).isEqualTo("UP");
        assertThat(status.getString("domain")).isEqualTo("contoso.com");
        assertThat(status.getString("node").isBlank()).as(response.body()).isFalse();
        assertThat(status.getBoolean("pool")).as("one node is no pool").isFalse();
    }

    /**
     * WildFly deploys an EJB module whose default interceptor is bound but not declared, and only warns (WFLYEJB0010)
     * that it "will not be applied": the chat services' store refusals would then reach callers untranslated.
     */
    @Test
    @RunAsClient
    void theEjbModulesDefaultInterceptorIsApplied() throws IOException {
        Path log = Path.of(System.getProperty("parley.test.server.base"), "log", "server.log");
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
                .as(log.toString())
                .isNotEmpty()
                .noneMatch(line -> line.contains("WFLYEJB0010"));
    }
}
