package org.onlabel.k8s;

import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.onlabel.common.config.OnLabelConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the application really declares: its configuration keys, its HTTP port, its versions. */
final class ApplicationFacts {
    /**
     * Quarkus properties that deployments set but application.properties does not: each must be documented in
     * README.md (Configuration) or used by run.sh, which {@link #documentedExtras()} checks.
     */
    static final Set<String> EXTRA_QUARKUS_PROPERTIES = Set.of("quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.oidc.connection-delay");

    private final Properties applicationProperties = new Properties();
    private final Document pom;

    ApplicationFacts() {
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            applicationProperties.load(in);
            pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every property name the application declares or is documented to read, without profile prefixes. */
    Set<String> propertyNames() {
        Set<String> names = new TreeSet<>();
        applicationProperties.stringPropertyNames().forEach(n -> names.add(n.replaceFirst("^%[^.]+\\.", "")));
        collect(OnLabelConfig.class, "onlabel", names);
        names.addAll(EXTRA_QUARKUS_PROPERTIES);
        return names;
    }

    /** The extras that neither README.md nor run.sh mentions (should be none). */
    Set<String> undocumentedExtras() {
        try {
            String docs = Files.readString(Path.of("README.md")) + Files.readString(Path.of("run.sh"));
            Set<String> missing = new TreeSet<>();
            for (String extra : EXTRA_QUARKUS_PROPERTIES) {
                String lastSegment = extra.substring(extra.lastIndexOf('.'));
                if (!docs.contains(extra) && !docs.contains("`" + lastSegment + "`")) {
                    missing.add(extra);
                }
            }
            return missing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MicroProfile Config's environment variable name for a property. */
    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    String property(String name) {
        return applicationProperties.getProperty(name);
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    /** quarkus.shutdown.timeout in seconds (written like {@code 20S}). */
    long shutdownTimeoutSeconds() {
        Matcher m = Pattern.compile("(\\d+)S").matcher(property("quarkus.shutdown.timeout"));
        if (!m.matches()) {
            throw new IllegalStateException("quarkus.shutdown.timeout is not in seconds: " + property("quarkus.shutdown.timeout"));
        }
        return Long.parseLong(m.group(1));
    }

    String projectVersion() {
        return childText(pom.getDocumentElement(), "version");
    }

    String pomProperty(String name) {
        Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        return childText(properties, name);
    }

    private static String childText(Element parent, String tag) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("pom.xml has no " + tag);
    }

    private static void collect(Class<?> group, String prefix, Set<String> names) {
        for (Method m : group.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
                continue;
            }
            WithName renamed = m.getAnnotation(WithName.class);
            String name = prefix + "." + (renamed != null ? renamed.value() : kebab(m.getName()));
            Type type = m.getGenericReturnType();
            if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
                type = p.getActualTypeArguments()[0];
            }
            if (type instanceof Class<?> c && c.isInterface() && c.getEnclosingClass() == OnLabelConfig.class) {
                collect(c, name, names);
            } else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
