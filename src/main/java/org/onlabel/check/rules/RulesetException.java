package org.onlabel.check.rules;

/** The ruleset file is unusable; the message names the rule and the problem. */
public class RulesetException extends RuntimeException {
    public RulesetException(String message) {
        super(message);
    }

    public RulesetException(String message, Throwable cause) {
        super(message, cause);
    }
}
