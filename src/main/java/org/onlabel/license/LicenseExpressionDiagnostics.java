package org.onlabel.license;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a failed parse into a message a user can act on. java-spdx-library reports the first problem its parser hits
 * (often wrapped as "Unexpected SPDX error"), so the ids in the text are checked first to name a mistyped id directly.
 */
final class LicenseExpressionDiagnostics {

    private static final Set<String> OPERATORS = Set.of("AND", "OR", "WITH", "and", "or", "with");
    private static final Set<String> NOT_LICENSES = Set.of("NONE", "NOASSERTION");
    /** java-spdx-library 2.0.0 messages that name its internals or say the opposite of what is meant. */
    private static final Map<String, String> REWORDED = Map.of(
            "Expecting more operands", "join licenses with AND, OR or WITH.",
            "License with exception is not of type",
            "WITH applies to a single license (optionally with '+'), not to a group in parentheses or another WITH.");

    private LicenseExpressionDiagnostics() {
    }

    static InvalidLicenseExpressionException explain(String text, Throwable failure) {
        String problem = idProblem(text);
        if (problem == null) {
            problem = parenthesisProblem(text);
        }
        if (problem == null) {
            problem = libraryMessage(text, failure);
        }
        return new InvalidLicenseExpressionException(problem, failure);
    }

    static String unknownLicense(String id) {
        List<String> suggestions = LicenseIdSuggestions.closest(id, SpdxLibrary.listedLicenseIds());
        return "'" + id + "' is not an SPDX license id" + didYouMean(suggestions) + " For a license that is not on the"
                + " SPDX license list (version " + SpdxLibrary.licenseListVersion() + "), use a LicenseRef-… id.";
    }

    static String unknownException(String id) {
        List<String> suggestions = LicenseIdSuggestions.closest(id, SpdxLibrary.listedExceptionIds());
        return "'" + id + "' is not an SPDX license exception id" + didYouMean(suggestions)
                + " For an exception that is not on the SPDX list, use an AdditionRef-… id.";
    }

    static String notALicense(String token) {
        return "'" + token + "' is not a license; leave the license out when none is recorded.";
    }

    static String malformedRef(String id) {
        return "'" + id + "' is not a well-formed reference; after 'LicenseRef-' (or 'DocumentRef-', 'AdditionRef-') "
                + "use one or more letters, digits, '.' or '-'.";
    }

    /** First word of the text that is neither an operator nor a listed id nor a reference, explained. */
    private static String idProblem(String text) {
        boolean afterWith = false;
        for (String word : text.split("[\\s()]+")) {
            String id = word.replaceAll("\\++$", "");
            if (id.isEmpty()) {
                continue;
            }
            String upper = id.toUpperCase(Locale.ROOT);
            if (OPERATORS.contains(upper) && !OPERATORS.contains(id)) {
                return "Write the operator '" + id + "' as " + upper + " (or all lower-case).";
            }
            String problem = OPERATORS.contains(id) ? null : afterWith ? exceptionProblem(id) : licenseProblem(id);
            if (problem != null) {
                return problem;
            }
            afterWith = "WITH".equals(upper);
        }
        return null;
    }

    private static String licenseProblem(String id) {
        if (NOT_LICENSES.contains(id.toUpperCase(Locale.ROOT))) {
            return notALicense(id);
        }
        if (isReference(id) || SpdxLibrary.listedLicenseId(id).isPresent()) {
            return null;
        }
        if (SpdxLibrary.listedExceptionId(id).isPresent()) {
            return "'" + id + "' is a license exception; attach it to a license with WITH, for example "
                    + "'GPL-2.0-or-later WITH " + SpdxLibrary.listedExceptionId(id).get() + "'.";
        }
        return unknownLicense(id);
    }

    /** Why {@code id} cannot follow WITH, or {@code null} if it can. */
    static String exceptionProblem(String id) {
        if (id.toLowerCase(Locale.ROOT).startsWith("additionref-") || SpdxLibrary.listedExceptionId(id).isPresent()) {
            return null;
        }
        if (isReference(id) || SpdxLibrary.listedLicenseId(id).isPresent()) {
            return "'" + id + "' follows WITH, but WITH takes a license exception (an SPDX exception id or "
                    + "AdditionRef-…), not a license.";
        }
        return unknownException(id);
    }

    private static boolean isReference(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return lower.startsWith("licenseref-") || lower.startsWith("documentref-") || lower.startsWith("additionref-");
    }

    private static String parenthesisProblem(String text) {
        long open = text.chars().filter(c -> c == '(').count();
        long close = text.chars().filter(c -> c == ')').count();
        return open == close ? null
                : "Parentheses in '" + text + "' do not match: " + open + " '(' but " + close + " ')'.";
    }

    /** The library wraps its parser's message; the innermost one says what went wrong. */
    private static String libraryMessage(String text, Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return "'" + text + "' is not a valid SPDX license expression.";
        }
        message = message.replace(" License expression: '" + text + "'", "").replaceAll("\\s+", " ").trim();
        for (Map.Entry<String, String> rewording : REWORDED.entrySet()) {
            if (message.contains(rewording.getKey())) {
                message = rewording.getValue();
            }
        }
        return message.contains(text) ? message
                : "'" + text + "' is not a valid SPDX license expression: " + message;
    }

    private static String didYouMean(List<String> suggestions) {
        return suggestions.isEmpty() ? "." : "; did you mean " + String.join(" or ", suggestions) + "?";
    }
}
