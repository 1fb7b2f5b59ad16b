package org.onlabel.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.onlabel.web.view.CheckView;
import org.onlabel.web.view.DatasetView;
import org.onlabel.web.view.ErrorView;
import org.onlabel.web.view.PublicationView;
import org.onlabel.web.view.ScreeningView;
import org.onlabel.web.view.SearchView;

/** The pages (src/main/resources/templates), checked against these parameters when the service is built. */
@CheckedTemplate
public class Templates {
    public static native TemplateInstance search(Chrome chrome, SearchView view);

    public static native TemplateInstance dataset(Chrome chrome, DatasetView view);

    public static native TemplateInstance check(Chrome chrome, CheckView view);

    public static native TemplateInstance publication(Chrome chrome, PublicationView view);

    public static native TemplateInstance screening(Chrome chrome, ScreeningView view);

    public static native TemplateInstance error(Chrome chrome, ErrorView view);
}
