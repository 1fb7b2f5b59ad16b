package org.onlabel.license;

/**
 * Fired synchronously, inside the transaction of the write, when a license record's attributes change: stored
 * verdicts of datasets whose lineage uses the license are then marked stale in the same transaction.
 */
public record LicenseRecordChanged(String licenseId) {
}
