package org.onlabel.common.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Singleton;
import java.net.URI;
import org.onlabel.common.config.OnLabelConfig;

/**
 * Absolute URLs of this service (Location headers, PROV-JSON prefixes) from {@code onlabel.public-url}, or when that
 * is unset from the local address the request arrived at. Never from the Host header: a client could otherwise
 * make the service hand out links to any site.
 */
@Singleton
public class PublicUrl {
    private final OnLabelConfig config;
    private final CurrentVertxRequest request;

    public PublicUrl(OnLabelConfig config, CurrentVertxRequest request) {
        this.config = config;
        this.request = request;
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        String base = config.publicUrl().map(URI::toString).orElseGet(this::localAddress);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An absolute URL for a path of this service such as {@code /api/v1/datasets/brats-2021}. */
    public URI resolve(String path) {
        return URI.create(base() + (path.startsWith("/") ? path : "/" + path));
    }

    private String localAddress() {
        var context = request.getCurrent();
        SocketAddress local = context == null ? null : context.request().localAddress();
        if (local == null || local.host() == null) {
            return "http://127.0.0.1:" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        }
        String host = local.host().contains(":") ? "[" + local.host() + "]" : local.host();
        return (context.request().isSSL() ? "https://" : "http://") + host + ":" + local.port();
    }
}
