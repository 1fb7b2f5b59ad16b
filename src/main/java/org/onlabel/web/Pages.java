package org.onlabel.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.onlabel.common.error.ApiException;
import org.onlabel.web.view.ErrorView;

/** Renders a page, or the error page with the service's status and words when the services refuse. */
final class Pages {
    private Pages() {
    }

    static Response render(PageContext context, Supplier<TemplateInstance> page) {
        return render(context.chrome(), page);
    }

    static Response render(Chrome chrome, Supplier<TemplateInstance> page) {
        try {
            return html(200, page.get().render());
        } catch (ApiException e) {
            ErrorView view = new ErrorView(e.type().status(), e.type().title(), e.getMessage(),
                    e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
            return html(e.type().status(), Templates.error(chrome, view).render());
        }
    }

    static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
