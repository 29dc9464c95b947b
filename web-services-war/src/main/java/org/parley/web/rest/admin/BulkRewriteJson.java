package org.parley.web.rest.admin;

import java.util.List;

import org.parley.chat.application.dto.BulkRewriteView;

/**
 * What a bulk removal or replacement matched and, unless a dry run, changed.
 *
 * @param filter   the filter in words, as the rooms' history changes and compliance keep it
 * @param messages how many messages in all
 * @param files    how many files in all go (went) with their announcements
 */
public record BulkRewriteJson(
        boolean dryRun, String filter, long messages, long files, List<BulkRewriteView.RoomCount> rooms) {

    static BulkRewriteJson of(BulkRewriteView view) {
        return new BulkRewriteJson(view.dryRun(), view.filter(), view.messages(), view.files(), view.rooms());
    }
}
