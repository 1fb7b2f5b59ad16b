package org.onlabel.publication;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of publications; its own type so that the OpenAPI schema names the item type. */
@Schema(name = "PublicationPage")
public record PublicationPage(List<PublicationResponse> items,
        @Schema(description = "Cursor of the next page; null on the last", nullable = true) String next) {
}
