package org.parley.web.rest.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How long history is kept, in days. A category: 1 to 36500, or null (or 0) for ever. A room: 1 to 36500; 0 for
 * ever whatever its category says; null as its category says.
 */
public record RetentionJson(@Min(0) @Max(36_500) Integer days) {}
