package org.onlabel.license;

import java.util.List;
import java.util.Optional;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;

/**
 * The one place that initialises java-spdx-library and answers look-ups against the SPDX license list bundled in its
 * jar. The library never goes to the network through this class.
 */
final class SpdxLibrary {

    /**
     * Read by {@code ListedLicenses} (java-spdx-library 2.0.0) when its singleton is created: {@code true} makes it use
     * the license list bundled in the jar instead of downloading https://spdx.org/licenses/licenses.json. The
     * {@code org.spdx.useJARLicenseInfoOnly} name that its log message and sample properties file mention is not read
     * by 2.0.0.
     */
    static final String ONLY_USE_LOCAL_LICENSES = "SPDXParser.OnlyUseLocalLicenses";

    private static volatile boolean initialised;

    private SpdxLibrary() {
    }

    static void ensureInitialised() {
        if (!initialised) {
            initialise();
        }
    }

    private static synchronized void initialise() {
        if (initialised) {
            return;
        }
        System.setProperty(ONLY_USE_LOCAL_LICENSES, "true");
        SpdxModelFactory.init();
        // Recreates the listed-license singleton so the property applies even if something created it earlier.
        ListedLicenses.resetListedLicenses();
        initialised = true;
    }

    static Optional<String> listedLicenseId(String id) {
        ensureInitialised();
        return LicenseInfoFactory.isSpdxListedLicenseId(id) ? LicenseInfoFactory.listedLicenseIdCaseSensitive(id)
                : Optional.empty();
    }

    static Optional<String> listedExceptionId(String id) {
        ensureInitialised();
        return LicenseInfoFactory.isSpdxListedExceptionId(id) ? LicenseInfoFactory.listedExceptionIdCaseSensitive(id)
                : Optional.empty();
    }

    static List<String> listedLicenseIds() {
        ensureInitialised();
        return LicenseInfoFactory.getSpdxListedLicenseIds();
    }

    static List<String> listedExceptionIds() {
        ensureInitialised();
        return ListedLicenses.getListedLicenses().getSpdxListedExceptionIds();
    }

    static String licenseListVersion() {
        ensureInitialised();
        return LicenseInfoFactory.getLicenseListVersion();
    }
}
