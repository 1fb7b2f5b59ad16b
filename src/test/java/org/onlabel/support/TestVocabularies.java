package org.onlabel.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.onlabel.vocabulary.Vocabularies;

/** The shipped vocabularies, read without Quarkus, for plain unit tests. */
public final class TestVocabularies {
    private static Vocabularies shipped;

    private TestVocabularies() {
    }

    public static synchronized Vocabularies shipped() {
        if (shipped == null) {
            ClassLoader loader = TestVocabularies.class.getClassLoader();
            try (InputStream in = loader.getResourceAsStream("vocabularies/vocabularies.json");
                    InputStream diseases = loader.getResourceAsStream("vocabularies/diseases.json")) {
                shipped = Vocabularies.read(in, diseases, new ObjectMapper());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shipped;
    }
}
