package org.onlabel.dataset;

import java.util.Collection;

/**
 * Brings the stored verdicts of some datasets up to date before a list answers with them (read-your-writes for
 * fitFor and task lists). Implemented by the check slice, which owns verdicts.
 */
public interface VerdictRefresh {
    /** Recomputes, and commits, the verdicts of those of these datasets that are stale. */
    void refresh(Collection<Long> datasetIds);
}
