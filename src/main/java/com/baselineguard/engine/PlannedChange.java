package com.baselineguard.engine;

import com.baselineguard.rules.Change;
import com.google.gson.JsonElement;

/**
 * One change a plan step makes, with the rule that asked for it: the audit trail's before/after.
 */
public record PlannedChange(String ruleId, Change change) {

    /** Dotted property path, or the extension resource's id below the resource. */
    public String property() {
        return change.target();
    }

    /** The value before (null: not set). */
    public JsonElement before() {
        return change.before();
    }

    public JsonElement after() {
        return change.after();
    }
}
