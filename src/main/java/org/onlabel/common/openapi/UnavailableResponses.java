package org.onlabel.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Every API operation can answer 503 (the database is gone, or the service is shutting down); declaring it on each
 * resource method would repeat one line a hundred times, so this filter adds it to every operation under /api.
 */
public class UnavailableResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(UnavailableResponses::declare503);
            }
        });
    }

    private static void declare503(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponse("503") == null) {
            operation.getResponses().addAPIResponse("503",
                    OASFactory.createAPIResponse().ref("#/components/responses/ServiceUnavailable"));
        }
    }
}
