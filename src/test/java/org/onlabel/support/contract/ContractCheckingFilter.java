package org.onlabel.support.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;

/** A RestAssured filter that fails the test when a response breaks the contract ({@link ResponseContract}). */
public final class ContractCheckingFilter implements Filter {
    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        Response answer = ctx.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        String decoded = URI.create(request.getURI()).getPath();
        List<String> violations = ResponseContract.violations(request.getMethod(), decoded == null ? path : decoded,
                answer.statusCode(), answer::header, answer.asString());
        if (!violations.isEmpty()) {
            throw new AssertionError("The response breaks openapi/openapi.yaml:\n  " + String.join("\n  ", violations));
        }
        return answer;
    }
}
