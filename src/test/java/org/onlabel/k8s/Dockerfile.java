package org.onlabel.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * src/main/docker/Dockerfile.jvm read as Docker's builder reads it: comments, line continuations, one known
 * instruction per logical line, JSON (exec) form where it is used. CI has no Docker engine; this is how the file
 * is checked.
 */
record Dockerfile(List<Instruction> instructions) {
    static final Path FILE = Path.of("src/main/docker/Dockerfile.jvm");
    /** Every instruction of the Dockerfile reference (MAINTAINER deprecated, still parsed by Docker). */
    static final Set<String> KNOWN = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD",
            "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    record Instruction(int line, String keyword, String arguments) {
    }

    /** A COPY: its flags (e.g. --chown), its sources and its destination. */
    record Copy(List<String> flags, List<String> sources, String destination) {
    }

    static Dockerfile read() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (logical.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            if (!logical.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue; // blank and comment lines inside a continued instruction are dropped by Docker too
            }
            if (logical.isEmpty()) {
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String[] parts = logical.toString().strip().split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException("line " + start + ": unknown instruction " + parts[0]);
            }
            if (!parts[0].equals(keyword)) {
                throw new IllegalArgumentException("line " + start + ": write instructions in upper case: " + parts[0]);
            }
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("line " + start + ": " + keyword + " without arguments");
            }
            instructions.add(new Instruction(start, keyword, parts[1].strip()));
            logical.setLength(0);
        }
        if (!logical.isEmpty()) {
            throw new IllegalArgumentException("the file ends inside a continued line");
        }
        if (instructions.isEmpty() || !instructions.get(0).keyword().equals("FROM")
                && !instructions.get(0).keyword().equals("ARG")) {
            throw new IllegalArgumentException("a Dockerfile starts with FROM (or ARG)");
        }
        Dockerfile dockerfile = new Dockerfile(instructions);
        instructions.stream().filter(i -> i.arguments().startsWith("[")).forEach(Dockerfile::execForm);
        return dockerfile;
    }

    /** The JSON array of an exec-form instruction; fails when it is not valid JSON. */
    static List<String> execForm(Instruction instruction) {
        try {
            return Arrays.asList(new ObjectMapper().readValue(instruction.arguments(), String[].class));
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + instruction.line() + ": " + instruction.keyword()
                    + " is not a JSON array of strings");
        }
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    List<Copy> copies() {
        return all("COPY").stream().map(i -> {
            List<String> words = new ArrayList<>(Arrays.asList(i.arguments().split("\\s+")));
            List<String> flags = new ArrayList<>();
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                flags.add(words.remove(0));
            }
            if (words.size() < 2) {
                throw new IllegalArgumentException("line " + i.line() + ": COPY needs a source and a destination");
            }
            return new Copy(flags, List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1));
        }).toList();
    }

    /** The variables ENV sets, in order (later ones win). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : all("ENV")) {
            Matcher m = ENV_PAIR.matcher(i.arguments());
            int consumed = 0;
            while (m.find()) {
                if (!i.arguments().substring(consumed, m.start()).isBlank()) {
                    throw new IllegalArgumentException("line " + i.line() + ": ENV must be KEY=value pairs");
                }
                String value = m.group(2);
                env.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
                consumed = m.end();
            }
            if (consumed == 0 || !i.arguments().substring(consumed).isBlank()) {
                throw new IllegalArgumentException("line " + i.line() + ": ENV must be KEY=value pairs");
            }
        }
        return env;
    }

    String user() {
        List<Instruction> users = all("USER");
        if (users.isEmpty()) {
            throw new IllegalStateException("no USER: the image would run as root");
        }
        return users.get(users.size() - 1).arguments().split(":")[0];
    }

    List<String> exposedPorts() {
        return all("EXPOSE").stream().flatMap(i -> Arrays.stream(i.arguments().split("\\s+")))
                .map(p -> p.replaceFirst("/tcp$", "")).toList();
    }
}
