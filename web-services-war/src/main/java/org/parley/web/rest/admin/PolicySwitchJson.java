package org.parley.web.rest.admin;

import jakarta.validation.constraints.NotNull;

/** What defining a policy sets; required, so that a forgotten field never switches chat off for everyone. */
public record PolicySwitchJson(@NotNull Boolean chatEnabled) {}
