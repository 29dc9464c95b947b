package org.parley.chat.application.dto;

import java.util.List;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.user.Principal;

/**
 * A category; the principal lists and the retention are null where the caller may not see them.
 *
 * @param retentionDays how many days its rooms keep history, null for ever
 */
public record CategoryView(
        String uri,
        CategorySettings settings,
        List<String> allowedMembers,
        List<String> deniedMembers,
        List<String> creators,
        Integer retentionDays,
        long version) {

    public static CategoryView of(Category category) {
        return new CategoryView(
                category.uri().toString(),
                category.settings(),
                written(category, CategoryRole.ALLOWED_MEMBER),
                written(category, CategoryRole.DENIED_MEMBER),
                written(category, CategoryRole.CREATOR),
                category.retentionDays(),
                category.version());
    }

    /** The category without its principal lists and retention (null: not shown), for those who may not see them. */
    public CategoryView withoutPrincipals() {
        return new CategoryView(uri, settings, null, null, null, null, version);
    }

    public String name() {
        return settings.name();
    }

    private static List<String> written(Category category, CategoryRole role) {
        return category.members(role).stream().map(Principal::toString).sorted().toList();
    }
}
