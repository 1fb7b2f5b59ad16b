package org.onlabel.vocabulary;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the shipped vocabularies once at start; a broken file stops the start. */
@ApplicationScoped
public class VocabularyProducer {
    static final String RESOURCE = "vocabularies/vocabularies.json";
    static final String DISEASES = "vocabularies/diseases.json";

    @Produces
    @ApplicationScoped
    Vocabularies vocabularies(ObjectMapper mapper) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE); InputStream diseases = loader.getResourceAsStream(DISEASES)) {
            if (in == null || diseases == null) {
                throw new IllegalStateException("Missing resource " + (in == null ? RESOURCE : DISEASES));
            }
            return Vocabularies.read(in, diseases, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
