package org.onlabel.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.onlabel.publication.PublicationResource;
import org.onlabel.web.PublicationPage;

class DoiPathsTest {
    @Test
    void theGuardAllowsEncodedSlashesExactlyUnderTheDeclaredDoiRoutes() {
        assertThat(TransportGuard.pathProblem("/api/v1/publications/10.1148%2Fryai.2020190007")).isNull();
        assertThat(TransportGuard.pathProblem("/publications/10.1148%2Fryai.2020190007")).isNull();
        assertThat(TransportGuard.pathProblem("/api/v1/datasets/a%2Fb")).contains("encoded slashes");
        assertThat(TransportGuard.pathProblem("/api/v1/publicationsx/a%2Fb")).contains("encoded slashes");
        assertThat(TransportGuard.pathProblem("/api/v1/publications/..")).contains("'..'");
    }

    @Test
    void theDoiRoutesAreBuiltFromTheDeclaredPrefixes() {
        String api = PublicationResource.class.getAnnotation(Path.class).value();
        String page = PublicationPage.class.getAnnotation(Path.class).value();
        assertThat(api).isEqualTo(DoiPaths.API);
        assertThat(page).isEqualTo(DoiPaths.PAGE + DoiPaths.DOI);
        assertThat(DoiPaths.ENCODED_SLASHES_ALLOWED_UNDER).containsExactly(api + "/", DoiPaths.PAGE + "/");
    }
}
