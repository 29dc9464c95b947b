package org.parley.web.rest.admin;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** @param before every message the server stored before this instant (ISO-8601, e.g. {@code 2026-01-31T00:00:00Z}) goes */
public record ClearHistoryJson(@NotNull Instant before) {}
