package org.onlabel.check.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.common.collect.SharedPrefixList;

/**
 * One reason behind a verdict. {@code dataset} is the checked dataset the finding concerns; {@code path} runs from
 * it to the dataset that introduced the finding. In a compact answer a long path is cut after its first keys and
 * {@code pathLength} gives its full length (see {@link CheckOutcome#paths()}); otherwise pathLength is absent.
 */
public record Finding(@Schema(required = true) String rule, @Schema(required = true) Severity severity,
        @Schema(required = true) String dataset, @Schema(required = true) IntroducedBy introducedBy,
        @Schema(required = true) List<String> path, @Schema(required = true) String message,
        @Schema(required = true) List<String> references,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "Present when path was cut (checks with paths=compact): the number "
                + "of keys of the whole path, from dataset to introducedBy.dataset") Integer pathLength) {
    public Finding {
        path = SharedPrefixList.immutable(path);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public Finding(String rule, Severity severity, String dataset, IntroducedBy introducedBy, List<String> path,
            String message, List<String> references) {
        this(rule, severity, dataset, introducedBy, path, message, references, null);
    }

    /** The same finding with another message. */
    public Finding withMessage(String other) {
        return new Finding(rule, severity, dataset, introducedBy, path, other, references, pathLength);
    }

    /**
     * The same finding with only the first {@code keep} keys of its path, and the full length. Its message already
     * spells a long path short (see {@link #spell}), so it is kept as it is.
     */
    public Finding withPathCut(int keep) {
        return new Finding(rule, severity, dataset, introducedBy, path.subList(0, keep), message, references,
                path.size());
    }

    /**
     * A path as a message spells it: every key when there are at most {@code CompactPaths.KEEP + 1}, otherwise the
     * first {@code KEEP} keys, how many are left out, and the last key. A finding introduced 1,000 derivations
     * upstream would otherwise carry a message of 1,001 keys, in every answer whatever its {@code paths}.
     */
    public static String spell(List<String> path) {
        if (path.size() <= CompactPaths.KEEP + 1) {
            return String.join(PATH_SEPARATOR, path);
        }
        return String.join(PATH_SEPARATOR, path.subList(0, CompactPaths.KEEP)) + PATH_SEPARATOR + "… "
                + (path.size() - CompactPaths.KEEP - 1) + " more …" + PATH_SEPARATOR + path.get(path.size() - 1);
    }

    /** How a message's {@code {path}} joins the keys. */
    public static final String PATH_SEPARATOR = " → ";
}
