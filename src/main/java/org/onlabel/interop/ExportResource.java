package org.onlabel.interop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.security.CurrentCaller;
import org.onlabel.interop.citation.CitationWriter;
import org.onlabel.interop.croissant.CroissantWriter;

@Path("/api/v1/datasets/{key}")
@Tag(name = "Exports", description = "A dataset as DataCite, Croissant and citation records")
public class ExportResource {
    private final ExportService service;
    private final CurrentCaller caller;

    public ExportResource(ExportService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/datacite")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDatasetDataCite", summary = "The dataset as DataCite metadata (schema 4.5)",
            description = "DataCite JSON as the DataCite REST API takes it (data.attributes): identifiers, creators, "
                    + "titles, publisher, publicationYear, types, subjects (modalities, anatomy, tasks), rightsList (SPDX), "
                    + "descriptions (incl. the preprocessing history) and relatedIdentifiers: IsDerivedFrom parents, "
                    + "IsSourceOf children, and the linked papers (IsDescribedBy, IsCitedBy, IsReferencedBy, IsSupplementTo).")
    @APIResponse(responseCode = "200", description = "The DataCite record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Map<String, Object> datacite(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key) {
        return service.datacite(caller.get(), key);
    }

    @GET
    @Path("/croissant")
    @Produces(CroissantWriter.MEDIA_TYPE)
    @Operation(operationId = "getDatasetCroissant", summary = "The dataset as Croissant 1.0 JSON-LD with RAI",
            description = "A schema.org Dataset conforming to Croissant 1.0 and the Responsible AI vocabulary "
                    + "(dct:conformsTo both), its context inline: rai:dataPreprocessingProtocol from the effective "
                    + "history, rai:dataUseCases from the intended uses, rai:dataLimitations from contraindications and "
                    + "standing violations, rai:personalSensitiveInformation from de-identification, "
                    + "prov:wasDerivedFrom for parents. Also served by GET /api/v1/datasets/{key} with Accept: application/ld+json.")
    @APIResponse(responseCode = "200", description = "The Croissant record",
            content = @Content(mediaType = CroissantWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response croissant(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key) {
        ExportService.Document document = service.croissant(caller.get(), key);
        return Response.ok(document.body()).type(document.mediaType()).build();
    }

    @GET
    @Path("/citation")
    @Produces({CitationWriter.BIBTEX, CitationWriter.RIS, CitationWriter.CSL_JSON})
    @Operation(operationId = "getDatasetCitation", summary = "How to cite the dataset and every source",
            description = "The dataset, each registered ancestor and the papers describing them, with the "
                    + "acknowledgements each source asks for (BIDS HowToAcknowledge, license attribution). style: "
                    + "bibtex (default), ris or csl-json.")
    @APIResponse(responseCode = "200", description = "The citations",
            content = {@Content(mediaType = CitationWriter.BIBTEX), @Content(mediaType = CitationWriter.RIS),
                    @Content(mediaType = CitationWriter.CSL_JSON, schema = @Schema(type = SchemaType.ARRAY,
                            implementation = Object.class))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response citation(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @Parameter(description = "bibtex, ris or csl-json", example = "bibtex",
                    schema = @Schema(enumeration = {"bibtex", "ris", "csl-json"})) @QueryParam("style") String style) {
        ExportService.Document citation = service.citation(caller.get(), key, style);
        return Response.ok(citation.body()).type(citation.mediaType()).build();
    }
}
