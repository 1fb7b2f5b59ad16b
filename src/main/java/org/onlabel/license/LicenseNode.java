package org.onlabel.license;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Immutable syntax tree of a parsed {@link LicenseExpression}. */
public sealed interface LicenseNode permits LicenseNode.Single, LicenseNode.With, LicenseNode.And, LicenseNode.Or {

    /** Normalised SPDX text of this node, with parentheses around nested AND / OR groups. */
    String canonical();

    /** An SPDX license id or a LicenseRef ({@code DocumentRef-x:LicenseRef-y} included); {@code orLater} is "+". */
    record Single(String id, boolean orLater) implements LicenseNode {
        public Single {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String canonical() {
            return orLater ? id + "+" : id;
        }
    }

    /** A license with an SPDX license exception (or AdditionRef) attached. */
    record With(Single license, String exception) implements LicenseNode {
        public With {
            Objects.requireNonNull(license, "license");
            Objects.requireNonNull(exception, "exception");
        }

        @Override
        public String canonical() {
            return license.canonical() + " WITH " + exception;
        }
    }

    /** All operands apply. */
    record And(List<LicenseNode> operands) implements LicenseNode {
        public And {
            operands = requireAtLeastTwo(operands);
        }

        @Override
        public String canonical() {
            return join(operands, " AND ");
        }
    }

    /** The user chooses one operand. */
    record Or(List<LicenseNode> operands) implements LicenseNode {
        public Or {
            operands = requireAtLeastTwo(operands);
        }

        @Override
        public String canonical() {
            return join(operands, " OR ");
        }
    }

    private static List<LicenseNode> requireAtLeastTwo(List<LicenseNode> operands) {
        List<LicenseNode> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("AND / OR need at least two operands, got " + copy);
        }
        return copy;
    }

    private static String join(List<LicenseNode> operands, String operator) {
        return operands.stream()
                .map(operand -> operand instanceof And || operand instanceof Or
                        ? "(" + operand.canonical() + ")"
                        : operand.canonical())
                .collect(Collectors.joining(operator));
    }
}
