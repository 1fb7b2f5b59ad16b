package org.onlabel.common.http;

import java.util.Arrays;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/** Strong entity tags built from a resource's revision, and the If-Match rules of RFC 9110. */
public final class ETags {
    private ETags() {
    }

    public static String of(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * Requires an {@code If-Match} header that names the current revision: 428 when it is missing, 412 when it is
     * stale. {@code *} matches any existing resource. Comparison is strong (RFC 9110 13.1.1): a weak tag never
     * matches.
     */
    public static void requireMatch(String ifMatch, long currentRevision) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of your last read, so that you do not overwrite someone else's change");
        }
        String current = of(currentRevision);
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED,
                    "The resource has changed since you read it (current ETag " + current + "); read it again and retry");
        }
    }
}
