package org.onlabel.common.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that changes nothing and only computes an answer (a check), so that anonymous callers may use it
 * like a read; {@link WritesRequireAuthentication} lets it through and the service applies the read rules.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ComputesOnly {
}
