/** The REST API (JAX-RS) of the web services: its application, status, the caller's identity and version tags. */
package org.parley.web.rest;
