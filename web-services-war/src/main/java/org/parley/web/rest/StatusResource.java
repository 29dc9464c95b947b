package org.parley.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.events.PoolSettings;

/**
 * Liveness of the web services, for load balancers and the test suite: answers without
 * authentication and touches no data. It names the node that answers and whether it is one of a pool (the
 * pool itself is the administrators': GET admin/pool).
 */
@Path("status")
@RequestScoped
public class StatusResource {

    @Inject
    PoolSettings pool;

    @Inject
    ChatConfiguration configuration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject status() {
        return Json.createObjectBuilder()
                .add("status", "UP")
                .add("domain", configuration.domain())
                .add("node", pool.nodeName())
                .add("pool", pool.enabled())
                .build();
    }
}
