package org.onlabel.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /}: search the catalog. */
@Path("/")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class SearchPage {
    private final SearchModel model;
    private final PageContext context;

    public SearchPage(SearchModel model, PageContext context) {
        this.model = model;
        this.context = context;
    }

    @GET
    @Operation(hidden = true)
    public Response search(@QueryParam("q") String q, @QueryParam("modality") String modality,
            @QueryParam("anatomy") String anatomy, @QueryParam("task") String task, @QueryParam("license") String license,
            @QueryParam("status") String status, @QueryParam("fitFor") String fitFor, @QueryParam("cursor") String cursor) {
        SearchModel.Filters filters = new SearchModel.Filters(q, modality, anatomy, task, license, status, fitFor);
        return Pages.render(context, () -> Templates.search(context.chrome(), model.search(context.caller(), filters, cursor)));
    }
}
