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

    @Produces
    @ApplicationScoped
    Vocabularies vocabularies(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return Vocabularies.read(in, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
