package org.onlabel.web.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onlabel.provenance.Lineage;
import org.onlabel.provenance.LineageEdge;
import org.onlabel.provenance.LineageNode;
import org.onlabel.provenance.PreprocessingStep;

/**
 * What the page draws for a lineage: ELK's layout turned into SVG coordinates, with the dataset of the page marked,
 * status classes for the colours, and the nodes and edges of violation paths highlighted. Plain Java.
 */
public final class LineageDiagram {
    static final int MAX_KEY_CHARS = 36;

    public record DiagramNode(String key, String title, String keyText, long x, long y, long width, long height,
            long textX, long titleY, long keyY, String status, String cssClass, String href, String description) {
    }

    public record DiagramLabel(String text, long x, long y) {
    }

    public record DiagramEdge(String from, String to, String path, String cssClass, String marker, List<DiagramLabel> labels) {
    }

    public record View(String root, long width, long height, List<DiagramNode> nodes, List<DiagramEdge> edges,
            boolean truncated, int highlightedEdges) {
        public boolean isEmpty() {
            return nodes.size() <= 1;
        }
    }

    /** Keys of highlighted nodes and "parent>child" pairs of highlighted edges. */
    public record Highlight(Set<String> nodes, Set<String> edges) {
        public static final Highlight NONE = new Highlight(Set.of(), Set.of());

        /** A finding's path runs from the checked dataset up to the dataset that introduced it. */
        public static Highlight ofPaths(List<List<String>> paths) {
            Set<String> nodes = new HashSet<>();
            Set<String> edges = new HashSet<>();
            for (List<String> path : paths) {
                nodes.addAll(path);
                for (int i = 0; i + 1 < path.size(); i++) {
                    edges.add(path.get(i + 1) + ">" + path.get(i));
                }
            }
            return new Highlight(Set.copyOf(nodes), Set.copyOf(edges));
        }
    }

    private final LineageLayout layout = new LineageLayout();

    public View draw(Lineage lineage, Highlight highlight) {
        List<LineageLayout.Node> nodes = lineage.nodes().stream()
                .map(n -> new LineageLayout.Node(n.key(), n.title())).toList();
        List<LineageLayout.Edge> edges = lineage.edges().stream()
                .map(e -> new LineageLayout.Edge(e.from(), e.to(), stepNames(e))).toList();
        LineageLayout.Result laid = layout.layout(nodes, edges);

        List<DiagramNode> drawn = new ArrayList<>();
        for (LineageNode n : lineage.nodes()) {
            LineageLayout.PlacedNode p = laid.node(n.key());
            String state = n.registered() ? n.status() : "unregistered";
            List<String> classes = new ArrayList<>(List.of("node", "status-" + state));
            if (n.key().equals(lineage.root())) {
                classes.add("root");
            }
            if (highlight.nodes().contains(n.key())) {
                classes.add("violation");
            }
            drawn.add(new DiagramNode(n.key(), p.title(), shortKey(n.key()), round(p.x()), round(p.y()),
                    round(p.width()), round(p.height()), round(p.x() + 10), round(p.y() + 19), round(p.y() + 35),
                    state, String.join(" ", classes), "/datasets/" + n.key(),
                    n.title() + " (" + n.key() + "), " + describe(state)
                            + (n.key().equals(lineage.root()) ? ", this dataset" : "")));
        }
        List<DiagramEdge> drawnEdges = new ArrayList<>();
        int highlighted = 0;
        for (LineageLayout.PlacedEdge e : laid.edges()) {
            boolean hot = highlight.edges().contains(e.from() + ">" + e.to());
            highlighted += hot ? 1 : 0;
            List<DiagramLabel> labels = e.labels().stream()
                    .map(l -> new DiagramLabel(l.text(), round(l.x() + 3), round(l.y() + l.height() - 3))).toList();
            drawnEdges.add(new DiagramEdge(e.from(), e.to(), path(e.points()), hot ? "edge violation" : "edge",
                    "url(#" + (hot ? "arrow-violation-" : "arrow-") + lineage.root() + ")", labels));
        }
        return new View(lineage.root(), round(laid.width()), round(laid.height()), drawn, drawnEdges,
                lineage.truncated(), highlighted);
    }

    static List<String> stepNames(LineageEdge e) {
        return e.steps().stream().map(PreprocessingStep::step).toList();
    }

    static String path(List<LineageLayout.Point> points) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? "M" : " L").append(round(points.get(i).x())).append(' ').append(round(points.get(i).y()));
        }
        return d.toString();
    }

    static String describe(String state) {
        return switch (state) {
            case "unregistered" -> "not registered (seen only by name)";
            case "removed" -> "removed by an administrator";
            default -> state.toLowerCase(Locale.ROOT);
        };
    }

    static String shortKey(String key) {
        return key.length() <= MAX_KEY_CHARS ? key : key.substring(0, MAX_KEY_CHARS - 1) + "…";
    }

    private static long round(double v) {
        return Math.round(v);
    }
}
