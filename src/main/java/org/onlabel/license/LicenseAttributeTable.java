package org.onlabel.license;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable attributes per license id (SPDX id or LicenseRef); ids are matched case-insensitively, as SPDX does. */
public final class LicenseAttributeTable {

    private final Map<String, LicenseAttributes> byId;

    /** @throws IllegalArgumentException if two ids differ only in case */
    public LicenseAttributeTable(Map<String, LicenseAttributes> attributesById) {
        Map<String, LicenseAttributes> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributesById.forEach((id, attributes) -> {
            Objects.requireNonNull(id, "license id");
            Objects.requireNonNull(attributes, () -> "attributes of " + id);
            if (copy.putIfAbsent(id, attributes) != null) {
                throw new IllegalArgumentException("License id '" + id + "' is listed twice (ids ignore case)");
            }
        });
        this.byId = Collections.unmodifiableMap(copy);
    }

    public Optional<LicenseAttributes> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }
}
