package org.onlabel.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentCallerTest {
    @Test
    void organizationClaimsOfEveryShapeBecomePlainNames() {
        assertThat(CurrentCaller.strings(Json.createArrayBuilder().add("nyu").add("/consortia/upenn").build()))
                .containsExactly("nyu", "upenn");
        assertThat(CurrentCaller.strings(List.of("nyu"))).containsExactly("nyu");
        assertThat(CurrentCaller.strings("nyu")).containsExactly("nyu");
        assertThat(CurrentCaller.strings(null)).isEmpty();
        assertThat(CurrentCaller.strings(List.of(" ", "/"))).isEmpty();
    }
}
