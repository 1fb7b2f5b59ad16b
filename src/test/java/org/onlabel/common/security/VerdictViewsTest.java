package org.onlabel.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictViewsTest {
    private static final VerdictViews.Node PUBLIC = new VerdictViews.Node(false, "nyu");

    @Test
    void aLineageWithoutEmbargoedDatasetsHasOnlyThePublicView() {
        var views = VerdictViews.toCompute(PUBLIC, List.of());
        assertThat(views).containsOnlyKeys(VerdictViews.PUBLIC);
        assertThat(views.get(VerdictViews.PUBLIC)).isEqualTo(new Viewer(false, Set.of()));
    }

    @Test
    void embargoedAncestorsAddTheirOwnersViewsAndTheAdminsView() {
        var views = VerdictViews.toCompute(PUBLIC, List.of(new VerdictViews.Node(true, "upenn"),
                new VerdictViews.Node(true, "nyu"), new VerdictViews.Node(true, "upenn")));
        assertThat(views.keySet()).containsExactly("", "org:nyu", "org:upenn", "*");
        assertThat(views.get("org:upenn")).isEqualTo(new Viewer(false, Set.of("upenn")));
        assertThat(views.get("*").seesEverything()).isTrue();
    }

    @Test
    void anEmbargoedDatasetHasNoPublicViewAndNoViewForOrganizationsThatCannotSeeIt() {
        var views = VerdictViews.toCompute(new VerdictViews.Node(true, "nyu"),
                List.of(new VerdictViews.Node(true, "upenn")));
        assertThat(views.keySet()).containsExactly("org:nyu", "*");
    }

    @Test
    void anEmbargoedAncestorWithoutOwnerIsSeenOnlyByAdmins() {
        assertThat(VerdictViews.toCompute(PUBLIC, List.of(new VerdictViews.Node(true, null))).keySet())
                .containsExactly("", "*");
    }

    @Test
    void callersReadTheirMostSpecificViewFirstAndThePublicOneLast() {
        assertThat(VerdictViews.forViewer(new Viewer(false, Set.of()))).containsExactly("");
        assertThat(VerdictViews.forViewer(new Viewer(true, Set.of("nyu")))).containsExactly("*", "");
        assertThat(VerdictViews.forViewer(new Viewer(false, Set.of("upenn", "nyu"))))
                .containsExactly("org:nyu", "org:upenn", "");
    }

    @Test
    void adminsShareTheOrganizationsEvaluationWhenEveryEmbargoedDatasetIsThatOrganizations() {
        var nyu = new VerdictViews.Node(true, "nyu");
        var shared = VerdictViews.distinctLineages(PUBLIC, List.of(nyu, nyu));
        assertThat(shared.keySet()).containsExactly("", "org:nyu", "*");
        assertThat(shared.get("*")).isSameAs(shared.get("org:nyu")).isEqualTo(new Viewer(false, Set.of("nyu")));
        assertThat(VerdictViews.distinctLineages(nyu, List.of()).get("*")).isEqualTo(new Viewer(false, Set.of("nyu")));
    }

    @Test
    void adminsKeepTheirOwnEvaluationWhenTheySeeMoreThanAnyOrganization() {
        var mixed = VerdictViews.distinctLineages(PUBLIC, List.of(new VerdictViews.Node(true, "nyu"),
                new VerdictViews.Node(true, "upenn")));
        assertThat(mixed.get("*").seesEverything()).isTrue();
        var unowned = VerdictViews.distinctLineages(PUBLIC, List.of(new VerdictViews.Node(true, "nyu"),
                new VerdictViews.Node(true, null)));
        assertThat(unowned.get("*").seesEverything()).as("an embargoed dataset without owner").isTrue();
        var otherOwner = VerdictViews.distinctLineages(new VerdictViews.Node(true, "nyu"),
                List.of(new VerdictViews.Node(true, "upenn")));
        assertThat(otherOwner.get("*").seesEverything()).isTrue();
        assertThat(VerdictViews.distinctLineages(PUBLIC, List.of())).isEqualTo(VerdictViews.toCompute(PUBLIC, List.of()));
    }
}
