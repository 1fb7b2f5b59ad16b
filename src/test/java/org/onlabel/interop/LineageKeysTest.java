package org.onlabel.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onlabel.dataset.DatasetKey;

class LineageKeysTest {
    @Test
    void sameIdentityAlwaysGivesTheSameValidKey() {
        String key = LineageKeys.keyFor("s3://knee-lab", "derived/Knee RSS (v2)");
        assertThat(key).isEqualTo(LineageKeys.keyFor("s3://knee-lab", "derived/Knee RSS (v2)"));
        assertThat(key).startsWith("derived-knee-rss-v2-");
        assertThat(DatasetKey.isValid(key)).isTrue();
    }

    @Test
    void namesThatSlugAlikeStillGetDifferentKeys() {
        assertThat(LineageKeys.keyFor("ns", "a/b")).isNotEqualTo(LineageKeys.keyFor("ns", "a-b"));
        assertThat(LineageKeys.keyFor("ns1", "x")).isNotEqualTo(LineageKeys.keyFor("ns2", "x"));
    }

    @Test
    void oddNamesStillGiveValidKeys() {
        for (String name : new String[] {"___", "/", "É", "x".repeat(500), "-lead", "trail-"}) {
            assertThat(DatasetKey.isValid(LineageKeys.keyFor("ns", name))).as(name).isTrue();
        }
    }

    @Test
    void theOnlabelNamespaceNamesKeys() {
        assertThat(LineageKeys.keyFor("onlabel", "brats-2021")).isEqualTo("brats-2021");
    }
}
