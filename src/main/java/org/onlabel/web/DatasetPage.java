package org.onlabel.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onlabel.common.http.QueryParams;

/** {@code /datasets/{key}}: a dataset's label and lineage. */
@Path("/datasets/{key}")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class DatasetPage {
    private final DatasetModel model;
    private final PageContext context;

    public DatasetPage(DatasetModel model, PageContext context) {
        this.model = model;
        this.context = context;
    }

    @GET
    @Operation(hidden = true)
    public Response dataset(@PathParam("key") String key, @QueryParam("depth") String depth,
            @QueryParam("direction") String direction) {
        return Pages.render(context, () -> Templates.dataset(context.chrome(),
                model.page(context.caller(), key, QueryParams.integer("depth", depth, 1), direction)));
    }
}
