package org.onlabel.common.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Rules every operation of the contract follows, applied to the generated document so that operations added later
 * follow them too:
 * <ul>
 * <li>security per operation: reads (GET) allow anonymous callers unless the operation names its own requirement;
 * every other operation needs a bearer token unless it declares otherwise;</li>
 * <li>400 (a malformed path, Host or body) and 422 (a query value with control characters) on every operation,
 * 414 and 431 (request line or headers over the HTTP layer's limits) and 503 (the database is gone, or the service
 * is shutting down) on every operation, 413 and 415 on every operation with a body;</li>
 * <li>schemas used only in responses list every property as required: the service always writes every field of
 * them (null included, which such properties declare as a type);</li>
 * <li>a {@code $ref} stands alone (no {@code type} beside it, nor beside a nullable reference's {@code anyOf}).</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setSecurity(null);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(this::applyRules);
        }
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        schemas.values().forEach(ContractFilter::dropTypeBesideRef);
        Set<String> inRequests = reachable(schemas, requestRoots(openAPI));
        Set<String> inResponses = reachable(schemas, responseRoots(openAPI));
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            if (inRequests.contains(name) || schema == null || schema.getProperties() == null
                    || (schema.getRequired() != null && !schema.getRequired().isEmpty())) {
                continue;
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    private void applyRules(PathItem item) {
        if (item.getOperations() == null) {
            return;
        }
        item.getOperations().forEach((method, operation) -> {
            if (operation.getSecurity() == null) {
                List<SecurityRequirement> security = new ArrayList<>();
                if (method == PathItem.HttpMethod.GET) {
                    security.add(OASFactory.createSecurityRequirement());
                }
                security.add(OASFactory.createSecurityRequirement().addScheme("bearer"));
                operation.setSecurity(security);
            }
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                return;
            }
            addIfAbsent(responses, "400", "BadRequest");
            addIfAbsent(responses, "422", "ValidationFailed");
            addIfAbsent(responses, "414", "UriTooLong");
            addIfAbsent(responses, "431", "HeadersTooLarge");
            addIfAbsent(responses, "503", "ServiceUnavailable");
            if (operation.getRequestBody() != null) {
                addIfAbsent(responses, "413", "PayloadTooLarge");
                addIfAbsent(responses, "415", "UnsupportedMediaType");
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String status, String ref) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(ref));
        }
    }

    private static void dropTypeBesideRef(Schema schema) {
        walk(schema, s -> {
            if (s.getRef() != null && s.getType() != null) {
                s.setType(null);
                s.setFormat(null);
            }
            // a nullable reference is "anyOf: [$ref, null]"; a type beside it would refuse the null
            if (s.getAnyOf() != null && s.getType() != null && s.getAnyOf().stream().anyMatch(ContractFilter::isNullType)) {
                s.setType(null);
            }
        });
    }

    private static boolean isNullType(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private interface Visitor {
        void visit(Schema schema);
    }

    private static void walk(Schema root, Visitor visitor) {
        Deque<Schema> todo = new ArrayDeque<>();
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.push(root);
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s == null || !seen.add(s)) {
                continue;
            }
            visitor.visit(s);
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::push);
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> list : new ArrayList<>(java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf()))) {
                if (list != null) {
                    list.forEach(todo::push);
                }
            }
        }
    }

    private static List<Schema> requestRoots(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        operations(openAPI).forEach(op -> {
            if (op.getRequestBody() != null) {
                addContent(op.getRequestBody().getContent(), roots);
            }
        });
        return roots;
    }

    private static List<Schema> responseRoots(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        operations(openAPI).forEach(op -> {
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                    addContent(response.getContent(), roots);
                }
            }
        });
        if (openAPI.getComponents() != null && openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> addContent(r.getContent(), roots));
        }
        return roots;
    }

    private static List<Operation> operations(OpenAPI openAPI) {
        List<Operation> all = new ArrayList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    all.addAll(item.getOperations().values());
                }
            });
        }
        return all;
    }

    private static void addContent(Content content, List<Schema> roots) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> {
                if (m.getSchema() != null) {
                    roots.add(m.getSchema());
                }
            });
        }
    }

    /** Names of the component schemas reachable from the roots through $refs. */
    private static Set<String> reachable(Map<String, Schema> schemas, List<Schema> roots) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            walk(todo.pop(), s -> {
                if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                    String name = s.getRef().substring(SCHEMAS.length());
                    if (names.add(name) && schemas.get(name) != null) {
                        todo.push(schemas.get(name));
                    }
                }
            });
        }
        return names;
    }
}
