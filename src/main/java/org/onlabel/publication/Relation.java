package org.onlabel.publication;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a publication relates to a dataset, in DataCite relation types. A link reads "the dataset &lt;relation&gt;
 * the publication" (the dataset IsDescribedBy its Data Resources paper, IsCitedBy a paper that uses it,
 * IsSupplementTo the article it accompanies, IsReferencedBy a paper that mentions it), except {@code References},
 * which keeps the reading a journal system uses: "the publication References the dataset".
 */
public enum Relation {
    IS_DESCRIBED_BY("IsDescribedBy", "IsDescribedBy"),
    IS_CITED_BY("IsCitedBy", "IsCitedBy"),
    REFERENCES("References", "IsReferencedBy"),
    IS_SUPPLEMENT_TO("IsSupplementTo", "IsSupplementTo"),
    IS_REFERENCED_BY("IsReferencedBy", "IsReferencedBy");

    private final String wire;
    private final String fromDataset;

    Relation(String wire, String fromDataset) {
        this.wire = wire;
        this.fromDataset = fromDataset;
    }

    /** The name in the API (DataCite's spelling). */
    public String wire() {
        return wire;
    }

    /** The DataCite relationType of the dataset's record towards the publication. */
    public String dataciteFromDataset() {
        return fromDataset;
    }

    /** Case-insensitive, as DataCite's names are easy to mistype in case. */
    public static Optional<Relation> of(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.wire.equalsIgnoreCase(name.strip())).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Relation::wire).toList());
    }
}
