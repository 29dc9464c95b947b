package org.parley.web.rest.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategorySettings;

/**
 * A category's settings, replaced as a whole; every switch is required so that leaving one out never
 * silently turns it off.
 */
public record CategorySettingsJson(
        @NotBlank @Size(max = Category.MAX_NAME_LENGTH) String name,
        @Size(max = Category.MAX_DESCRIPTION_LENGTH) String description,
        @NotNull Boolean invitationsAllowed,
        @NotNull Boolean fileUploadAllowed,
        @NotNull Boolean chatHistoryEnabled) {

    CategorySettings settings() {
        return new CategorySettings(name, description, invitationsAllowed, fileUploadAllowed, chatHistoryEnabled);
    }
}
