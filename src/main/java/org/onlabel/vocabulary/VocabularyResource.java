package org.onlabel.vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        VocabularyIndex withDiseases(DiseaseOntology diseases) {
            List<VocabularySummary> all = new ArrayList<>(items);
            all.add(new VocabularySummary(Vocabularies.DISEASES, diseases.description(), diseases.size()));
            all.sort(Comparator.comparing(VocabularySummary::name));
            return new VocabularyIndex(List.copyOf(all));
        }
    }

    /** A disease of the vocabulary with its place in the is-a hierarchy. */
    @Schema(name = "DiseaseTerm", description = "A MONDO disease: id, label, MONDO synonyms, OnLabel aliases, is-a parents "
            + "and every ancestor")
    public record DiseaseTermView(
            @Schema(examples = "MONDO:0018177") String id,
            @Schema(examples = "glioblastoma") String label,
            List<String> synonyms, List<String> aliases,
            @Schema(description = "Direct is-a parents in this subset") List<String> parents,
            @Schema(description = "Parents added by OnLabel where MONDO's files give none; each is a MONDO ancestor")
            List<String> curatedParents,
            @Schema(description = "Every is-a ancestor (the closure), nearest first") List<String> ancestors) {
    }

    @Schema(name = "DiseaseVocabulary", description = "The disease vocabulary: a curated MONDO subset with its release, "
            + "license (CC BY 4.0) and is-a closure")
    public record DiseaseVocabulary(String name, String description, Map<String, Object> source, int size,
            List<DiseaseTermView> terms) {
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
                .toList())
                .withDiseases(vocabularies.diseases());
    }

    @GET
    @Path("/" + Vocabularies.DISEASES)
    @Operation(operationId = "getDiseaseVocabulary", summary = "Get the disease vocabulary (MONDO subset) with its closure",
            description = "Purposes (purpose.disease) and DUO DS conditions (dataUse[].disease) name a disease by its MONDO "
                    + "id, label, synonym or alias. DS allows research on the disease and on every subclass of it.")
    @APIResponse(responseCode = "200", description = "The diseases, their parents and ancestors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiseaseVocabulary.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public DiseaseVocabulary diseases() {
        policy.requireRead(caller.get());
        DiseaseOntology d = vocabularies.diseases();
        return new DiseaseVocabulary(Vocabularies.DISEASES, d.description(), d.source(), d.size(), d.terms().stream()
                .map(t -> new DiseaseTermView(t.id(), t.label(), t.synonyms(), t.aliases(), t.parents(),
                        t.curatedParents(), List.copyOf(d.ancestorsOf(t.id()))))
                .toList());
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getVocabulary", summary = "Get one vocabulary with its terms",
            description = "Names: diseases (served by getDiseaseVocabulary), tasks, preprocessing-steps, modalities, deidentification-methods, duo-codes, "
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
