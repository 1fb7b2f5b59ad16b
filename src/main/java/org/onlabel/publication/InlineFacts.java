package org.onlabel.publication;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.check.rules.Facts;

/**
 * The facts of a dataset that is described, not registered: its own facts as a node on top of its registered
 * parents' facts, exactly as the catalog would assemble them for a registered dataset with the same description
 * (lineage: itself, then every ancestor once with its shortest path; history: the parents' effective histories,
 * each ancestor's steps once, then its own steps). Plain Java: nothing here touches the database.
 */
public final class InlineFacts {
    private InlineFacts() {
    }

    /** What the inline dataset itself says. */
    public record Own(String key, String title, Facts.Representation representation, List<String> modalities,
            Facts.License license, List<Facts.DataUse> dataUse, List<Facts.Contraindication> contraindications,
            List<String> intendedUses, List<String> parents, List<Step> steps) {
    }

    public record Step(String step, Map<String, Object> parameters) {
    }

    public static Facts.Dataset of(Own own, List<Facts.Dataset> parents) {
        String key = own.key();
        Map<String, Facts.Node> nodes = new LinkedHashMap<>();
        nodes.put(key, new Facts.Node(key, List.of(key), own.parents(), true, "active", own.license(), own.dataUse(),
                own.contraindications(), List.of(), List.of(), own.title(), own.modalities()));
        for (Facts.Dataset parent : parents) {
            for (Facts.Node n : parent.lineage()) {
                List<String> path = prefixed(key, n.path());
                Facts.Node known = nodes.get(n.key());
                if (known == null || known.path().size() > path.size()) {
                    nodes.put(n.key(), new Facts.Node(n.key(), path, n.parents(), n.registered(), n.status(), n.license(),
                            n.dataUse(), n.contraindications(), n.vendors(), n.sites(), n.title(), n.modalities()));
                }
            }
        }
        List<Facts.HistoryStep> history = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Facts.Dataset parent : parents) {
            for (Facts.HistoryStep s : parent.history()) {
                if (seen.add(s.dataset() + "#" + s.index())) {
                    Facts.Node node = nodes.get(s.dataset());
                    List<String> path = node != null ? node.path() : prefixed(key, s.path());
                    history.add(new Facts.HistoryStep(s.dataset(), s.index(), s.step(), s.parameters(), path));
                }
            }
        }
        for (int i = 0; i < own.steps().size(); i++) {
            Step step = own.steps().get(i);
            history.add(new Facts.HistoryStep(key, i, step.step(), step.parameters(), List.of(key)));
        }
        return new Facts.Dataset(key, own.representation(), own.intendedUses(), history, List.copyOf(nodes.values()));
    }

    private static List<String> prefixed(String key, List<String> path) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.add(key);
        out.addAll(path);
        return out;
    }
}
