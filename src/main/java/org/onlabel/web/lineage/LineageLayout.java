package org.onlabel.web.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a lineage DAG out left to right with the Eclipse Layout Kernel's layered (Sugiyama) algorithm: every
 * derivation edge points right, so sources stand on the left and each dataset right of all its parents. Node and
 * label sizes are estimated from their text (the page's font is fixed), which is all ELK needs. Plain Java.
 */
public final class LineageLayout {
    /** Estimated advance of one character at the diagram's font sizes, in px. */
    static final double TITLE_CHAR = 7.6;
    static final double KEY_CHAR = 6.4;
    static final double LABEL_CHAR = 6.2;
    static final double LABEL_HEIGHT = 14;
    static final double NODE_HEIGHT = 44;
    static final double MIN_NODE_WIDTH = 110;
    static final double MAX_NODE_WIDTH = 280;
    static final int MAX_TITLE_CHARS = 34;
    static final int MAX_STEP_LABELS = 4;

    static {
        // ELK would look its option providers up with a ServiceLoader; under Quarkus' test class loaders that finds
        // copies of its classes from another loader ("not a subtype"). So it is given a loader that finds none, and
        // the one algorithm used here is registered directly (ELK's core options it registers by itself).
        LayoutMetaDataService service = LayoutMetaDataService.getInstance(new ClassLoader(null) {
        });
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
    }

    public record Node(String key, String title) {
    }

    public record Edge(String from, String to, List<String> labels) {
        public Edge {
            labels = List.copyOf(labels);
        }
    }

    public record Point(double x, double y) {
    }

    public record PlacedNode(String key, String title, double x, double y, double width, double height) {
        public boolean overlaps(PlacedNode other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }

    public record PlacedLabel(String text, double x, double y, double width, double height) {
    }

    public record PlacedEdge(String from, String to, List<Point> points, List<PlacedLabel> labels) {
    }

    public record Result(double width, double height, List<PlacedNode> nodes, List<PlacedEdge> edges) {
        public PlacedNode node(String key) {
            return nodes.stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow();
        }
    }

    public Result layout(List<Node> nodes, List<Edge> edges) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 3.0);
        graph.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 1.0);
        Map<String, ElkNode> byKey = new HashMap<>();
        for (Node n : nodes) {
            ElkNode elk = ElkGraphUtil.createNode(graph);
            elk.setIdentifier(n.key());
            elk.setDimensions(nodeWidth(n), NODE_HEIGHT);
            byKey.put(n.key(), elk);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        List<Edge> kept = new ArrayList<>();
        for (Edge e : edges) {
            ElkNode from = byKey.get(e.from());
            ElkNode to = byKey.get(e.to());
            if (from == null || to == null || from == to) {
                continue;
            }
            ElkEdge elk = ElkGraphUtil.createSimpleEdge(from, to);
            for (String text : edgeLabels(e.labels())) {
                ElkLabel label = ElkGraphUtil.createLabel(text, elk);
                label.setDimensions(text.length() * LABEL_CHAR + 6, LABEL_HEIGHT);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            elkEdges.add(elk);
            kept.add(e);
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        List<PlacedNode> placed = new ArrayList<>();
        for (Node n : nodes) {
            ElkNode elk = byKey.get(n.key());
            placed.add(new PlacedNode(n.key(), shortTitle(n.title()), elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight()));
        }
        List<PlacedEdge> placedEdges = new ArrayList<>();
        for (int i = 0; i < elkEdges.size(); i++) {
            ElkEdge elk = elkEdges.get(i);
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection section : elk.getSections()) {
                points.add(new Point(section.getStartX(), section.getStartY()));
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new Point(bend.getX(), bend.getY()));
                }
                points.add(new Point(section.getEndX(), section.getEndY()));
            }
            List<PlacedLabel> labels = new ArrayList<>();
            for (ElkLabel l : elk.getLabels()) {
                labels.add(new PlacedLabel(l.getText(), l.getX(), l.getY(), l.getWidth(), l.getHeight()));
            }
            placedEdges.add(new PlacedEdge(kept.get(i).from(), kept.get(i).to(), points, labels));
        }
        return new Result(graph.getWidth(), graph.getHeight(), placed, placedEdges);
    }

    /** Steps shown on an edge: the first few, then how many more (the timeline lists them all). */
    static List<String> edgeLabels(List<String> steps) {
        if (steps.size() <= MAX_STEP_LABELS) {
            return steps;
        }
        List<String> shown = new ArrayList<>(steps.subList(0, MAX_STEP_LABELS - 1));
        shown.add("+ " + (steps.size() - MAX_STEP_LABELS + 1) + " more steps");
        return shown;
    }

    static String shortTitle(String title) {
        String t = title == null ? "" : title;
        return t.length() <= MAX_TITLE_CHARS ? t : t.substring(0, MAX_TITLE_CHARS - 1) + "…";
    }

    static double nodeWidth(Node n) {
        double text = Math.max(shortTitle(n.title()).length() * TITLE_CHAR, n.key().length() * KEY_CHAR) + 20;
        return Math.max(MIN_NODE_WIDTH, Math.min(MAX_NODE_WIDTH, text));
    }
}
