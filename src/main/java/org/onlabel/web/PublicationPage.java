package org.onlabel.web;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onlabel.common.http.DoiPaths;

/** {@code /publications/{doi}}: a paper and the datasets linked to it. The DOI's slash may be written as is or %2F. */
@Path(DoiPaths.PAGE + DoiPaths.DOI)
@WebPage
@Produces(MediaType.TEXT_HTML)
public class PublicationPage {
    private final PublicationModel model;
    private final PageContext context;

    public PublicationPage(PublicationModel model, PageContext context) {
        this.model = model;
        this.context = context;
    }

    /** Left encoded: the DOI parser decodes it once, whichever way the slash was written. */
    @GET
    @Operation(hidden = true)
    public Response publication(@Encoded @PathParam("doi") String doi) {
        return Pages.render(context, () -> Templates.publication(context.chrome(), model.page(context.caller(), doi)));
    }
}
