package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.spdx.library.ListedLicenses;

/**
 * java-spdx-library downloads the SPDX license list over HTTP(S) unless told to use the copy in its jar. Every
 * HttpURLConnection asks the default ProxySelector where to connect, so recording those questions shows whether the
 * library tried to reach the network.
 */
class OfflineLicenseListTest {

    @Test
    void parsingAThousandExpressionsNeverTouchesTheNetwork() {
        LicenseExpression.parse("CC0-1.0");
        List<URI> requested = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new RecordingProxySelector(requested, previous));
        try {
            ListedLicenses.resetListedLicenses();
            List<String> ids = VocabularyLicenses.ids();
            for (int i = 0; i < 1000; i++) {
                String expression = "(" + ids.get(i % ids.size()) + " OR LicenseRef-Agreement-" + i + ")"
                        + " AND GPL-2.0+ WITH Classpath-exception-2.0";
                assertThat(LicenseExpression.parse(expression).licenseIds()).hasSize(3);
            }
        } finally {
            ProxySelector.setDefault(previous);
        }

        assertThat(requested).isEmpty();
        assertThat(System.getProperty(SpdxLibrary.ONLY_USE_LOCAL_LICENSES)).isEqualTo("true");
        assertThat(SpdxLibrary.licenseListVersion()).isNotBlank();
    }

    private static final class RecordingProxySelector extends ProxySelector {
        private final List<URI> requested;
        private final ProxySelector delegate;

        RecordingProxySelector(List<URI> requested, ProxySelector delegate) {
            this.requested = requested;
            this.delegate = delegate;
        }

        @Override
        public List<Proxy> select(URI uri) {
            requested.add(uri);
            return delegate == null ? List.of(Proxy.NO_PROXY) : delegate.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            if (delegate != null) {
                delegate.connectFailed(uri, address, failure);
            }
        }
    }
}
