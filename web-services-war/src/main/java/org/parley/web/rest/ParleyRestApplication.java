package org.parley.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The web services' JAX-RS application. Paths carry the API version so that a later,
 * incompatible API can be served beside this one.
 */
@ApplicationPath("/api/v1")
public class ParleyRestApplication extends Application {}
