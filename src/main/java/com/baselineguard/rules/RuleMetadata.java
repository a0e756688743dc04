package com.baselineguard.rules;

import com.baselineguard.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, independent of any resource. {@code id} is stable and never reused; {@code name} is
 * the readable {@code Service.Intent} form. {@code controls} are the control ids of the baseline the
 * rule implements: ASB v1 numbers ({@code 4.4}) of the Azure Cache for Redis baseline (also for Redis
 * Enterprise and Azure Managed Redis), MCSB v1 ids ({@code NS-2}) for Batch. The documentation page
 * {@code docs/rules/<id>.md} carries the same facts, checked by a test.
 *
 * <p>Built by name, so that no two strings can trade places unnoticed:
 * <pre>{@code
 * RuleMetadata.rule("REDIS-007", "Redis.MinTls")
 *         .resourceType(ResourceType.REDIS)
 *         .severity(Severity.MEDIUM)
 *         .controls("4.4")
 *         .synopsis("Azure Cache for Redis should require TLS 1.2 as the minimum TLS version.")
 *         .recommendation("Set minimumTlsVersion to 1.2; ...")
 *         .fixClass(FixClass.SAFE)
 *         .build();
 * }</pre>
 * {@code precondition} is optional (none by default); every other member is required.
 */
public final class RuleMetadata {

    private static final Pattern ID = Pattern.compile("(REDIS|REDISENT|BATCH|BPOOL)-\\d{3}");
    private static final Pattern NAME = Pattern.compile("(Redis|RedisEnterprise|Batch|BatchPool)\\.[A-Z][A-Za-z0-9]+");

    private final String id;
    private final String name;
    private final ResourceType resourceType;
    private final Severity severity;
    private final List<String> controls;
    private final String synopsis;
    private final String recommendation;
    private final FixClass fixClass;
    private final String precondition;

    private RuleMetadata(Builder builder) {
        id = builder.id;
        name = builder.name;
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like REDIS-001 or REDISENT-001: " + id);
        }
        if (name == null || !NAME.matcher(name).matches() || name.length() > 35) {
            throw new IllegalArgumentException("rule name must look like Redis.MinTls (at most 35 chars): " + name);
        }
        List<String> missing = new ArrayList<>();
        resourceType = required(builder.resourceType, "resourceType", missing);
        severity = required(builder.severity, "severity", missing);
        synopsis = required(builder.synopsis, "synopsis", missing);
        recommendation = required(builder.recommendation, "recommendation", missing);
        fixClass = required(builder.fixClass, "fixClass", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(id + " has no " + String.join(", ", missing));
        }
        if (builder.controls.isEmpty()) {
            throw new IllegalArgumentException(id + " names no baseline control");
        }
        controls = List.copyOf(builder.controls);
        precondition = builder.precondition;
    }

    /** Starts the metadata of the rule with this id and name, e.g. {@code rule("REDIS-007", "Redis.MinTls")}. */
    public static Builder rule(String id, String name) {
        return new Builder(id, name);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The only type the engine hands the rule snapshots of. */
    public ResourceType resourceType() {
        return resourceType;
    }

    public Severity severity() {
        return severity;
    }

    public List<String> controls() {
        return controls;
    }

    public String synopsis() {
        return synopsis;
    }

    public String recommendation() {
        return recommendation;
    }

    public FixClass fixClass() {
        return fixClass;
    }

    /** What must hold before the fix is sent, in words; empty when nothing does. */
    public String precondition() {
        return precondition;
    }

    /** The rule's documentation page, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleMetadata m && id.equals(m.id) && name.equals(m.name)
                && resourceType == m.resourceType && severity == m.severity && controls.equals(m.controls)
                && synopsis.equals(m.synopsis) && recommendation.equals(m.recommendation) && fixClass == m.fixClass
                && precondition.equals(m.precondition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, resourceType, severity, controls, synopsis, recommendation, fixClass, precondition);
    }

    @Override
    public String toString() {
        return id + " " + name;
    }

    private static <T> T required(T value, String member, List<String> missing) {
        if (value == null) {
            missing.add(member);
        }
        return value;
    }

    /** The members of a rule's metadata, each set by name. */
    public static final class Builder {

        private final String id;
        private final String name;
        private ResourceType resourceType;
        private Severity severity;
        private final List<String> controls = new ArrayList<>();
        private String synopsis;
        private String recommendation;
        private FixClass fixClass;
        private String precondition = "";

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder resourceType(ResourceType type) {
            this.resourceType = Objects.requireNonNull(type);
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = Objects.requireNonNull(value);
            return this;
        }

        /** The baseline control ids, e.g. {@code controls("3.2", "7.1")} or {@code controls("NS-2")}. */
        public Builder controls(String... ids) {
            controls.addAll(List.of(ids));
            return this;
        }

        /** One sentence: what a compliant resource looks like; the doc page's Synopsis section. */
        public Builder synopsis(String text) {
            this.synopsis = Objects.requireNonNull(text);
            return this;
        }

        /** What to do about a failing resource; the doc page's Recommendation section. */
        public Builder recommendation(String text) {
            this.recommendation = Objects.requireNonNull(text);
            return this;
        }

        public Builder fixClass(FixClass value) {
            this.fixClass = Objects.requireNonNull(value);
            return this;
        }

        /** What must hold before the fix is sent, in words. */
        public Builder precondition(String text) {
            this.precondition = Objects.requireNonNull(text);
            return this;
        }

        public RuleMetadata build() {
            return new RuleMetadata(this);
        }
    }
}
