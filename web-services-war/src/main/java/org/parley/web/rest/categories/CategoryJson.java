package org.parley.web.rest.categories;

import java.util.List;

import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.domain.model.category.CategoryUri;

/**
 * A category as the API shows it; principals written {@code sip:...}, {@code group:...} or {@code domain:...}.
 * The three principal lists are shown to administrators only (null, so left out, for everyone else).
 *
 * @param id      the category's GUID, its name in API paths ({@code /categories/{id}})
 * @param uri     its XCCOS name, {@code ma-cat://<domain>/<id>}, what a new room names as its category
 * @param retentionDays how many days its rooms keep history (administrators only; null for ever or not shown)
 * @param version also the ETag
 */
public record CategoryJson(
        String id,
        String uri,
        String name,
        String description,
        boolean invitationsAllowed,
        boolean fileUploadAllowed,
        boolean chatHistoryEnabled,
        List<String> allowedMembers,
        List<String> deniedMembers,
        List<String> creators,
        Integer retentionDays,
        long version) {

    public static CategoryJson of(CategoryView category) {
        return new CategoryJson(
                CategoryUri.parse(category.uri()).guid().toString(),
                category.uri(),
                category.name(),
                category.settings().description(),
                category.settings().invitationsAllowed(),
                category.settings().fileUploadAllowed(),
                category.settings().chatHistoryEnabled(),
                category.allowedMembers(),
                category.deniedMembers(),
                category.creators(),
                category.retentionDays(),
                category.version());
    }
}
