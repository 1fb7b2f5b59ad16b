package org.onlabel.common.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: its items and the cursor of the next page, null on the last. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Cursor for the next page (pass as ?cursor=); null on the last page", nullable = true)
        String next) {
}
