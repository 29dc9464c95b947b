package org.parley.web.rest.rooms;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param text what to say in the room; its longest is the chat service's story size limit (413 beyond) */
public record NewPostJson(@NotNull @Size(min = 1) String text) {}
