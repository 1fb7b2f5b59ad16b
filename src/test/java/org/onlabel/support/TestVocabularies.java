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
            try (InputStream in = TestVocabularies.class.getClassLoader().getResourceAsStream("vocabularies/vocabularies.json")) {
                shipped = Vocabularies.read(in, new ObjectMapper());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shipped;
    }
}
