package org.onlabel.check.rules;

import java.util.function.Function;

/** The attributes of a license a rule can test. */
enum LicenseAttribute {
    COMMERCIAL_USE("commercialUse", Facts.License::commercialUse, "allows commercial use",
            "does not allow commercial use"),
    DERIVATIVES("derivatives", Facts.License::derivatives, "allows derivatives", "forbids derivatives"),
    SHARE_ALIKE("shareAlike", Facts.License::shareAlike, "is share-alike", "is not share-alike"),
    ATTRIBUTION("attribution", Facts.License::attribution, "requires attribution", "does not require attribution");

    final String id;
    private final Function<Facts.License, Boolean> getter;
    private final String whenTrue;
    private final String whenFalse;

    LicenseAttribute(String id, Function<Facts.License, Boolean> getter, String whenTrue, String whenFalse) {
        this.id = id;
        this.getter = getter;
        this.whenTrue = whenTrue;
        this.whenFalse = whenFalse;
    }

    static LicenseAttribute fromId(String id) {
        for (LicenseAttribute attribute : values()) {
            if (attribute.id.equals(id)) {
                return attribute;
            }
        }
        return null;
    }

    Boolean valueOf(Facts.License license) {
        return getter.apply(license);
    }

    /** E.g. {@code the license 'CC-BY-NC-4.0' of x does not allow commercial use}. */
    String describe(Facts.Node node, boolean value) {
        return licenseOf(node) + " " + (value ? whenTrue : whenFalse);
    }

    /** "allows commercial use" / "does not allow commercial use". */
    String phrase(boolean value) {
        return value ? whenTrue : whenFalse;
    }

    MissingFact missingAt(Facts.Node node) {
        String expression = node.license().expression();
        String license = expression == null ? "its license" : "'" + expression + "'";
        return new MissingFact(FactKind.LICENSE, "whether " + license + " " + whenTrue, Evidence.atNode(node, ""));
    }

    static String licenseOf(Facts.Node node) {
        String expression = node.license().expression();
        return expression == null ? "the license of " + node.key()
                : "the license '" + expression + "' of " + node.key();
    }
}
