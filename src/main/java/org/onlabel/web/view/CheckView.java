package org.onlabel.web.view;

import java.util.List;
import org.onlabel.web.lineage.LineageDiagram;

/** The check page: the proposed use as entered (the URL carries all of it) and, once run, the answer with evidence. */
public record CheckView(List<Option> tasks, List<Row> rows, boolean commercial, List<Option> methods, String disease,
        boolean publishesDerivedData, Result result, List<String> errors) {

    public record Row(int number, String dataset, List<Option> roles) {
    }

    public record Result(VerdictBadge badge, String task, String rulesetVersion, List<DatasetAnswer> datasets,
            List<FindingView> findings, List<Diagram> diagrams, String shareHref) {
        public long violations() {
            return findings.stream().filter(f -> f.severity().equals("violation")).count();
        }
    }

    public record DatasetAnswer(String key, String href, String role, VerdictBadge badge) {
    }

    public record Diagram(String key, LineageDiagram.View view) {
    }
}
