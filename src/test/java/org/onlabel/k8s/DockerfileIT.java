package org.onlabel.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After {@code package}: everything Dockerfile.jvm copies exists where it says, the jar it runs is among them, and
 * .dockerignore lets it into the build context.
 */
class DockerfileIT {

    @Test
    void everythingTheImageCopiesExistsAfterPackage() throws IOException {
        Dockerfile file = Dockerfile.read();
        List<String> context = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        for (Dockerfile.Copy copy : file.copies()) {
            for (String source : copy.sources()) {
                assertThat(matches(source)).as("%s exists after package", source).isNotEmpty();
                if (source.endsWith("/")) {
                    assertThat(Path.of(source)).isDirectory();
                    try (Stream<Path> files = Files.walk(Path.of(source))) {
                        assertThat(files.filter(Files::isRegularFile).count()).as("%s holds files", source).isPositive();
                    }
                }
                assertThat(context).as("%s is in the build context (.dockerignore)", source)
                        .anySatisfy(allowed -> assertThat(source).startsWith(allowed));
            }
        }
        String jar = Path.of(file.environment().get("JAVA_APP_JAR")).getFileName().toString();
        assertThat(matches("target/quarkus-app/*.jar")).extracting(p -> p.getFileName().toString()).contains(jar);
    }

    private static List<Path> matches(String source) throws IOException {
        Path path = Path.of(source);
        if (!source.contains("*")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.filter(glob::matches).toList();
        }
    }
}
