package org.onlabel.web;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sign-in and sign-out of the pages. {@code /signin} needs an authenticated caller, so the pages' OIDC tenant sends
 * a visitor through Keycloak's login (authorization code flow with PKCE) and back here, which then returns to the
 * page the visitor came from. Sign-out is a POST with the CSRF token; it ends the page session.
 */
@Path("/")
@WebPage
public class SignInPage {
    private final OidcSession session;
    private final WebCsrf csrf;

    public SignInPage(OidcSession session, WebCsrf csrf) {
        this.session = session;
        this.csrf = csrf;
    }

    @GET
    @Path("signin")
    @Authenticated
    @Operation(hidden = true)
    public Response signIn(@QueryParam("return") String returnTo) {
        return Response.seeOther(URI.create(localPath(returnTo))).build();
    }

    @POST
    @Path("signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@FormParam(WebCsrf.FIELD) String token) {
        csrf.verify(token);
        session.logout().await().indefinitely();
        return Response.seeOther(URI.create("/")).build();
    }

    /** Only a path of this site: never an open redirect to another host. */
    static String localPath(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            return "/";
        }
        return returnTo;
    }
}
