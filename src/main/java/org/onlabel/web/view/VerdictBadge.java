package org.onlabel.web.view;

import java.util.Locale;
import org.onlabel.check.rules.Verdict;

/** A verdict as the pages show it: its name, a CSS class for its colour, and what it means in words. */
public record VerdictBadge(String name, String cssClass, String meaning) {
    public static VerdictBadge of(Verdict verdict) {
        String meaning = switch (verdict) {
            case OFF_LABEL -> "unfit: at least one violation";
            case UNKNOWN -> "a fact this use needs is missing";
            case CAUTION -> "usable with care";
            case ON_LABEL -> "an intended use, nothing found";
        };
        return new VerdictBadge(verdict.name(), "verdict verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'), meaning);
    }
}
