package org.onlabel.check;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Ruleset;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.ComputesOnly;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checks", description = "Is it sound to use these datasets for this task?")
public class CheckResource {
    private final CheckService service;
    private final CurrentCaller caller;
    private final AccessPolicy policy;

    public CheckResource(CheckService service, CurrentCaller caller, AccessPolicy policy) {
        this.service = service;
        this.caller = caller;
        this.policy = policy;
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "check", summary = "Check a proposed use",
            description = "Evaluates the task, the datasets with their roles and the purpose against the ruleset. "
                    + "Verdict: OFF_LABEL (a violation), else UNKNOWN (facts missing), else CAUTION, else ON_LABEL. "
                    + "Every finding names its rule, the dataset and step that introduced it, and the path to it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckRequest.class),
            examples = @ExampleObject(name = "brats-for-reconstruction", value = """
                    {"task": "mri-reconstruction", "datasets": [{"key": "brats-2021", "role": "train"}],
                     "purpose": {"commercial": false, "methodsDevelopment": true}}""")))
    @APIResponse(responseCode = "200", description = "The verdict with its evidence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckOutcome.class),
                    examples = @ExampleObject(name = "off-label", value = """
                            {"verdict": "OFF_LABEL", "task": "mri-reconstruction", "rulesetVersion": "2026.12.1",
                             "datasets": [{"key": "brats-2021", "role": "train", "verdict": "OFF_LABEL"}],
                             "findings": [
                               {"rule": "any.contraindicated", "severity": "violation", "dataset": "brats-2021",
                                "introducedBy": {"dataset": "brats-2021", "step": null, "index": null}, "path": ["brats-2021"],
                                "message": "brats-2021 lists mri-reconstruction as a contraindication: magnitude-only, resampled images",
                                "references": []},
                               {"rule": "recon.zero-padding", "severity": "violation", "dataset": "brats-2021",
                                "introducedBy": {"dataset": "brats-2021", "step": "resampling", "index": 2}, "path": ["brats-2021"],
                                "message": "resampling (step 3 of brats-2021) interpolates the images: reconstruction on them looks better than it is",
                                "references": ["doi:10.1073/pnas.2117203119"]}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @ComputesOnly
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    public CheckOutcome check(
            @Parameter(name = "paths", description = PathDetail.PARAMETER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "compact"}))
            @QueryParam("paths") String paths,
            @NotNull(message = "a JSON body is required") @Valid CheckRequest request) {
        return service.check(caller.get(), request, PathDetail.parse(paths));
    }

    @POST
    @Path("/checks/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkBatch", summary = "Run several checks at once",
            description = "For journal screening: each dataset a manuscript declares (by key or DOI) with the task it "
                    + "claims. Results come in the order of the checks.")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchCheck.Response.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @ComputesOnly
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    public BatchCheck.Response batch(
            @Parameter(name = "paths", description = PathDetail.PARAMETER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "compact"}))
            @QueryParam("paths") String paths,
            @NotNull(message = "a JSON body is required") @Valid BatchCheck.Request request) {
        return new BatchCheck.Response(service.batch(caller.get(), request.checks(), PathDetail.parse(paths)));
    }

    @POST
    @Path("/checks/compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkCompare", summary = "Compare candidate datasets for one use",
            description = "Each candidate is checked alone for the task and purpose in the given role (default train). "
                    + "Rows come best first (ON_LABEL, CAUTION, UNKNOWN, OFF_LABEL, then by key), each with the "
                    + "findings that decide its verdict. Candidates are resolved as in a check: one the caller may not "
                    + "see is refused as \"no dataset\".")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Compare.Request.class),
            examples = @ExampleObject(name = "which-may-i-train-on", value = """
                    {"task": "mri-reconstruction", "purpose": {"commercial": false},
                     "candidates": ["brats-2021", "fastmri-knee-multicoil"], "role": "train"}""")))
    @APIResponse(responseCode = "200", description = "The candidates, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Compare.Response.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @ComputesOnly
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    public Compare.Response compare(@NotNull(message = "a JSON body is required") @Valid Compare.Request request) {
        return service.compare(caller.get(), request);
    }

    @GET
    @Path("/rules")
    @Operation(operationId = "getRules", summary = "The ruleset in force",
            description = "Versioned; each rule with its id, tasks, severity, condition, rationale and references.")
    @APIResponse(responseCode = "200", description = "The ruleset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ruleset.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Ruleset rules() {
        policy.requireRead(caller.get());
        return service.ruleset();
    }
}
