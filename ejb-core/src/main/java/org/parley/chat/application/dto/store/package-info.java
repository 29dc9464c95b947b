/**
 * The chat store's export and import format (docs/export-format.md): the document's parts, the filter, the options
 * and the report.
 */
package org.parley.chat.application.dto.store;
