package org.onlabel.web.view;

import java.util.List;

/** A page that could not be shown: the status, a title and what went wrong, in words. */
public record ErrorView(int status, String title, String detail, List<String> errors) {
}
