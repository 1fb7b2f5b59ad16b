package org.onlabel.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

class CursorTest {
    @Test
    void roundTripsAKey() {
        assertThat(Cursor.decode(Cursor.encode("brats-2021"))).contains("brats-2021");
        assertThat(Cursor.decode(null)).isEmpty();
        assertThat(Cursor.decode("")).isEmpty();
    }

    @Test
    void refusesCursorsItDidNotIssue() {
        for (String bad : new String[] {"%%%", "bm90LWEtY3Vyc29y", Cursor.encode("").substring(0, 2)}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        }
    }
}
