package org.onlabel.common.text;

import java.util.Optional;

/**
 * What text the API accepts in any string it reads (JSON strings and member names, path segments, query values):
 * well-formed Unicode without NUL or other control characters, except tab and line breaks. PostgreSQL cannot store
 * NUL, an unpaired surrogate cannot be encoded in UTF-8, and control characters (terminal escape sequences above
 * all) turn stored text into an attack on whoever displays it. Single-line fields also refuse tabs and line breaks.
 */
public final class JsonText {
    private JsonText() {
    }

    /** Why the text is refused anywhere, or empty when it is acceptable. */
    public static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired surrogate (U+" + hex(c) + ")");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (U+" + hex(c) + ")");
            }
            if (c == 0) {
                return Optional.of("contains NUL (U+0000)");
            }
            if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("contains the control character U+" + hex(c));
            }
        }
        return Optional.empty();
    }

    /** Why the text is refused in a single-line field (a title, a key, a version, a step id), or empty. */
    public static Optional<String> singleLineProblem(CharSequence text) {
        Optional<String> general = problem(text);
        if (general.isPresent()) {
            return general;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return Optional.of("must be a single line without tabs or line breaks (found U+" + hex(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
