package org.parley.web.rest.admin;

import jakarta.validation.constraints.NotNull;

/** @param text the message's new text; its length limit is the server's story size limit (413 beyond) */
public record ReplacementJson(@NotNull String text) {}
