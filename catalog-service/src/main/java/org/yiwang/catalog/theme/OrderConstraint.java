package org.yiwang.catalog.theme;

/** Item {@code before} must be concluded (办结) before item {@code after} can start; all else runs in parallel. */
public record OrderConstraint(String before, String after) {
}
