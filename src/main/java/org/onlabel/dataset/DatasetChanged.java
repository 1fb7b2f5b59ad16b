package org.onlabel.dataset;

/**
 * Fired synchronously, inside the transaction of the write, when a dataset's facts change (created, updated,
 * retracted, deprecated, removed, a stub registered): observers that keep derived data, such as the stored
 * verdicts of the dataset and its descendants, mark them stale in the same transaction, so a rolled-back write
 * marks nothing.
 */
public record DatasetChanged(long datasetId, boolean created) {
}
