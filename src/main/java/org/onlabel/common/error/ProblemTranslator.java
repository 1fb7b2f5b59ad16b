package org.onlabel.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.onlabel.common.db.DatabaseUnavailable;

/**
 * The one table from exceptions to problems. The first row whose class matches the exception or one of its causes
 * (persistence and JSON failures arrive wrapped) decides the problem; anything else is a 500 whose detail says nothing
 * about the internals.
 */
public final class ProblemTranslator {

    /** A problem without its {@code instance}, which only the HTTP layer knows. */
    public record Translated(ProblemType type, String detail, List<FieldError> errors) {
        Translated(ProblemType type, String detail) {
            this(type, detail, List.of());
        }
    }

    private record Row<T extends Throwable>(Class<T> type, Function<T, Translated> translate) {
        Translated apply(Throwable t) {
            return translate.apply(type.cast(t));
        }
    }

    private static final List<Row<?>> TABLE = List.of(
            new Row<>(ApiException.class, e -> new Translated(e.type(), e.getMessage(), e.errors())),
            new Row<>(ConstraintViolationException.class, ProblemTranslator::fromViolations),
            new Row<>(UnrecognizedPropertyException.class, e -> new Translated(ProblemType.MALFORMED_REQUEST,
                    "Unknown field '" + e.getPropertyName() + "'",
                    List.of(new FieldError(jsonPath(e), "unknown field")))),
            new Row<>(InvalidFormatException.class, e -> new Translated(ProblemType.MALFORMED_REQUEST,
                    "A field has a value of the wrong type",
                    List.of(new FieldError(jsonPath(e), "expected " + simpleTypeName(e.getTargetType()))))),
            new Row<>(com.fasterxml.jackson.databind.exc.MismatchedInputException.class, e -> new Translated(
                    ProblemType.MALFORMED_REQUEST, "A field has a value of the wrong type",
                    List.of(new FieldError(jsonPath(e), e.getTargetType() == null ? "wrong type or structure"
                            : "expected " + simpleTypeName(e.getTargetType()))))),
            new Row<>(JsonMappingException.class, e -> new Translated(ProblemType.MALFORMED_REQUEST,
                    "The request body does not match the expected structure",
                    e.getPath().isEmpty() ? List.of() : List.of(new FieldError(jsonPath(e), "wrong type or structure")))),
            new Row<>(JsonProcessingException.class, e -> new Translated(ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid JSON" + location(e))),
            new Row<>(OptimisticLockException.class, e -> new Translated(ProblemType.PRECONDITION_FAILED,
                    "The resource was changed by someone else; read it again and retry with its new ETag")),
            new Row<>(org.hibernate.StaleStateException.class, e -> new Translated(ProblemType.PRECONDITION_FAILED,
                    "The resource was changed by someone else; read it again and retry with its new ETag")),
            new Row<>(org.hibernate.exception.ConstraintViolationException.class, e -> new Translated(
                    ProblemType.CONFLICT, "The request conflicts with an existing resource")),
            new Row<>(io.quarkus.security.AuthenticationFailedException.class, e -> new Translated(
                    ProblemType.UNAUTHORIZED, "The bearer token is invalid, expired, or not issued for this API")),
            new Row<>(io.quarkus.security.UnauthorizedException.class, e -> new Translated(
                    ProblemType.UNAUTHORIZED, "Send a bearer token from the OnLabel identity provider")),
            new Row<>(io.quarkus.security.ForbiddenException.class, e -> new Translated(
                    ProblemType.FORBIDDEN, "Your roles do not allow this")),
            new Row<>(java.sql.SQLException.class, ProblemTranslator::fromSql),
            // A commit the database did not confirm (it died during COMMIT) arrives from the transaction manager,
            // sometimes without the SQL failure as its cause. Nothing acknowledged: the client retries.
            new Row<>(jakarta.transaction.RollbackException.class, e -> uncommitted()),
            new Row<>(jakarta.transaction.HeuristicMixedException.class, e -> uncommitted()),
            new Row<>(jakarta.transaction.HeuristicRollbackException.class, e -> uncommitted()),
            new Row<>(javax.transaction.xa.XAException.class, e -> uncommitted()),
            new Row<>(WebApplicationException.class, ProblemTranslator::fromWebApplication));

    private ProblemTranslator() {
    }

    public static Translated translate(Throwable failure) {
        for (Row<?> row : TABLE) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (row.type().isInstance(t)) {
                    return row.apply(t);
                }
            }
        }
        return new Translated(ProblemType.INTERNAL_ERROR, "The service failed to handle this request");
    }

    /** A database that is gone is the client's cue to retry (503); any other SQL failure is ours (500). */
    private static Translated fromSql(java.sql.SQLException e) {
        return DatabaseUnavailable.isCause(e)
                ? new Translated(ProblemType.SERVICE_UNAVAILABLE,
                        "The database is not reachable right now; nothing was changed. Retry after Retry-After seconds")
                : new Translated(ProblemType.INTERNAL_ERROR, "The service failed to handle this request");
    }

    private static Translated uncommitted() {
        return new Translated(ProblemType.SERVICE_UNAVAILABLE, "The database did not confirm the change; retry after "
                + "Retry-After seconds (with the same Idempotency-Key where the call takes one)");
    }

    private static Translated fromViolations(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return new Translated(ProblemType.VALIDATION_FAILED,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }

    /**
     * A violation path as a JSON path of the request: {@code create.request.intendedUses[0].task} becomes
     * {@code intendedUses[0].task}; a violated query parameter is named by itself.
     */
    static String fieldOf(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        if (out.length() == 0) {
            return parameter == null ? "body" : parameter;
        }
        return out.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static Translated fromWebApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource is available as application/json";
            case INTERNAL_ERROR -> "The service failed to handle this request";
            default -> type.title();
        };
        return new Translated(type, detail);
    }
}
