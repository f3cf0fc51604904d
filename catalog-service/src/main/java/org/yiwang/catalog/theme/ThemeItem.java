package org.yiwang.catalog.theme;

/**
 * An item of a theme. {@code always}: it applies unless a rule excludes it; otherwise it applies only when a rule
 * includes it.
 */
public record ThemeItem(String itemCode, boolean always) {
}
