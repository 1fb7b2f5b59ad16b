package org.onlabel.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

class AccessPolicyTest {
    private final AccessPolicy open = new AccessPolicy(true);
    private final AccessPolicy closed = new AccessPolicy(false);

    private static final Caller ANONYMOUS = Caller.anonymousCaller();
    private static final Caller READER = new Caller("dave", Set.of(Role.READER), Set.of(), false);
    private static final Caller ALICE = new Caller("alice", Set.of(Role.CURATOR), Set.of("nyu"), false);
    private static final Caller BOB = new Caller("bob", Set.of(Role.CURATOR), Set.of("upenn"), false);
    private static final Caller PIPELINE = new Caller("pipe", Set.of(Role.PIPELINE), Set.of("nyu"), false);
    private static final Caller JOURNAL = new Caller("journal", Set.of(Role.JOURNAL), Set.of(), false);
    private static final Caller ADMIN = new Caller("carol", Set.of(Role.ADMIN), Set.of(), false);
    private static final Caller TWO_ORGS = new Caller("eve", Set.of(Role.CURATOR), Set.of("nyu", "upenn"), false);
    private static final Caller ORPHAN = new Caller("frank", Set.of(Role.CURATOR), Set.of(), false);

    private static void refused(ThrowingCallable call, ProblemType type) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).type()).isEqualTo(type);
    }

    @Test
    void anonymousReadsFollowTheSwitch() {
        assertThatCode(() -> open.requireRead(ANONYMOUS)).doesNotThrowAnyException();
        refused(() -> closed.requireRead(ANONYMOUS), ProblemType.UNAUTHORIZED);
        assertThatCode(() -> closed.requireRead(READER)).doesNotThrowAnyException();
    }

    @Test
    void embargoedDatasetsAreSeenOnlyByTheirOrganizationAndAdmins() {
        assertThat(open.canSee(ANONYMOUS, "public", "nyu")).isTrue();
        assertThat(open.canSee(ANONYMOUS, "embargoed", "nyu")).isFalse();
        assertThat(open.canSee(BOB, "embargoed", "nyu")).isFalse();
        assertThat(open.canSee(READER, "embargoed", "nyu")).isFalse();
        assertThat(open.canSee(ALICE, "embargoed", "nyu")).isTrue();
        assertThat(open.canSee(PIPELINE, "embargoed", "nyu")).isTrue();
        assertThat(open.canSee(ADMIN, "embargoed", "nyu")).isTrue();
        assertThat(open.canSee(ADMIN, "embargoed", null)).isTrue();
        assertThat(open.canSee(ALICE, "embargoed", null)).isFalse();
    }

    @Test
    void creationTakesTheOrganizationFromTheToken() {
        assertThat(open.requireCreate(ALICE, null)).contains("nyu");
        assertThat(open.requireCreate(ALICE, "nyu")).contains("nyu");
        assertThat(open.requireCreate(PIPELINE, null)).contains("nyu");
        assertThat(open.requireCreate(TWO_ORGS, "upenn")).contains("upenn");
        assertThat(open.requireCreate(ADMIN, "upenn")).contains("upenn");
        assertThat(open.requireCreate(ADMIN, null)).isEmpty();
    }

    @Test
    void creationIsRefusedToOthers() {
        refused(() -> open.requireCreate(ANONYMOUS, null), ProblemType.UNAUTHORIZED);
        refused(() -> open.requireCreate(READER, null), ProblemType.FORBIDDEN);
        refused(() -> open.requireCreate(JOURNAL, null), ProblemType.FORBIDDEN);
        refused(() -> open.requireCreate(BOB, "nyu"), ProblemType.FORBIDDEN);
        refused(() -> open.requireCreate(ORPHAN, null), ProblemType.FORBIDDEN);
        refused(() -> open.requireCreate(TWO_ORGS, null), ProblemType.VALIDATION_FAILED);
    }

    @Test
    void onlyCuratorsOfTheOwnerAndAdminsUpdate() {
        assertThatCode(() -> open.requireUpdate(ALICE, "nyu", null)).doesNotThrowAnyException();
        assertThatCode(() -> open.requireUpdate(ALICE, "nyu", "nyu")).doesNotThrowAnyException();
        assertThatCode(() -> open.requireUpdate(ADMIN, "nyu", "upenn")).doesNotThrowAnyException();
        refused(() -> open.requireUpdate(ANONYMOUS, "nyu", null), ProblemType.UNAUTHORIZED);
        refused(() -> open.requireUpdate(BOB, "nyu", null), ProblemType.FORBIDDEN);
        refused(() -> open.requireUpdate(PIPELINE, "nyu", null), ProblemType.FORBIDDEN);
        refused(() -> open.requireUpdate(READER, "nyu", null), ProblemType.FORBIDDEN);
        refused(() -> open.requireUpdate(ALICE, "nyu", "upenn"), ProblemType.FORBIDDEN);
        refused(() -> open.requireUpdate(ALICE, null, null), ProblemType.FORBIDDEN);
    }

    @Test
    void auditTrailIsForTheOwnerAndAdmins() {
        assertThatCode(() -> open.requireAuditRead(ALICE, "nyu")).doesNotThrowAnyException();
        assertThatCode(() -> open.requireAuditRead(PIPELINE, "nyu")).doesNotThrowAnyException();
        assertThatCode(() -> open.requireAuditRead(ADMIN, "nyu")).doesNotThrowAnyException();
        refused(() -> open.requireAuditRead(ANONYMOUS, "nyu"), ProblemType.UNAUTHORIZED);
        refused(() -> open.requireAuditRead(BOB, "nyu"), ProblemType.FORBIDDEN);
        refused(() -> open.requireAuditRead(READER, "nyu"), ProblemType.FORBIDDEN);
    }
}
