package org.onlabel.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        String issued = Cursor.encode("brats-2021");
        String[] parts = issued.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("zzz\u0000".getBytes(StandardCharsets.UTF_8));
        String oldStyle = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:brats-2021".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {"%%%", oldStyle, parts[0] + "." + forgedPayload + "." + parts[2],
                issued.substring(0, issued.length() - 2), issued + ".x", "v2..", "v2.@@.@@"}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        }
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        Cursor.useKey("first-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        String issued = Cursor.encode("brats-2021");
        Cursor.useKey("second-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode(issued)).isInstanceOf(ApiException.class);
        assertThat(Cursor.decode(Cursor.encode("brats-2021"))).contains("brats-2021");
    }
}
