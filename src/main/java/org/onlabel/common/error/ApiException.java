package org.onlabel.common.error;

import java.util.List;

/** A failure the service reports to its caller as a problem of a known type. */
public class ApiException extends RuntimeException {
    private final ProblemType type;
    private final transient List<FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION_FAILED,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }
}
