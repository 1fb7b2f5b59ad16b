package org.onlabel.provenance.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

class ManifestReaderTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ManifestReader.Header read(String json, List<String> sink, int max) {
        return new ManifestReader(max).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sink::add);
    }

    @Test
    void readsTheHeaderInAnyOrderAndHandsOverLowerCaseHashes() {
        List<String> ids = new ArrayList<>();
        ManifestReader.Header h = read("{\"ids\": [\"" + HASH.toUpperCase() + "\"], \"salt\": \"tcia\", \"level\": "
                + "\"study\"}", ids, 10);
        assertThat(h).isEqualTo(new ManifestReader.Header("study", "tcia", 1));
        assertThat(ids).containsExactly(HASH);
    }

    @Test
    void refusesWhatIsNotAHashNamingItsIndexWithoutEchoingIt() {
        assertThatThrownBy(() -> read("{\"level\": \"subject\", \"salt\": \"s\", \"ids\": [\"" + HASH
                + "\", \"LIDC-IDRI-0001\"]}", new ArrayList<>(), 10))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("ids[1]");
                    assertThat(e.errors().get(0).message()).doesNotContain("LIDC");
                });
        assertThatThrownBy(() -> read("{\"level\": \"subject\", \"salt\": \"s\", \"ids\": [42]}", new ArrayList<>(), 10))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void refusesMoreIdsThanTheLimitAndMissingOrUnknownFields() {
        assertThatThrownBy(() -> read("{\"level\": \"subject\", \"salt\": \"s\", \"ids\": [\"" + HASH + "\", \""
                + HASH + "\"]}", new ArrayList<>(), 1)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("ids"));
        assertThatThrownBy(() -> read("{\"salt\": \"s\", \"extra\": 1, \"ids\": []}", new ArrayList<>(), 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("extra", "level"));
    }

    @Test
    void malformedJsonRepeatedFieldsAndTrailingDataAreBadRequests() {
        for (String body : List.of("{\"level\": \"subject\", \"ids\": [", "[]",
                "{\"level\": \"subject\", \"level\": \"study\", \"salt\": \"s\", \"ids\": []}",
                "{\"level\": \"subject\", \"salt\": \"s\", \"ids\": []} {}")) {
            assertThatThrownBy(() -> read(body, new ArrayList<>(), 1)).as(body)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type())
                            .isEqualTo(ProblemType.MALFORMED_REQUEST));
        }
    }

    @Test
    void aMillionIdsStreamThrough() {
        StringBuilder json = new StringBuilder(70_000_000).append("{\"level\":\"subject\",\"salt\":\"s\",\"ids\":[");
        String padding = "0".repeat(48);
        for (int i = 0; i < 1_000_000; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(padding).append(java.util.HexFormat.of().toHexDigits((long) i))
                    .append('"');
        }
        json.append("]}");
        long[] seen = {0};
        ManifestReader.Header h = new ManifestReader(1_000_000).read(new ByteArrayInputStream(json.toString()
                .getBytes(StandardCharsets.US_ASCII)), id -> seen[0]++);
        assertThat(h.count()).isEqualTo(1_000_000);
        assertThat(seen[0]).isEqualTo(1_000_000);
    }
}
