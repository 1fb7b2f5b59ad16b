package org.onlabel.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Dockerfile.jvm parses as Docker reads it, and follows the fast-jar layout; the parser refuses broken files. */
class DockerfileTest {

    @Test
    void theImageIsTheFastJarLayoutRunByAnUnprivilegedUser() {
        Dockerfile file = Dockerfile.read();
        assertThat(file.all("FROM")).hasSize(1);
        assertThat(file.all("FROM").get(0).arguments()).as("a pinned base image").matches("\\S+:\\d[^\\s]*")
                .doesNotContain(":latest");
        assertThat(file.copies()).extracting(c -> String.join(" ", c.sources()) + " -> " + c.destination())
                .containsExactly("target/quarkus-app/lib/ -> /deployments/lib/",
                        "target/quarkus-app/*.jar -> /deployments/",
                        "target/quarkus-app/app/ -> /deployments/app/",
                        "target/quarkus-app/quarkus/ -> /deployments/quarkus/");
        assertThat(file.copies()).allSatisfy(c -> assertThat(c.flags()).contains("--chown=" + file.user()));
        assertThat(file.user()).isNotIn("root", "0");
        assertThat(file.environment()).containsEntry("JAVA_APP_JAR", "/deployments/quarkus-run.jar");
        assertThat(Dockerfile.execForm(file.all("ENTRYPOINT").get(0))).hasSize(1);
        assertThat(file.exposedPorts()).containsExactly("8080");
    }

    @Test
    void brokenFilesAreRefused() {
        assertThatThrownBy(() -> Dockerfile.parse("FROM a:1\nCOPYY x /y\n")).hasMessageContaining("unknown instruction");
        assertThatThrownBy(() -> Dockerfile.parse("COPY x /y\n")).hasMessageContaining("starts with FROM");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a:1\nENTRYPOINT [\"/x\",]\n")).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a:1\nENV A=1 \\")).hasMessageContaining("continued line");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a:1\nENV just words\n").environment())
                .hasMessageContaining("KEY=value");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a:1\nCOPY onlyone\n").copies()).hasMessageContaining("destination");
        assertThat(Dockerfile.parse("FROM a:1\n# note\nENV A=\"x y\" \\\n    B=2\n").environment())
                .containsEntry("A", "x y").containsEntry("B", "2");
    }
}
