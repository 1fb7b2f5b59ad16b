package org.onlabel.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.CurrentCaller;

/** The caller of a page request and the page's frame. */
@RequestScoped
public class PageContext {
    private final CurrentCaller caller;
    private final WebCsrf csrf;
    private final HttpServerRequest request;

    public PageContext(CurrentCaller caller, WebCsrf csrf, HttpServerRequest request) {
        this.caller = caller;
        this.csrf = csrf;
        this.request = request;
    }

    public Caller caller() {
        return caller.get();
    }

    public Chrome chrome() {
        return chrome(request.uri() == null ? "/" : request.uri());
    }

    /** The frame of a page whose own address must not travel further (sign-in comes back to {@code here}). */
    public Chrome chrome(String here) {
        Caller c = caller.get();
        return new Chrome(c.anonymous() ? null : c.name(), csrf.token(), here);
    }
}
