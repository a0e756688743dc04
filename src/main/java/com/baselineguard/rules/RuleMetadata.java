package com.baselineguard.rules;

import com.baselineguard.model.ResourceType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a rule is, independent of any resource. {@code id} is stable and never reused; {@code name} is
 * the readable {@code Service.Intent} form. {@code controls} are the control ids of the baseline the
 * rule implements: ASB v1 numbers ({@code 4.4}) of the Azure Cache for Redis baseline (also for Redis
 * Enterprise and Azure Managed Redis), MCSB v1 ids ({@code NS-2}) for Batch. The documentation page {@code docs/rules/<id>.md} carries the same facts, checked by a test.
 */
public record RuleMetadata(
        String id,
        String name,
        ResourceType resourceType,
        Severity severity,
        List<String> controls,
        String synopsis,
        String recommendation,
        FixClass fixClass,
        String precondition) {

    private static final Pattern ID = Pattern.compile("(REDIS|REDISENT|BATCH|BPOOL)-\\d{3}");
    private static final Pattern NAME = Pattern.compile("(Redis|RedisEnterprise|Batch|BatchPool)\\.[A-Z][A-Za-z0-9]+");

    public RuleMetadata {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like REDIS-001 or REDISENT-001: " + id);
        }
        if (!NAME.matcher(name).matches() || name.length() > 35) {
            throw new IllegalArgumentException("rule name must look like Redis.MinTls (at most 35 chars): " + name);
        }
        if (controls.isEmpty()) {
            throw new IllegalArgumentException(id + " names no baseline control");
        }
        controls = List.copyOf(controls);
        precondition = precondition == null ? "" : precondition;
    }

    /** The rule's documentation page, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }
}
