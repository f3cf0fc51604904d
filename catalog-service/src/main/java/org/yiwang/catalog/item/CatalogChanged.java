package org.yiwang.catalog.item;

/**
 * In-process signal that the published catalog changed (an item or theme was published or retired), so that
 * read models such as the search index rebuild. Not a cross-service event: those go through the outbox.
 */
public record CatalogChanged(String code) {
}
