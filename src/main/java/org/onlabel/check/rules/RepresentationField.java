package org.onlabel.check.rules;

import java.util.function.Function;

/** The fields of {@link Facts.Representation} a rule can test, with how a radiologist reads them. */
enum RepresentationField {
    DOMAIN("domain", Facts.Representation::domain, "domain (k-space or image)"),
    COMPLEX("complex", Facts.Representation::complex, "whether the data are complex-valued or magnitude-only"),
    COILS("coils", Facts.Representation::coils, "coils (multi, single or combined)"),
    COMPRESSION("compression", Facts.Representation::compression, "compression (none, lossless or lossy)"),
    BIT_DEPTH("bitDepth", Facts.Representation::bitDepth, "bit depth");

    final String id;
    final Function<Facts.Representation, Object> getter;
    final String missingPhrase;

    RepresentationField(String id, Function<Facts.Representation, Object> getter, String missingPhrase) {
        this.id = id;
        this.getter = getter;
        this.missingPhrase = missingPhrase;
    }

    static RepresentationField fromId(String id) {
        for (RepresentationField field : values()) {
            if (field.id.equals(id)) {
                return field;
            }
        }
        return null;
    }

    Object valueOf(Facts.Representation representation) {
        return representation == null ? null : getter.apply(representation);
    }

    String describe(Object value) {
        if (this == COMPLEX) {
            return Boolean.TRUE.equals(value) ? "recorded as complex-valued"
                    : "recorded as magnitude-only (not complex-valued)";
        }
        return "recorded " + (this == BIT_DEPTH ? "bit depth" : id) + ": " + value;
    }
}
