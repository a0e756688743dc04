package com.baselineguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Azure Resource Manager resource id:
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{childType}/{childName}]...},
 * optionally followed by an extension resource
 * ({@code .../providers/Microsoft.Insights/diagnosticSettings/{name}}).
 *
 * <p>Only ids that can exist parse, so an id that reaches ARM names something ARM could hold. The rules
 * checked, with their public sources:
 * <ul>
 *   <li>the subscription is a GUID: "The ID of the target subscription. The value must be an UUID."
 *       (azure-rest-api-specs common-types/resource-management v5, SubscriptionIdParameter, format uuid);</li>
 *   <li>the resource group is 1-90 letters, digits, {@code - _ . ( )}, not ending with a period (the same
 *       ResourceGroupNameParameter, pattern {@code ^[-\w\._\(\)]+$}, and Learn, "Naming rules and
 *       restrictions for Azure resources");</li>
 *   <li>a provider namespace is dot-separated letters and digits ({@code Microsoft.Cache}); a type segment
 *       is letters, digits, {@code -} and {@code _};</li>
 *   <li>no name holds {@code < > * % & : \ ? / #} or a control character, nor is {@code .} or {@code ..}
 *       (Learn: "Don't use # in a resource name since it interferes with URL parsing in Azure Resource
 *       Manager requests");</li>
 *   <li>the names of the types Baseline Guard evaluates follow their REST API patterns: Redis caches
 *       {@code ^([a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]|[a-zA-Z0-9])$}, at most 63 characters (Redis 2024-11-01,
 *       Learn); Redis Enterprise clusters and databases {@code ^(?=.{1,60}$)[A-Za-z0-9]+(-[A-Za-z0-9]+)*$}
 *       (2025-07-01); Batch accounts {@code ^[a-zA-Z0-9]+$}, 3-24 characters, and pools
 *       {@code ^[a-zA-Z0-9_-]+$}, 1-64 characters (Batch 2025-06-01).</li>
 * </ul>
 *
 * <p>ARM treats ids case-insensitively; {@link #equals} does too, and {@link #toString} keeps the
 * caller's spelling.
 */
public final class ResourceId {

    private static final String ILLEGAL_IN_NAMES = "<>*%&:\\?/#";
    /**
     * The name rules of the types Baseline Guard evaluates, by lower-case type (sources in the class
     * comment). Written out as character tests rather than regular expressions: every resource of an
     * export has its id parsed, and the expressions were a fifth of reading one.
     */
    private static final Map<String, NameRule> NAME_RULES = Map.of(
            "microsoft.cache/redis", new NameRule(ResourceId::redisName, 1, 63,
                    "1-63 letters, digits and hyphens, starting and ending with a letter or digit"),
            "microsoft.cache/redisenterprise", NameRule.redisEnterprise(),
            "microsoft.cache/redisenterprise/databases", NameRule.redisEnterprise(),
            "microsoft.batch/batchaccounts", new NameRule(name -> all(name, ResourceId::alphanumeric), 3, 24,
                    "3-24 letters and digits"),
            "microsoft.batch/batchaccounts/pools", new NameRule(
                    name -> all(name, c -> alphanumeric(c) || c == '_' || c == '-'), 1, 64,
                    "1-64 letters, digits, underscores and hyphens"));

    private final String text;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String type;
    private final String name;
    private final int parentLength;

    private ResourceId(String text, String subscriptionId, String resourceGroup, String type, String name,
            int parentLength) {
        this.text = text;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.type = type;
        this.name = name;
        this.parentLength = parentLength;
    }

    /**
     * Parses a resource id.
     *
     * @throws IllegalArgumentException naming the problem when {@code id} is not a resource id
     */
    public static ResourceId parse(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("resource id is empty");
        }
        if (hasControlCharacter(id)) {
            // String.trim() would quietly drop a trailing NUL or control character.
            throw new IllegalArgumentException("resource id contains a control character");
        }
        String trimmed = id.trim();
        if (trimmed.length() > 4096) {
            throw new IllegalArgumentException("resource id is longer than 4096 characters");
        }
        if (!trimmed.startsWith("/")) {
            throw new IllegalArgumentException("resource id must start with /subscriptions/: " + abbreviate(trimmed));
        }
        String[] parts = trimmed.substring(1).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("resource id has an empty segment: " + abbreviate(trimmed));
            }
            if (part.equals(".") || part.equals("..") || part.indexOf('%') >= 0 || part.indexOf('\\') >= 0
                    || part.indexOf('?') >= 0 || part.indexOf('#') >= 0) {
                throw new IllegalArgumentException("resource id has an invalid segment '" + abbreviate(part) + "'");
            }
        }
        if (parts.length < 4 || !parts[0].equalsIgnoreCase("subscriptions")
                || !parts[2].equalsIgnoreCase("resourceGroups")) {
            throw new IllegalArgumentException(
                    "resource id must look like /subscriptions/{id}/resourceGroups/{group}/providers/...: "
                            + abbreviate(trimmed));
        }
        String subscription = parts[1];
        String group = parts[3];
        if (!isSubscriptionId(subscription)) {
            throw new IllegalArgumentException("resource id has subscription '" + abbreviate(subscription)
                    + "', which is not a subscription id (a GUID): " + abbreviate(trimmed));
        }
        checkResourceGroup(group, trimmed);
        // Walk the provider sections: providers/{namespace}/{type}/{name}(/{type}/{name})*
        int i = 4;
        String currentType = null;
        String currentName = null;
        int parentEnd = -1;
        int lastEnd = -1;
        if (i >= parts.length) {
            throw new IllegalArgumentException("resource id names a resource group, not a resource: " + abbreviate(trimmed));
        }
        while (i < parts.length) {
            if (!parts[i].equalsIgnoreCase("providers")) {
                throw new IllegalArgumentException("resource id expects 'providers' at segment " + (i + 1) + ": "
                        + abbreviate(trimmed));
            }
            if (i + 3 >= parts.length) {
                throw new IllegalArgumentException("resource id ends before 'providers/{namespace}/{type}/{name}' is complete: "
                        + abbreviate(trimmed));
            }
            String namespace = parts[i + 1];
            if (!isNamespace(namespace)) {
                throw new IllegalArgumentException("resource id has provider namespace '" + abbreviate(namespace)
                        + "', which is not of the form Company.Service: " + abbreviate(trimmed));
            }
            checkTypeSegment(parts[i + 2], trimmed);
            StringBuilder typeName = new StringBuilder(namespace).append('/').append(parts[i + 2]);
            String resourceName = parts[i + 3];
            checkName(typeName, resourceName, trimmed);
            parentEnd = lastEnd;
            lastEnd = endOffset(parts, i + 3);
            i += 4;
            while (i < parts.length && !parts[i].equalsIgnoreCase("providers")) {
                if (i + 1 >= parts.length) {
                    throw new IllegalArgumentException("resource id ends with a type and no name: " + abbreviate(trimmed));
                }
                checkTypeSegment(parts[i], trimmed);
                typeName.append('/').append(parts[i]);
                resourceName = parts[i + 1];
                checkName(typeName, resourceName, trimmed);
                parentEnd = lastEnd;
                lastEnd = endOffset(parts, i + 1);
                i += 2;
            }
            currentType = typeName.toString();
            currentName = resourceName;
        }
        return new ResourceId(trimmed, subscription, group, currentType, currentName, parentEnd);
    }

    /**
     * True when {@code text} is a subscription id: a GUID, the only form ARM accepts
     * ({@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}).
     */
    public static boolean isSubscriptionId(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int k = 0; k < 36; k++) {
            char c = text.charAt(k);
            boolean ok = k == 8 || k == 13 || k == 18 || k == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9]+(\.[A-Za-z0-9]+)+}: {@code Microsoft.Cache}. */
    private static boolean isNamespace(String text) {
        return dotted(text, '.') && text.indexOf('.') > 0;
    }

    /** {@code [A-Za-z0-9]+(S[A-Za-z0-9]+)*} for the separator S: runs of letters and digits, one S between. */
    private static boolean dotted(String text, char separator) {
        int length = text.length();
        if (length == 0 || !alphanumeric(text.charAt(0)) || !alphanumeric(text.charAt(length - 1))) {
            return false;
        }
        for (int k = 1; k < length - 1; k++) {
            char c = text.charAt(k);
            if (c == separator ? text.charAt(k + 1) == separator : !alphanumeric(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]|[a-zA-Z0-9]} (Redis 2024-11-01). */
    private static boolean redisName(String name) {
        int length = name.length();
        return length > 0 && alphanumeric(name.charAt(0)) && alphanumeric(name.charAt(length - 1))
                && all(name, c -> alphanumeric(c) || c == '-');
    }

    /** ASCII letters and digits only, as the patterns' {@code [A-Za-z0-9]}. */
    private static boolean alphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean all(String text, CharTest test) {
        for (int k = 0; k < text.length(); k++) {
            if (!test.accepts(text.charAt(k))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    @FunctionalInterface
    private interface CharTest {
        boolean accepts(char c);
    }

    private static void checkResourceGroup(String group, String id) {
        boolean valid = group.length() <= 90 && !group.endsWith(".");
        for (int k = 0; valid && k < group.length(); k++) {
            char c = group.charAt(k);
            valid = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '(' || c == ')';
        }
        if (!valid) {
            throw new IllegalArgumentException("resource id has resource group '" + abbreviate(group) + "', which is not"
                    + " 1-90 letters, digits, '-', '_', '.', '(' or ')' not ending with '.': " + abbreviate(id));
        }
    }

    /** A type segment: {@code [A-Za-z][A-Za-z0-9_-]*}. */
    private static void checkTypeSegment(String segment, String id) {
        boolean valid = !segment.isEmpty() && alphanumeric(segment.charAt(0)) && !Character.isDigit(segment.charAt(0))
                && all(segment, c -> alphanumeric(c) || c == '_' || c == '-');
        if (!valid) {
            throw new IllegalArgumentException("resource id has resource type segment '" + abbreviate(segment)
                    + "', which is not a type name: " + abbreviate(id));
        }
    }

    private static void checkName(CharSequence type, String name, String id) {
        for (int k = 0; k < name.length(); k++) {
            if (ILLEGAL_IN_NAMES.indexOf(name.charAt(k)) >= 0) {
                throw new IllegalArgumentException("resource id has name '" + abbreviate(name) + "' with '"
                        + name.charAt(k) + "', which no resource name may hold: " + abbreviate(id));
            }
        }
        NameRule rule = NAME_RULES.get(type.toString().toLowerCase(Locale.ROOT));
        if (rule != null && !rule.accepts(name)) {
            throw new IllegalArgumentException("resource id has " + type + " name '" + abbreviate(name) + "', but such"
                    + " names are " + rule.description() + ": " + abbreviate(id));
        }
    }

    /** The name pattern and length of one resource type. */
    private record NameRule(java.util.function.Predicate<String> pattern, int minLength, int maxLength,
            String description) {

        /** {@code [A-Za-z0-9]+(-[A-Za-z0-9]+)*}, 1-60 characters (Redis Enterprise 2025-07-01). */
        static NameRule redisEnterprise() {
            return new NameRule(name -> dotted(name, '-'), 1, 60,
                    "1-60 letters, digits and single hyphens, not starting or ending with a hyphen");
        }

        boolean accepts(String name) {
            return name.length() >= minLength && name.length() <= maxLength && pattern.test(name);
        }
    }

    private static boolean hasControlCharacter(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static int endOffset(String[] parts, int lastIndex) {
        int length = 0;
        for (int k = 0; k <= lastIndex; k++) {
            length += 1 + parts[k].length();
        }
        return length;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    /**
     * The full type of the resource this id names: {@code Microsoft.Cache/redis/firewallRules} for a
     * firewall rule, {@code Microsoft.Insights/diagnosticSettings} for an extension resource.
     */
    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** The resource this one is a child or extension of, if any. */
    public Optional<ResourceId> parent() {
        return parentLength < 0 ? Optional.empty() : Optional.of(parse(text.substring(0, parentLength)));
    }

    /** This id and its ancestors, nearest first. */
    public List<ResourceId> selfAndAncestors() {
        List<ResourceId> chain = new ArrayList<>();
        Optional<ResourceId> current = Optional.of(this);
        while (current.isPresent()) {
            chain.add(current.get());
            current = current.get().parent();
        }
        return chain;
    }

    /** True when {@code other} is this id or lies beneath it. */
    public boolean contains(ResourceId other) {
        int length = text.length();
        return other.text.regionMatches(true, 0, text, 0, length)
                && (other.text.length() == length || other.text.charAt(length) == '/');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other && other.text.equalsIgnoreCase(text);
    }

    @Override
    public int hashCode() {
        return text.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
