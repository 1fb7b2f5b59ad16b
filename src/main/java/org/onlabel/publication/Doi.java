package org.onlabel.publication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Digital Object Identifier in its normal form: the bare name ({@code 10.1148/ryai.2020190007}) in lower case,
 * since DOI names are case-insensitive. {@link #parse} accepts what people paste: any letter case, the resolver
 * prefixes ({@code https://doi.org/}, {@code http://dx.doi.org/}, {@code doi:}) and percent-encoding (a DOI in a
 * URL path has its slash written as {@code %2F}).
 */
public record Doi(String value) {
    private static final List<String> PREFIXES = List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
            "http://dx.doi.org/", "doi.org/", "doi:", "info:doi/");
    /** Directory indicator 10, a registrant code of digits (dot-separated sub-codes allowed), a slash, a suffix. */
    private static final Pattern SYNTAX = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*/[^\\s\\p{Cntrl}]+");
    static final int MAX_LENGTH = 300;

    public Doi {
        if (value == null || !SYNTAX.matcher(value).matches() || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidDoiException("not a normalised DOI: " + value);
        }
    }

    public static Doi parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidDoiException("a DOI is required");
        }
        if (input.length() > MAX_LENGTH * 3) {
            throw new InvalidDoiException("a DOI has at most " + MAX_LENGTH + " characters");
        }
        String s = percentDecode(input.strip()).strip();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                lower = lower.substring(prefix.length());
                break;
            }
        }
        if (lower.length() > MAX_LENGTH) {
            throw new InvalidDoiException("a DOI has at most " + MAX_LENGTH + " characters");
        }
        if (!SYNTAX.matcher(lower).matches()) {
            throw new InvalidDoiException("'" + abbreviate(input) + "' is not a DOI: expected 10.<registrant>/<suffix>, "
                    + "e.g. 10.1148/ryai.2020190007 (https://doi.org/ and doi: prefixes are accepted)");
        }
        return new Doi(lower);
    }

    /** The resolver URL, e.g. https://doi.org/10.1148/ryai.2020190007. */
    public String url() {
        return "https://doi.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
                    throw new InvalidDoiException("'" + abbreviate(s) + "' has a broken percent-escape");
                }
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    /** The input is not a DOI; the message says why, for the caller. */
    public static final class InvalidDoiException extends IllegalArgumentException {
        public InvalidDoiException(String message) {
            super(message);
        }
    }
}
