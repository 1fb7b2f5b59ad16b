package org.onlabel.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.common.paging.Page;

/** A page of audit events; its own type so that the OpenAPI schema names the item type. */
@Schema(name = "AuditPage")
public record AuditPage(List<AuditEventResponse> items,
        @Schema(description = "Cursor of the next page; null on the last", nullable = true) String next) {

    public static AuditPage of(Page<AuditEventResponse> page) {
        return new AuditPage(page.items(), page.next());
    }
}
