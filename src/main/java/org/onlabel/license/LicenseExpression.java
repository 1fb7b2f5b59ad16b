package org.onlabel.license;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A validated SPDX license expression. Every id must be on the SPDX license list bundled with java-spdx-library or be
 * a {@code LicenseRef-…} ({@code DocumentRef-…:LicenseRef-…}); an unlisted id is rejected rather than treated as
 * unknown, because a typo would otherwise silently lose the license's attributes. {@code NONE} and
 * {@code NOASSERTION} are rejected too: a dataset without a license simply has none recorded.
 */
public final class LicenseExpression {
    /**
     * Parsing is a pure function of the text and costs a java-spdx-library model per call, while a catalog repeats
     * a few dozen expressions: valid ones are kept (bounded, least recently used out). Nothing to invalidate, so
     * every replica may keep its own.
     */
    private static final Cache<String, LicenseExpression> PARSED = Caffeine.newBuilder().maximumSize(10_000).build();

    private final LicenseNode root;
    private final Set<String> licenseIds;

    private LicenseExpression(LicenseNode root) {
        this.root = root;
        Set<String> ids = new LinkedHashSet<>();
        collectIds(root, ids);
        this.licenseIds = Collections.unmodifiableSet(ids);
    }

    /**
     * Parses SPDX expression text ({@code AND}, {@code OR}, {@code WITH}, parentheses, {@code +}; operators in upper
     * or lower case; ids case-insensitive).
     *
     * @throws InvalidLicenseExpressionException if the text is empty, malformed or names an unknown id
     */
    public static LicenseExpression parse(String text) {
        if (text == null) {
            return new LicenseExpression(SpdxExpressionParser.parse(null));
        }
        return PARSED.get(text, t -> new LicenseExpression(SpdxExpressionParser.parse(t)));
    }

    public LicenseNode root() {
        return root;
    }

    /**
     * Normalised text: SPDX spelling of ids, upper-case operators, AND / OR operands flattened, de-duplicated and
     * sorted, parentheses only around nested groups. Equal canonical text means the same expression.
     */
    public String canonical() {
        return root.canonical();
    }

    /** Every license id and LicenseRef in the expression (exceptions excluded), in canonical order. */
    public Set<String> licenseIds() {
        return licenseIds;
    }

    private static void collectIds(LicenseNode node, Set<String> ids) {
        if (node instanceof LicenseNode.Single single) {
            ids.add(single.id());
        } else if (node instanceof LicenseNode.With with) {
            ids.add(with.license().id());
        } else if (node instanceof LicenseNode.And and) {
            and.operands().forEach(operand -> collectIds(operand, ids));
        } else if (node instanceof LicenseNode.Or or) {
            or.operands().forEach(operand -> collectIds(operand, ids));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LicenseExpression expression && canonical().equals(expression.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
