package org.onlabel.vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.Problem;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1/vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies", description = "Controlled vocabularies that dataset fields are validated against")
public class VocabularyResource {

    /** A vocabulary named in the index, without its terms. */
    public record VocabularySummary(String name, String description, int size) {
    }

    public record VocabularyIndex(List<VocabularySummary> items) {
    }

    private final Vocabularies vocabularies;
    private final AccessPolicy policy;
    private final CurrentCaller caller;

    public VocabularyResource(Vocabularies vocabularies, AccessPolicy policy, CurrentCaller caller) {
        this.vocabularies = vocabularies;
        this.policy = policy;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listVocabularies", summary = "List the controlled vocabularies")
    @APIResponse(responseCode = "200", description = "The vocabularies, by name")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public VocabularyIndex list() {
        policy.requireRead(caller.get());
        return new VocabularyIndex(vocabularies.names().stream()
                .map(vocabularies::require)
                .map(v -> new VocabularySummary(v.name(), v.description(), v.terms().size()))
                .toList());
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getVocabulary", summary = "Get one vocabulary with its terms",
            description = "Names: tasks, preprocessing-steps, modalities, deidentification-methods, duo-codes, "
                    + "licenses, relation-types, representation-domains, coil-configurations, compression-kinds, "
                    + "dataset-statuses, visibilities, roles-in-check.")
    @APIResponse(responseCode = "200", description = "The vocabulary")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No vocabulary of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Vocabulary get(@Parameter(description = "Vocabulary name", example = "tasks") @PathParam("name") String name) {
        policy.requireRead(caller.get());
        return vocabularies.get(name).orElseThrow(() -> ApiException.notFound("Vocabulary '" + name + "'"));
    }
}
