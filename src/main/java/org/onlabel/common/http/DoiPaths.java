package org.onlabel.common.http;

import java.util.List;

/**
 * The routes that take a DOI as the rest of their path, its slash written as is or as {@code %2F}. Their
 * {@code @Path}s are built from these constants, and {@link TransportGuard} allows encoded slashes only under them,
 * so a new DOI route is declared once, here, and cannot drift from the guard.
 */
public final class DoiPaths {
    /** {@code publication.PublicationResource}. */
    public static final String API = "/api/v1/publications";
    /** The publication page of the web interface, {@code web.PublicationPage}. */
    public static final String PAGE = "/publications";
    /** The DOI template of those routes: everything after the prefix, slashes included. */
    public static final String DOI = "/{doi: .+}";

    /** Raw-path prefixes under which a segment may hold an encoded slash (it is part of a DOI). */
    static final List<String> ENCODED_SLASHES_ALLOWED_UNDER = List.of(API + "/", PAGE + "/");

    private DoiPaths() {
    }

    static boolean takesDoi(String rawPath) {
        return ENCODED_SLASHES_ALLOWED_UNDER.stream().anyMatch(rawPath::startsWith);
    }
}
