package org.onlabel.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onlabel.common.paging.Cursor;
import org.onlabel.common.paging.Page;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetQuery;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.dataset.DatasetService;
import org.onlabel.dataset.IntendedUse;
import org.onlabel.vocabulary.Vocabularies;
import org.onlabel.web.view.Option;
import org.onlabel.web.view.SearchView;
import org.onlabel.web.view.VerdictBadge;
import org.onlabel.check.rules.Verdict;

/** The search page's content, from the catalog list the API serves (same filters, same visibility). */
@ApplicationScoped
public class SearchModel {
    static final int PAGE_SIZE = 20;

    private final DatasetService datasets;
    private final Vocabularies vocabularies;

    public SearchModel(DatasetService datasets, Vocabularies vocabularies) {
        this.datasets = datasets;
        this.vocabularies = vocabularies;
    }

    /** The filters of the search form; blank means not filtered. */
    public record Filters(String q, String modality, String anatomy, String task, String license, String status,
            String fitFor) {
        Map<String, String> asParams() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("modality", modality);
            params.put("anatomy", anatomy);
            params.put("task", task);
            params.put("license", license);
            params.put("status", status);
            params.put("fitFor", fitFor);
            params.values().removeIf(v -> v == null || v.isBlank());
            return params;
        }
    }

    public SearchView search(Caller caller, Filters filters, String cursor) {
        DatasetQuery query = new DatasetQuery(present(filters.q()), present(filters.modality()), present(filters.anatomy()),
                present(filters.task()), present(filters.license()), present(filters.status()), Optional.empty(),
                Cursor.decode(present(cursor).orElse(null)), PAGE_SIZE).withFitFor(present(filters.fitFor()));
        Page<DatasetResponse> page = datasets.list(caller, query);
        List<SearchView.Row> rows = page.items().stream().map(SearchModel::row).toList();
        Map<String, String> params = filters.asParams();
        String next = page.next() == null ? null : href(params, page.next());
        String first = present(cursor).isPresent() ? href(params, null) : null;
        return new SearchView(blankToNull(filters.q()), blankToNull(filters.anatomy()), blankToNull(filters.license()),
                Option.of(vocabularies.require(Vocabularies.MODALITIES), filters.modality()),
                Option.of(vocabularies.require(Vocabularies.TASKS), filters.task()),
                Option.of(vocabularies.require(Vocabularies.DATASET_STATUSES), filters.status()),
                rows, next, first, !params.isEmpty(),
                Option.of(vocabularies.require(Vocabularies.TASKS), filters.fitFor()),
                query.verdictTask().orElse(null));
    }

    static SearchView.Row row(DatasetResponse d) {
        return new SearchView.Row(d.key(), d.title(), "/datasets/" + d.key(), d.status(), "status status-" + d.status(),
                d.organization() == null ? "no organization" : d.organization(),
                d.license() == null ? "no license recorded" : d.license(),
                String.join(", ", d.modalities()), String.join(", ", d.anatomy()), "embargoed".equals(d.visibility()),
                String.join(", ", d.intendedUses().stream().map(IntendedUse::task).toList()),
                d.verdict() == null ? null : VerdictBadge.of(Verdict.valueOf(d.verdict())));
    }

    static String href(Map<String, String> params, String cursor) {
        StringBuilder href = new StringBuilder("/");
        String sep = "?";
        Map<String, String> all = new LinkedHashMap<>(params);
        if (cursor != null) {
            all.put("cursor", cursor);
        }
        for (var e : all.entrySet()) {
            href.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return href.toString();
    }

    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static String blankToNull(String value) {
        return present(value).orElse(null);
    }
}
