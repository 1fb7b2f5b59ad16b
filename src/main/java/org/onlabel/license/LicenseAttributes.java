package org.onlabel.license;

/**
 * What a license allows or requires; each value is {@code null} when unknown.
 *
 * @param commercialUse commercial use is allowed
 * @param derivatives derived works may be made and shared
 * @param shareAlike derived works must carry the same license
 * @param attribution the source must be credited
 */
public record LicenseAttributes(Boolean commercialUse, Boolean derivatives, Boolean shareAlike, Boolean attribution) {

    public static final LicenseAttributes UNKNOWN = new LicenseAttributes(null, null, null, null);
}
