package org.onlabel.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/**
 * No write is ever anonymous. Checked before the body is read or validated, so that an anonymous caller learns
 * nothing from validation messages; the services then decide which roles and organizations may do what.
 */
public class WritesRequireAuthentication {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SecurityIdentity identity;

    public WritesRequireAuthentication(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        boolean computesOnly = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ComputesOnly.class);
        if (WRITES.contains(request.getMethod()) && !computesOnly && identity.isAnonymous()) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "Send a bearer token from the OnLabel identity provider");
        }
    }
}
