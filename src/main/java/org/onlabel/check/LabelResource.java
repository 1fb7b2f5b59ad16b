package org.onlabel.check;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.security.CurrentCaller;

/** Its own class so that the path is matched ahead of the dataset resources' wider ones. */
@Path("/api/v1/datasets/{key}/label")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checks")
public class LabelResource {
    private final CheckService service;
    private final CurrentCaller caller;

    public LabelResource(CheckService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
        @Operation(operationId = "getLabel", summary = "A dataset's effective label",
            description = "Own intended uses, contraindications inherited from every ancestor (with their origin), "
                    + "standing violations (license conflicts of any derivation in its lineage, retracted ancestors) and "
                    + "a verdict for every task of the vocabulary — one call a dataset page or a journal can show.")
    @APIResponse(responseCode = "200", description = "The label",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Label.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Label label(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key) {
        return service.label(caller.get(), key);
    }
}
