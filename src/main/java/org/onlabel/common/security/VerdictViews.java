package org.onlabel.common.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The views stored verdicts are kept for. A verdict depends on who looks, because ancestors a caller may not see
 * take no part; a dataset's verdicts are computed for the public view and, only when its lineage holds embargoed
 * datasets, for each organization owning one of them and for admins. A caller reads its most specific view and
 * falls back to the public one, so nothing embargoed reaches a caller outside the owning organization.
 *
 * <p>A caller in several organizations reads the view of the first of them (by name) that has one: when a
 * lineage mixes embargoed datasets of two of its organizations, the verdict is the one a member of only that
 * first organization gets. It never shows more than the caller may see.
 */
public final class VerdictViews {
    public static final String PUBLIC = "";
    public static final String ADMIN = "*";

    private VerdictViews() {
    }

    public static String ofOrganization(String organization) {
        return "org:" + organization;
    }

    /** The views a viewer reads, most specific first, the public view last. */
    public static List<String> forViewer(Viewer viewer) {
        List<String> views = new ArrayList<>();
        if (viewer.seesEverything()) {
            views.add(ADMIN);
        } else {
            new TreeSet<>(viewer.organizations()).forEach(o -> views.add(ofOrganization(o)));
        }
        views.add(PUBLIC);
        return views;
    }

    /** A dataset of a lineage as far as visibility goes. */
    public record Node(boolean embargoed, String organization) {
    }

    /**
     * The views to compute for a dataset, each with the viewer whose eyes it stands for: the public view when the
     * dataset itself is public; admins' and each owning organization's when the lineage (the dataset included)
     * holds embargoed datasets, an organization's only when it may see the dataset itself.
     */
    public static Map<String, Viewer> toCompute(Node root, List<Node> ancestors) {
        Map<String, Viewer> views = new LinkedHashMap<>();
        if (!root.embargoed()) {
            views.put(PUBLIC, new Viewer(false, Set.of()));
        }
        Set<String> owners = new TreeSet<>();
        boolean anyEmbargoed = root.embargoed();
        if (root.embargoed() && root.organization() != null) {
            owners.add(root.organization());
        }
        for (Node n : ancestors) {
            if (n.embargoed()) {
                anyEmbargoed = true;
                if (n.organization() != null) {
                    owners.add(n.organization());
                }
            }
        }
        for (String owner : owners) {
            if (!root.embargoed() || owner.equals(root.organization())) {
                views.put(ofOrganization(owner), new Viewer(false, Set.of(owner)));
            }
        }
        if (anyEmbargoed) {
            views.put(ADMIN, new Viewer(true, Set.of()));
        }
        return views;
    }

    /**
     * {@link #toCompute}, each view with the viewer whose facts it can share: views that see the same datasets of
     * the lineage get equal facts, so one evaluation serves them. The admin view sees every embargoed dataset, an
     * organization's view those of its organization; they see the same when every embargoed dataset of the lineage
     * (the dataset included) belongs to that one organization — the usual case of an embargoed lineage.
     */
    public static Map<String, Viewer> distinctLineages(Node root, List<Node> ancestors) {
        Map<String, Viewer> views = toCompute(root, ancestors);
        List<Node> lineage = new ArrayList<>(ancestors);
        lineage.add(root);
        Set<String> owners = new TreeSet<>();
        boolean unowned = false;
        for (Node n : lineage) {
            if (n.embargoed()) {
                if (n.organization() == null) {
                    unowned = true;
                } else {
                    owners.add(n.organization());
                }
            }
        }
        if (views.containsKey(ADMIN) && !unowned && owners.size() == 1) {
            Viewer organization = views.get(ofOrganization(owners.iterator().next()));
            if (organization != null) {
                views.put(ADMIN, organization);
            }
        }
        return views;
    }
}
