package org.onlabel.dataset;

import java.util.List;
import org.onlabel.common.security.Caller;

/**
 * Reviews a dataset right after it was written, inside the writing transaction, as the writer sees it. Implemented
 * by the check slice (which depends on this one), so the dataset slice needs no rule engine of its own.
 */
public interface RegistrationReview {
    List<RegistrationWarning> review(Caller caller, String key);
}
