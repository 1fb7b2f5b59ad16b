package org.onlabel.common.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

class ETagsTest {
    @Test
    void missingIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED);
        assertThatThrownBy(() -> ETags.requireMatch("  ", 3)).extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_REQUIRED);
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
        assertThatThrownBy(() -> ETags.requireMatch("3", 3)).extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
    }

    @Test
    void currentListedOrWildcardTagsMatch() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void weakTagsNeverMatchBecauseIfMatchComparesStrongly() {
        assertThatThrownBy(() -> ETags.requireMatch("W/\"3\"", 3)).extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
    }
}
