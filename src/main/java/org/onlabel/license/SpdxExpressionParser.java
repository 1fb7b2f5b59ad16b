package org.onlabel.license;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.model.v2.ExternalDocumentRef;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.ConjunctiveLicenseSet;
import org.spdx.library.model.v2.license.DisjunctiveLicenseSet;
import org.spdx.library.model.v2.license.ExternalExtractedLicenseInfo;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;
import org.spdx.library.model.v2.license.LicenseSet;
import org.spdx.library.model.v2.license.OrLaterOperator;
import org.spdx.library.model.v2.license.SpdxListedLicense;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;
import org.spdx.library.model.v2.license.SpdxNoneLicense;
import org.spdx.library.model.v2.license.WithExceptionOperator;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Parses with java-spdx-library's SPDX 2 expression parser and turns its model into {@link LicenseNode}s, so no
 * SPDX library type leaves this package-private class.
 */
final class SpdxExpressionParser {

    private static final String DOCUMENT_URI = "https://onlabel.invalid/license-expression";
    private static final String EXTERNAL_NAMESPACE = "https://onlabel.invalid/external-document/";
    private static final Pattern DOCUMENT_REF = Pattern.compile("(?i)\\b(DocumentRef-[^\\s():]+):");
    // The character set java-spdx-library accepts after the prefix (SPDX itself does not allow '_').
    private static final Pattern REF_ID = Pattern.compile("(?i)(LicenseRef|DocumentRef|AdditionRef)-([0-9a-z.\\-_]+)");

    private SpdxExpressionParser() {
    }

    static LicenseNode parse(String text) {
        SpdxLibrary.ensureInitialised();
        if (text == null || text.isBlank()) {
            throw new InvalidLicenseExpressionException(
                    "The license expression is empty; give an SPDX license expression such as 'CC-BY-4.0'.");
        }
        InMemSpdxStore store = new InMemSpdxStore();
        AnyLicenseInfo parsed;
        try {
            declareExternalDocuments(text, store);
            parsed = LicenseInfoFactory.parseSPDXLicenseStringCompatV2(text, store, DOCUMENT_URI, null);
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            throw LicenseExpressionDiagnostics.explain(text, e);
        }
        try {
            return toNode(parsed);
        } catch (InvalidSPDXAnalysisException e) {
            throw new InvalidLicenseExpressionException("Could not read license expression '" + text + "': "
                    + e.getMessage(), e);
        }
    }

    /** The parser resolves DocumentRef-x:LicenseRef-y only against external document references already stored. */
    private static void declareExternalDocuments(String text, InMemSpdxStore store) throws InvalidSPDXAnalysisException {
        Matcher matcher = DOCUMENT_REF.matcher(text);
        while (matcher.find()) {
            String documentRef = matcher.group(1);
            if (!store.exists(DOCUMENT_URI + "#" + documentRef)) {
                new ExternalDocumentRef(store, DOCUMENT_URI, documentRef, null, true)
                        .setSpdxDocumentNamespace(EXTERNAL_NAMESPACE + documentRef);
            }
        }
    }

    private static LicenseNode toNode(AnyLicenseInfo info) throws InvalidSPDXAnalysisException {
        if (info instanceof SpdxListedLicense listed) {
            return new LicenseNode.Single(listed.getLicenseId(), false);
        }
        if (info instanceof ExternalExtractedLicenseInfo external) {
            String documentRef = external.getExternalDocumentId().substring(EXTERNAL_NAMESPACE.length());
            return new LicenseNode.Single(
                    normaliseRef(documentRef) + ":" + normaliseRef(external.getExternalLicenseRef()), false);
        }
        if (info instanceof ExtractedLicenseInfo extracted) {
            return new LicenseNode.Single(normaliseRef(extracted.getLicenseId()), false);
        }
        if (info instanceof OrLaterOperator orLater) {
            if (!(orLater.getLicense() instanceof SpdxListedLicense listed)) {
                throw new InvalidLicenseExpressionException("'+' (or later) applies only to SPDX license ids, not to '"
                        + orLater.getLicense().getLicenseId() + "'.");
            }
            return new LicenseNode.Single(listed.getLicenseId(), true);
        }
        if (info instanceof WithExceptionOperator with) {
            LicenseNode.Single license = (LicenseNode.Single) toNode(with.getLicense());
            return new LicenseNode.With(license, exceptionId(with.getException().getLicenseExceptionId()));
        }
        if (info instanceof ConjunctiveLicenseSet set) {
            return group(set, true);
        }
        if (info instanceof DisjunctiveLicenseSet set) {
            return group(set, false);
        }
        if (info instanceof SpdxNoneLicense || info instanceof SpdxNoAssertionLicense) {
            throw new InvalidLicenseExpressionException(LicenseExpressionDiagnostics.notALicense(info.toString()));
        }
        throw new InvalidLicenseExpressionException("Unsupported license expression element '" + info + "'.");
    }

    /**
     * The library keeps AND / OR operands in an unordered set, so operands are flattened, de-duplicated and sorted to
     * make the canonical text deterministic (both operators are commutative).
     */
    private static LicenseNode group(LicenseSet set, boolean conjunctive) throws InvalidSPDXAnalysisException {
        Map<String, LicenseNode> operands = new LinkedHashMap<>();
        for (AnyLicenseInfo member : set.getMembers()) {
            LicenseNode node = toNode(member);
            List<LicenseNode> flattened;
            if (conjunctive && node instanceof LicenseNode.And and) {
                flattened = and.operands();
            } else if (!conjunctive && node instanceof LicenseNode.Or or) {
                flattened = or.operands();
            } else {
                flattened = List.of(node);
            }
            flattened.forEach(operand -> operands.putIfAbsent(operand.canonical(), operand));
        }
        List<LicenseNode> sorted = new ArrayList<>(operands.values());
        sorted.sort(Comparator.comparing(LicenseNode::canonical, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(LicenseNode::canonical));
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        return conjunctive ? new LicenseNode.And(sorted) : new LicenseNode.Or(sorted);
    }

    private static String exceptionId(String written) {
        Optional<String> listed = SpdxLibrary.listedExceptionId(written);
        if (listed.isPresent()) {
            return listed.get();
        }
        String problem = LicenseExpressionDiagnostics.exceptionProblem(written);
        if (problem != null) {
            throw new InvalidLicenseExpressionException(problem);
        }
        return normaliseRef(written);
    }

    /** Spells the LicenseRef- / DocumentRef- / AdditionRef- prefix the SPDX way and checks what follows it. */
    private static String normaliseRef(String written) {
        Matcher matcher = REF_ID.matcher(written);
        if (!matcher.matches()) {
            throw new InvalidLicenseExpressionException(LicenseExpressionDiagnostics.malformedRef(written));
        }
        String prefix = matcher.group(1).toLowerCase(Locale.ROOT);
        String spelled = switch (prefix) {
            case "licenseref" -> "LicenseRef";
            case "documentref" -> "DocumentRef";
            default -> "AdditionRef";
        };
        return spelled + "-" + matcher.group(2);
    }
}
