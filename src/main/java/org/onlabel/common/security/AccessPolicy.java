package org.onlabel.common.security;

import java.util.Optional;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/**
 * Who may see and change a dataset. Plain Java so that every rule is unit-tested without a server; the services
 * call it on every operation. An embargoed dataset is invisible (404, never 403) to everyone outside its
 * organization except admins.
 */
public final class AccessPolicy {
    private final boolean anonymousRead;

    public AccessPolicy(boolean anonymousRead) {
        this.anonymousRead = anonymousRead;
    }

    /** Reading anything at all: anonymous callers only when anonymous reads are on. */
    public void requireRead(Caller caller) {
        if (caller.anonymous() && !anonymousRead) {
            throw unauthenticated();
        }
    }

    public boolean canSee(Caller caller, String visibility, String organization) {
        return !"embargoed".equals(visibility) || caller.isAdmin() || caller.belongsTo(organization);
    }

    /**
     * Registering a dataset: curators and pipelines for their own organization, admins for any. Returns the owning
     * organization the dataset gets; a requested organization the caller may not act for is refused.
     */
    public Optional<String> requireCreate(Caller caller, String requestedOrganization) {
        requireAuthenticated(caller);
        if (!caller.hasAnyRole(Role.CURATOR, Role.PIPELINE, Role.ADMIN)) {
            throw forbidden("Registering datasets needs the curator, pipeline or admin role");
        }
        if (caller.isAdmin()) {
            return Optional.ofNullable(requestedOrganization).or(caller::soleOrganization);
        }
        if (caller.organizations().isEmpty()) {
            throw forbidden("Your account belongs to no organization, so it cannot own datasets");
        }
        if (requestedOrganization == null) {
            return Optional.of(caller.soleOrganization().orElseThrow(() -> new ApiException(
                    ProblemType.VALIDATION_FAILED, "You belong to several organizations: name one in 'organization'",
                    java.util.List.of(new org.onlabel.common.error.FieldError("organization", "required: you belong to "
                            + String.join(", ", caller.organizations().stream().sorted().toList()))))));
        }
        if (!caller.belongsTo(requestedOrganization)) {
            throw forbidden("You may register datasets only for your own organization");
        }
        return Optional.of(requestedOrganization);
    }

    /** Changing a dataset the caller can see: curators of its organization and admins. */
    public void requireUpdate(Caller caller, String organization, String requestedOrganization) {
        requireAuthenticated(caller);
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasAnyRole(Role.CURATOR)) {
            throw forbidden("Changing datasets needs the curator or admin role");
        }
        if (!caller.belongsTo(organization)) {
            throw forbidden("Only curators of the owning organization may change this dataset");
        }
        if (requestedOrganization != null && !requestedOrganization.equals(organization)) {
            throw forbidden("Only an admin may move a dataset to another organization");
        }
    }

    /** Administrative changes (license table, vocabularies). */
    public void requireAdmin(Caller caller) {
        requireAuthenticated(caller);
        if (!caller.isAdmin()) {
            throw forbidden("This needs the admin role");
        }
    }

    /** Sending lineage events: pipelines (for their organization) and admins. */
    public void requireLineageIngest(Caller caller) {
        requireAuthenticated(caller);
        if (!caller.hasAnyRole(Role.PIPELINE, Role.ADMIN)) {
            throw forbidden("Sending lineage events needs the pipeline or admin role");
        }
    }

    /** Reading a dataset's audit trail: members of its organization and admins. */
    public void requireAuditRead(Caller caller, String organization) {
        requireAuthenticated(caller);
        if (!caller.isAdmin() && !caller.belongsTo(organization)) {
            throw forbidden("Only the owning organization and admins may read the audit trail");
        }
    }

    /** Registering a dataset's manifest: curators and pipelines of its organization, and admins. */
    public void requireManifestWrite(Caller caller, String organization) {
        requireAuthenticated(caller);
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasAnyRole(Role.CURATOR, Role.PIPELINE) || !caller.belongsTo(organization)) {
            throw forbidden("Only curators and pipelines of the owning organization (or admins) may register its manifest");
        }
    }

    /** Reading a manifest's identifiers: members of the owning organization and admins. */
    public void requireManifestRead(Caller caller, String organization) {
        requireAuthenticated(caller);
        if (!caller.isAdmin() && !caller.belongsTo(organization)) {
            throw forbidden("Only the owning organization and admins may read a manifest");
        }
    }

    public void requireAuthenticated(Caller caller) {
        if (caller.anonymous()) {
            throw unauthenticated();
        }
    }

    private static ApiException unauthenticated() {
        return new ApiException(ProblemType.UNAUTHORIZED, "Send a bearer token from the OnLabel identity provider");
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }
}
