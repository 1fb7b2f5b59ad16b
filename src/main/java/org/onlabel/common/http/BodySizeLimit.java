package org.onlabel.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/**
 * Refuses request bodies over {@code onlabel.api.max-body-bytes} with a 413 problem: early when the client
 * declares the length, and while reading when it streams a chunked body. A JSON body within the limit is then
 * checked by {@link StrictJsonBody} before any type binds it.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {
    // Providers are built before runtime configuration exists, so the limit is read when a request arrives.
    private final jakarta.inject.Provider<OnLabelConfig> config;

    public BodySizeLimit(jakarta.inject.Provider<OnLabelConfig> config) {
        this.config = config;
    }

    private long limit() {
        return config.get().api().maxBodyBytes();
    }

    /** Manifest uploads stream their body (up to onlabel.manifest.max-body-bytes) and bound it themselves. */
    private static final java.util.regex.Pattern MANIFEST_UPLOAD = java.util.regex.Pattern.compile(
            "^/api/v1/datasets/[^/]+/manifest/?$");

    @ServerRequestFilter(preMatching = true)
    public void checkDeclaredLength(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared != null) {
            boolean manifest = "PUT".equals(request.getMethod())
                    && MANIFEST_UPLOAD.matcher(request.getUriInfo().getPath()).matches();
            long limit = manifest ? config.get().manifest().maxBodyBytes() : limit();
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    throw manifest ? new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "A manifest upload is larger "
                            + "than the limit of " + limit + " bytes") : tooLarge();
                }
            } catch (NumberFormatException ignored) {
                // the HTTP layer rejects a malformed Content-Length itself
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() == InputStream.class) {
            // a streamed upload (manifests): the endpoint bounds and parses the stream itself
            return context.proceed();
        }
        InputStream limited = new LimitedInputStream(context.getInputStream(), limit());
        jakarta.ws.rs.core.MediaType type = context.getMediaType();
        if (type != null && type.isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)) {
            // bounded by the limit above; checked before any type binds it (see StrictJsonBody)
            byte[] body = limited.readAllBytes();
            StrictJsonBody.check(body);
            context.setInputStream(new java.io.ByteArrayInputStream(body));
        } else {
            context.setInputStream(limited);
        }
        return context.proceed();
    }

    private ApiException tooLarge() {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + limit() + " bytes");
    }

    private final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
