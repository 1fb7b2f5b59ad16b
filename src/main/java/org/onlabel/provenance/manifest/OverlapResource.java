package org.onlabel.provenance.manifest;

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

@Path("/api/v1/datasets/{key}/overlaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Manifests")
public class OverlapResource {
    private final ManifestService service;
    private final CurrentCaller caller;

    public OverlapResource(ManifestService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getOverlaps", summary = "Datasets sharing subjects with this one",
            description = "Every dataset you may see whose manifest (same level and salt) shares identifiers with one "
                    + "of this dataset's: the count and the fraction of each side, whether or not lineage links them. "
                    + "Counts only; embargoed datasets appear only to their organization and admins.")
    @APIResponse(responseCode = "200", description = "The overlaps, most shared first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Overlap.Listing.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Overlap.Listing overlaps(@Parameter(description = "Dataset key", example = "lidc-idri") @PathParam("key") String key) {
        return service.overlaps(caller.get(), key);
    }
}
