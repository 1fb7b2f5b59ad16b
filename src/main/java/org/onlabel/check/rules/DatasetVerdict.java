package org.onlabel.check.rules;

public record DatasetVerdict(String key, String role, Verdict verdict) {
}
