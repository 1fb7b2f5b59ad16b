package org.onlabel.interop;

import java.util.ArrayList;
import java.util.List;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseExpression;

/** The single licenses of an SPDX expression, each with its SPDX page when it is on the SPDX list. */
public final class LicenseLinks {
    private LicenseLinks() {
    }

    public record Link(String id, String url) {
    }

    public static List<Link> of(String expression) {
        List<Link> out = new ArrayList<>();
        if (expression == null || expression.isBlank()) {
            return out;
        }
        try {
            for (String id : LicenseExpression.parse(expression).licenseIds()) {
                out.add(new Link(id, id.startsWith("LicenseRef-") ? null : "https://spdx.org/licenses/" + id + ".html"));
            }
        } catch (InvalidLicenseExpressionException storedBeforeValidation) {
            out.add(new Link(expression, null));
        }
        return out;
    }
}
