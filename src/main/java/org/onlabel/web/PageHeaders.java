package org.onlabel.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers of every page: a CSP that allows no inline script (nor inline style) and no framing, no MIME
 * sniffing, no referrer sent to other sites, and no caching of pages that may show embargoed data. Also hands out
 * the CSRF cookie when a page minted a token.
 */
@Provider
@WebPage
public class PageHeaders implements ContainerResponseFilter {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final WebCsrf csrf;

    public PageHeaders(WebCsrf csrf) {
        this.csrf = csrf;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Cache-Control", "no-store");
        csrf.cookieToSet().ifPresent(cookie -> headers.add("Set-Cookie", cookie));
    }
}
