package org.onlabel.common.error;

/** One invalid field of a request: a JSON path such as {@code cohort.sites[0]} and what is wrong with it. */
public record FieldError(String field, String message) {
}
