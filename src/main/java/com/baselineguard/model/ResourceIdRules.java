package com.baselineguard.model;

import java.util.Locale;
import java.util.Map;

/**
 * What makes a {@link ResourceId} one that can exist. The rules checked, with their public sources:
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
 */
final class ResourceIdRules {

    private static final String ILLEGAL_IN_NAMES = "<>*%&:\\?/#";
    /**
     * The name rules of the types Baseline Guard evaluates, by lower-case type (sources in the class
     * comment). Written out as character tests rather than regular expressions: every resource of an
     * export has its id parsed, and the expressions were a fifth of reading one.
     */
    private static final Map<String, NameRule> NAME_RULES = Map.of(
            "microsoft.cache/redis", new NameRule(ResourceIdRules::redisName, 1, 63,
                    "1-63 letters, digits and hyphens, starting and ending with a letter or digit"),
            "microsoft.cache/redisenterprise", NameRule.redisEnterprise(),
            "microsoft.cache/redisenterprise/databases", NameRule.redisEnterprise(),
            "microsoft.batch/batchaccounts", new NameRule(name -> all(name, ResourceIdRules::alphanumeric), 3, 24,
                    "3-24 letters and digits"),
            "microsoft.batch/batchaccounts/pools", new NameRule(
                    name -> all(name, c -> alphanumeric(c) || c == '_' || c == '-'), 1, 64,
                    "1-64 letters, digits, underscores and hyphens"));

    private ResourceIdRules() {
    }

    /** {@code [A-Za-z0-9]+(\.[A-Za-z0-9]+)+}: {@code Microsoft.Cache}. */
    static boolean isNamespace(String text) {
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

    static void checkResourceGroup(String group, String id) {
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
    static void checkTypeSegment(String segment, String id) {
        boolean valid = !segment.isEmpty() && alphanumeric(segment.charAt(0)) && !Character.isDigit(segment.charAt(0))
                && all(segment, c -> alphanumeric(c) || c == '_' || c == '-');
        if (!valid) {
            throw new IllegalArgumentException("resource id has resource type segment '" + abbreviate(segment)
                    + "', which is not a type name: " + abbreviate(id));
        }
    }

    static void checkName(CharSequence type, String name, String id) {
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

    static boolean hasControlCharacter(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

}
