package org.onlabel.web.view;

import java.util.List;

/** The search page: the filters as submitted, their choices, one page of results and the links to move on. */
public record SearchView(String q, String anatomy, String license, List<Option> modalities, List<Option> tasks,
        List<Option> statuses, List<Row> rows, String nextHref, String firstHref, boolean filtered,
        List<Option> fitForTasks, String verdictTask) {

    /** {@code verdict} is the row's verdict for {@link #verdictTask} (fit for, else intended task), or null. */
    public record Row(String key, String title, String href, String status, String statusClass, String owner,
            String license, String modalities, String anatomy, boolean embargoed, String intendedUses,
            VerdictBadge verdict) {
    }
}
