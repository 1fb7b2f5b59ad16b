package org.onlabel.common.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.text.JsonText;

/**
 * Checks every JSON request body before it is bound to any type, typed record or free-form tree alike: UTF-8 only,
 * one document, no duplicate member, nesting within {@link StrictJson#MAX_NESTING_DEPTH}, and every string and
 * member name acceptable text ({@link JsonText}). Called by {@link BodySizeLimit}, so it never sees more than the
 * body limit.
 */
public final class StrictJsonBody {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(StrictJson.MAX_NESTING_DEPTH).build())
            .build();

    private StrictJsonBody() {
    }

    /** Throws a 400 problem naming the first thing wrong with the body; an empty body is left to the resource. */
    public static void check(byte[] body) {
        if (body.length == 0) {
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not valid UTF-8", List.of());
        }
        if (text.startsWith("\uFEFF")) {
            throw malformed("The request body starts with a byte order mark; send plain UTF-8", List.of());
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            int documents = 0;
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (depth == 0 && (token.isScalarValue() || token.isStructStart()) && ++documents > 1) {
                    throw malformed("The request body holds more than one JSON document" + location(parser), List.of());
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    Optional<String> problem = JsonText.problem(parser.getText());
                    if (problem.isPresent()) {
                        String where = pointer(parser, token);
                        throw malformed("A string in the request body " + problem.get(),
                                List.of(new FieldError(where, (token == JsonToken.FIELD_NAME ? "member name " : "") + problem.get())));
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw malformed("The request body is nested deeper than " + StrictJson.MAX_NESTING_DEPTH + " levels", List.of());
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw malformed("The request body has a duplicate member " + message.substring("Duplicate field".length()).strip()
                        + location(e), List.of());
            }
            throw malformed("The request body is not valid JSON" + location(e), List.of());
        } catch (IOException e) {
            throw malformed("The request body is not valid JSON", List.of());
        }
    }

    private static String pointer(JsonParser parser, JsonToken token) {
        String path = parser.getParsingContext().pathAsPointer().toString();
        return path.isEmpty() ? "body" : path;
    }

    private static String location(JsonParser parser) {
        var l = parser.currentTokenLocation();
        return " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String location(JsonParseException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static ApiException malformed(String detail, List<FieldError> errors) {
        return new ApiException(ProblemType.MALFORMED_REQUEST, detail, errors);
    }
}
