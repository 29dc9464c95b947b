package org.parley.web.rest.rooms;

import jakarta.validation.constraints.NotBlank;

/** The category a room is to move to, by its ma-cat URI (as categories list them). */
public record RoomCategoryJson(@NotBlank String categoryUri) {}
