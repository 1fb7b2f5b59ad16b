package org.onlabel.provenance.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;

/**
 * Reads a manifest upload {@code {"level": ..., "salt": ..., "ids": [...]}} token by token, so that a million ids
 * are never held as a tree: each id is checked (64 hexadecimal digits, a SHA-256) and handed to the sink in lower
 * case as it is read. Anything that is not a hash stops the upload with a 422 naming the first offending index;
 * the caller's transaction then leaves nothing behind.
 */
final class ManifestReader {
    static final Set<String> LEVELS = Set.of("subject", "study", "image");
    private static final Pattern HASH = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Pattern SALT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What the body said besides the ids, and how many ids it held. */
    record Header(String level, String salt, long count) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ManifestReader.class);

    private final int maxIds;

    ManifestReader(int maxIds) {
        this.maxIds = maxIds;
    }

    Header read(InputStream body, Consumer<String> sink) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the body must be a JSON object {\"level\", \"salt\", \"ids\"}");
            }
            String level = null;
            String salt = null;
            long count = -1;
            List<FieldError> errors = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "level" -> level = text(p, value, "level", errors);
                    case "salt" -> salt = text(p, value, "salt", errors);
                    case "ids" -> count = ids(p, value, sink);
                    default -> {
                        errors.add(new FieldError(field, "unknown field (known: level, salt, ids)"));
                        p.skipChildren();
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw malformed("the body must be one JSON object");
            }
            if (level == null && errors.stream().noneMatch(e -> e.field().equals("level"))) {
                errors.add(new FieldError("level", "required: subject, study or image"));
            } else if (level != null && !LEVELS.contains(level)) {
                errors.add(new FieldError("level", "must be subject, study or image"));
            }
            if (salt == null && errors.stream().noneMatch(e -> e.field().equals("salt"))) {
                errors.add(new FieldError("salt", "required: the id of the salt the hashes were made with"));
            } else if (salt != null && !SALT.matcher(salt).matches()) {
                errors.add(new FieldError("salt", "must be a single-line id of at most 128 letters, digits, '.', '_', "
                        + "':' or '-' (the salt's name, never the salt itself)"));
            }
            if (count < 0) {
                errors.add(new FieldError("ids", "required: an array of hex SHA-256 hashes"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.validation(errors);
            }
            return new Header(level, salt, count);
        } catch (JsonParseException e) {
            throw malformed("the body is not valid JSON" + (e.getMessage() != null && e.getMessage().contains("Duplicate")
                    ? " (a field is repeated)" : ""));
        } catch (IOException e) {
            LOG.warnf("A manifest upload could not be read: %s", e.toString());
            throw malformed("the body could not be read");
        }
    }

    private long ids(JsonParser p, JsonToken start, Consumer<String> sink) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw ApiException.validation(List.of(new FieldError("ids", "must be an array of hex SHA-256 hashes")));
        }
        long i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw malformed("the body ends inside 'ids'");
            }
            if (i >= maxIds) {
                throw ApiException.validation(List.of(new FieldError("ids", "at most " + maxIds + " ids per manifest")));
            }
            String id = t == JsonToken.VALUE_STRING ? p.getText() : null;
            if (id == null || !HASH.matcher(id).matches()) {
                // never echo the value: it may be the raw identifier the manifest must not contain
                throw ApiException.validation(List.of(new FieldError("ids[" + i + "]", "must be a SHA-256 hash: 64 "
                        + "hexadecimal digits of salt + identifier. Raw identifiers are refused")));
            }
            sink.accept(id.toLowerCase(java.util.Locale.ROOT));
            i++;
        }
        return i;
    }

    private static String text(JsonParser p, JsonToken value, String field, List<FieldError> errors)
            throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            errors.add(new FieldError(field, "must be a string"));
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    private static ApiException malformed(String detail) {
        return new ApiException(ProblemType.MALFORMED_REQUEST, detail);
    }
}
