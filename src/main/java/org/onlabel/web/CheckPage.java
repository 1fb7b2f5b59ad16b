package org.onlabel.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /check}: propose a use and read the verdict; a GET form, so the URL reproduces the check. */
@Path("/check")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class CheckPage {
    private final CheckModel model;
    private final PageContext context;

    public CheckPage(CheckModel model, PageContext context) {
        this.model = model;
        this.context = context;
    }

    @GET
    @Operation(hidden = true)
    public Response check(@QueryParam("task") String task, @QueryParam("dataset") List<String> datasets,
            @QueryParam("role") List<String> roles, @QueryParam("commercial") String commercial,
            @QueryParam("methods") String methods, @QueryParam("disease") String disease,
            @QueryParam("publishesDerivedData") String publishesDerivedData) {
        CheckModel.Form form = new CheckModel.Form(task, datasets, roles, "true".equals(commercial), methods, disease,
                "true".equals(publishesDerivedData));
        return Pages.render(context, () -> Templates.check(context.chrome(), model.page(context.caller(), form)));
    }
}
