package org.parley.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Liveness of the web services, for load balancers and the test suite: answers without
 * authentication and touches no data.
 */
@Path("status")
@RequestScoped
public class StatusResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject status() {
        return Json.createObjectBuilder()
                .add("status", "UP")
                .add("domain", System.getProperty("parley.sip.domain", ""))
                .build();
    }
}
