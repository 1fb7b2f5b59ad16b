package org.onlabel.license;

/** A license expression that is not valid SPDX or names a license or exception that is not known. */
public class InvalidLicenseExpressionException extends RuntimeException {

    public InvalidLicenseExpressionException(String message) {
        super(message);
    }

    public InvalidLicenseExpressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
