package com.baselineguard.config;

import com.baselineguard.engine.Mode;
import com.baselineguard.engine.Policy;
import com.baselineguard.engine.RemediationSettings;
import com.baselineguard.engine.Scopes;
import com.baselineguard.model.ResourceId;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the settings once from the environment (in Azure, the app settings), validates all of them
 * and reports every problem at once. Any variable starting with {@code BG_} must be one Baseline
 * Guard knows, so a typo fails at start-up instead of being silently ignored.
 */
public final class SettingsLoader {

    private static final String PREFIX = "BG_";
    private static final Pattern IPV4_OR_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern LOCATION = Pattern.compile("[a-z0-9]+");
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z0-9._-]{1,260}");

    private SettingsLoader() {
    }

    /**
     * The policy the settings describe.
     *
     * @throws ConfigurationException listing every invalid or unknown setting
     */
    public static Policy load(Map<String, String> environment, Catalog catalog) {
        return settings(environment, catalog).policy();
    }

    /**
     * Every setting the environment holds.
     *
     * @throws ConfigurationException listing every invalid or unknown setting
     */
    public static Settings settings(Map<String, String> environment, Catalog catalog) {
        List<String> problems = new ArrayList<>();
        Map<String, String> env = new TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                env.put(k, v == null ? "" : v.trim());
            }
        });
        Mode ceiling = mode(env, Setting.BG_MAX_MODE.variable(), Mode.ENFORCE, problems);
        Map<String, Mode> modes = new HashMap<>();
        for (Rule rule : catalog.rules()) {
            modes.put(rule.metadata().id(), Mode.defaultFor(rule.metadata().fixClass()));
        }
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(Setting.BG_RULE_MODE_.variable())) {
                String id = name.substring(Setting.BG_RULE_MODE_.variable().length()).replace('_', '-');
                if (catalog.find(id).isEmpty()) {
                    problems.add(name + ": no rule " + id + " (rule ids look like REDIS_001, BATCH_005, BPOOL_002)");
                } else {
                    String ruleId = catalog.find(id).get().metadata().id();
                    modes.put(ruleId, mode(env, name, modes.get(ruleId), problems));
                }
            } else if (!isKnown(name)) {
                problems.add(name + ": unknown setting; known settings: " + Arrays.stream(Setting.values())
                        .map(Setting::variable).collect(Collectors.joining(", ")));
            }
        }
        modes.replaceAll((id, mode) -> mode.cappedAt(ceiling));

        String exemptionTag = env.getOrDefault(Setting.BG_EXEMPTION_TAG.variable(), "");
        if (exemptionTag.isEmpty()) {
            exemptionTag = Setting.BG_EXEMPTION_TAG.defaultValue();
        } else if (exemptionTag.length() > 512 || exemptionTag.matches(".*[<>%&\\\\?/].*")) {
            problems.add("BG_EXEMPTION_TAG: '" + exemptionTag + "' is not a valid tag name (at most 512 characters,"
                    + " none of < > % & \\ ? /)");
        }
        Scopes scopes = new Scopes(scopes(env, problems));
        Optional<String> workspace = Optional.ofNullable(env.get(Setting.BG_DIAGNOSTICS_WORKSPACE_ID.variable()))
                .filter(s -> !s.isEmpty());
        workspace.ifPresent(w -> checkWorkspace(w, problems));
        String settingName = env.getOrDefault(Setting.BG_DIAGNOSTIC_SETTING_NAME.variable(), "");
        if (settingName.isEmpty()) {
            settingName = RuleSettings.DEFAULT_DIAGNOSTIC_SETTING_NAME;
        } else if (!SETTING_NAME.matcher(settingName).matches()) {
            problems.add("BG_DIAGNOSTIC_SETTING_NAME: '" + settingName + "' must be 1-260 letters, digits, . _ or -");
        }
        RuleSettings ruleSettings = new RuleSettings(
                workspace,
                settingName,
                ips(env, Setting.BG_BATCH_ACCOUNT_ALLOWED_IPS, problems),
                ips(env, Setting.BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS, problems),
                locations(env, problems),
                list(env, Setting.BG_APPROVED_POOL_IMAGES),
                count(env, Setting.BG_REDIS_MAX_FIREWALL_RULES, problems),
                count(env, Setting.BG_REDIS_MAX_FIREWALL_PUBLIC_IPS, problems),
                bounded(env, Setting.BG_KEY_EXPIRY_WARNING_DAYS, 0, 3650, problems),
                // Key Vault refuses a Rotate trigger closer than 7 days to expiry; 330 leaves room in a P1Y lifetime.
                bounded(env, Setting.BG_KEY_ROTATE_BEFORE_EXPIRY_DAYS, 7, 330, problems));
        int delay = bounded(env, Setting.BG_FOLLOW_UP_DELAY_SECONDS, 1, 3600, problems);
        int attempts = bounded(env, Setting.BG_MAX_ATTEMPTS, 1, 100, problems);
        Optional<String> topic = topicEndpoint(env, problems);
        int contestMaxFixes = bounded(env, Setting.BG_CONTEST_MAX_FIXES, 1, 1000, problems);
        int contestWindow = bounded(env, Setting.BG_CONTEST_WINDOW_MINUTES, 1, 1440, problems);
        int writesPerSecond = bounded(env, Setting.BG_WRITES_PER_SECOND, 0, 100, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new Settings(new Policy(modes, exemptionTag, scopes, ruleSettings, Set.of()),
                new RemediationSettings(java.time.Duration.ofSeconds(delay), attempts, contestMaxFixes,
                        java.time.Duration.ofMinutes(contestWindow), writesPerSecond), topic);
    }

    /** An https URL with a host and no credentials in it (the topic is reached with the managed identity only). */
    private static Optional<String> topicEndpoint(Map<String, String> env, List<String> problems) {
        String value = env.getOrDefault(Setting.BG_OUTCOME_TOPIC_ENDPOINT.variable(), "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                problems.add("BG_OUTCOME_TOPIC_ENDPOINT: '" + value + "' must be an https:// URL such as"
                        + " https://<topic>.<region>-1.eventgrid.azure.net/api/events");
            } else if (uri.getUserInfo() != null || uri.getQuery() != null) {
                problems.add("BG_OUTCOME_TOPIC_ENDPOINT: must not carry credentials or a query (access keys and SAS"
                        + " tokens are not used; the managed identity is)");
            } else {
                return Optional.of(value);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add("BG_OUTCOME_TOPIC_ENDPOINT: '" + value + "' is not a URL");
        }
        return Optional.empty();
    }

    private static boolean isKnown(String name) {
        return Arrays.stream(Setting.values()).anyMatch(s -> s.variable().equals(name));
    }

    private static Mode mode(Map<String, String> env, String name, Mode fallback, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        Optional<Mode> mode = Mode.parse(value);
        if (mode.isEmpty()) {
            problems.add(name + ": '" + value + "' is not a mode; use off, audit or enforce");
            return fallback;
        }
        return mode.get();
    }

    private static List<String> list(Map<String, String> env, Setting setting) {
        String value = env.getOrDefault(setting.variable(), "");
        return Arrays.stream(value.split("[,;\\n]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> scopes(Map<String, String> env, List<String> problems) {
        List<String> scopes = list(env, Setting.BG_SCOPES);
        for (String scope : scopes) {
            String[] parts = scope.replaceAll("/+$", "").split("/", -1);
            boolean subscription = parts.length == 3 && parts[0].isEmpty() && parts[1].equalsIgnoreCase("subscriptions")
                    && !parts[2].isEmpty();
            boolean group = parts.length == 5 && parts[0].isEmpty() && parts[1].equalsIgnoreCase("subscriptions")
                    && !parts[2].isEmpty() && parts[3].equalsIgnoreCase("resourceGroups") && !parts[4].isEmpty();
            boolean managementGroup = parts.length == 5 && parts[0].isEmpty() && parts[1].equalsIgnoreCase("providers")
                    && parts[2].equalsIgnoreCase("Microsoft.Management") && parts[3].equalsIgnoreCase("managementGroups")
                    && !parts[4].isEmpty();
            if (!subscription && !group && !managementGroup) {
                problems.add("BG_SCOPES: '" + scope + "' is not /subscriptions/{id},"
                        + " /subscriptions/{id}/resourceGroups/{name} or /providers/Microsoft.Management/managementGroups/{id}");
            } else if ((subscription || group) && !ResourceId.isSubscriptionId(parts[2])) {
                // A sweep sends these to Azure Resource Graph: an id that cannot exist never reaches ARM.
                problems.add("BG_SCOPES: '" + scope + "' names subscription '" + parts[2]
                        + "', which is not a subscription id (a GUID)");
            }
        }
        return scopes;
    }

    private static void checkWorkspace(String workspace, List<String> problems) {
        try {
            ResourceId id = ResourceId.parse(workspace);
            if (!id.type().equalsIgnoreCase("Microsoft.OperationalInsights/workspaces")) {
                problems.add("BG_DIAGNOSTICS_WORKSPACE_ID: '" + workspace + "' is a " + id.type()
                        + ", not a Microsoft.OperationalInsights/workspaces resource id");
            }
        } catch (IllegalArgumentException e) {
            problems.add("BG_DIAGNOSTICS_WORKSPACE_ID: " + e.getMessage());
        }
    }

    private static List<String> ips(Map<String, String> env, Setting setting, List<String> problems) {
        List<String> values = list(env, setting);
        for (String value : values) {
            if (!IPV4_OR_CIDR.matcher(value).matches()) {
                problems.add(setting.variable() + ": '" + value + "' is not an IPv4 address or CIDR range");
            } else if (value.equals("0.0.0.0/0")) {
                problems.add(setting.variable() + ": 0.0.0.0/0 admits the whole internet; list the ranges to allow");
            }
        }
        return values;
    }

    private static List<String> locations(Map<String, String> env, List<String> problems) {
        List<String> values = list(env, Setting.BG_ALLOWED_LOCATIONS).stream()
                .map(v -> v.toLowerCase(Locale.ROOT).replace(" ", "")).toList();
        for (String value : values) {
            if (!LOCATION.matcher(value).matches()) {
                problems.add("BG_ALLOWED_LOCATIONS: '" + value + "' is not a region name such as westeurope");
            }
        }
        return values;
    }

    private static int count(Map<String, String> env, Setting setting, List<String> problems) {
        return bounded(env, setting, 0, 10_000, problems);
    }

    private static int bounded(Map<String, String> env, Setting setting, int min, int max, List<String> problems) {
        String value = env.getOrDefault(setting.variable(), "");
        if (value.isEmpty()) {
            return Integer.parseInt(setting.defaultValue());
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(setting.variable() + ": '" + value + "' is not a whole number from " + min + " to " + max);
            return Integer.parseInt(setting.defaultValue());
        }
    }
}
