package org.onlabel.common.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

class StrictJsonBodyTest {
    @ParameterizedTest
    @ValueSource(strings = {"{\"t\": \"a\\u0000b\"}", "{\"t\": \"\\ud800\"}", "{\"t\": \"\\udc00x\"}", "{\"t\\u001b\": 1}",
        "{\"t\": \"\\u001b[31m\"}", "{\"a\": 1, \"a\": 2}", "{} {}", "{} x", "[1] [2]", "{\"t\": ", "\uFEFF{}"})
    void refuses(String body) {
        assertThatThrownBy(() -> StrictJsonBody.check(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"t\": \"line\\nbreak\\ttab\"}", "{\"t\": \"\\ud83d\\ude42 🙂\"}", "[]", "\"x\"", "{\"n\": [[[]]]}"})
    void accepts(String body) {
        assertThatCode(() -> StrictJsonBody.check(body.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void capsNesting() {
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> StrictJsonBody.check(deep.getBytes(StandardCharsets.UTF_8))).isInstanceOf(ApiException.class);
        String ok = "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH);
        assertThatCode(() -> StrictJsonBody.check(ok.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void refusesInvalidUtf8() {
        byte[] latin1 = "{\"t\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StrictJsonBody.check(latin1)).isInstanceOf(ApiException.class);
    }
}
