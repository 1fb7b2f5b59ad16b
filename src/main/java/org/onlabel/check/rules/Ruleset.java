package org.onlabel.check.rules;

import java.util.List;

public record Ruleset(String version, List<Rule> rules) {
    public Ruleset {
        rules = List.copyOf(rules);
    }
}
