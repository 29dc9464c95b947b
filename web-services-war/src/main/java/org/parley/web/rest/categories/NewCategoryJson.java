package org.parley.web.rest.categories;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategorySettings;

/**
 * A category to create. The switches default to on, as the Root category has them; the principal lists
 * ({@code sip:...}, {@code group:...}, {@code domain:...}) to empty: nobody may use a category whose
 * allowed members are empty, so a useful one names at least those.
 */
public record NewCategoryJson(
        @NotBlank @Size(max = Category.MAX_NAME_LENGTH) String name,
        @Size(max = Category.MAX_DESCRIPTION_LENGTH) String description,
        Boolean invitationsAllowed,
        Boolean fileUploadAllowed,
        Boolean chatHistoryEnabled,
        Set<String> allowedMembers,
        Set<String> deniedMembers,
        Set<String> creators) {

    NewCategory newCategory() {
        return new NewCategory(
                new CategorySettings(
                        name,
                        description,
                        !Boolean.FALSE.equals(invitationsAllowed),
                        !Boolean.FALSE.equals(fileUploadAllowed),
                        !Boolean.FALSE.equals(chatHistoryEnabled)),
                allowedMembers,
                deniedMembers,
                creators);
    }
}
