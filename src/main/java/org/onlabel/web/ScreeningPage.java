package org.onlabel.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /screenings/{id}}: a screening report to read and print, for whoever may read it through the API (the
 * creator's organizations, admins, or the holder of its share token, {@code ?access=}).
 */
@Path("/screenings/{id}")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class ScreeningPage {
    private final ScreeningModel model;
    private final PageContext context;

    public ScreeningPage(ScreeningModel model, PageContext context) {
        this.model = model;
        this.context = context;
    }

    @GET
    @Operation(hidden = true)
    public Response screening(@PathParam("id") String id, @QueryParam("access") String access) {
        // the share token stays out of the frame's links (sign-in would carry it to Keycloak and back)
        Chrome chrome = context.chrome("/screenings/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
        return Pages.render(chrome, () -> Templates.screening(chrome, model.page(context.caller(), id, access)));
    }
}
