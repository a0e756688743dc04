package com.baselineguard.rules.batch;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The IP filter of one of a Batch account's two public endpoints, {@code properties.networkProfile.accountAccess} or
 * {@code .nodeManagementAccess} (Batch 2025-06-01 REST spec, NetworkProfile): deny by default, never {@code 0.0.0.0/0}.
 * Shared by BATCH-002 and BATCH-003, which differ only in the profile and the allow-list setting. The filter only
 * applies while public network access is on.
 */
abstract class EndpointIpRules extends AbstractRule {

    static final String ACCOUNT_ACCESS = "accountAccess";
    static final String NODE_MANAGEMENT_ACCESS = "nodeManagementAccess";
    private static final JsonPath NETWORK_PROFILE = JsonPath.of("properties.networkProfile");
    private static final String ANY_ADDRESS = "0.0.0.0/0";

    private final String profile;
    private final String otherProfile;
    private final String endpoint;
    private final Function<RuleSettings, List<String>> allowList;
    private final String settingName;

    /**
     * @param profile the member of {@code networkProfile} this rule checks
     * @param endpoint the endpoint in words, e.g. "account endpoint"
     * @param allowList the configured addresses the fix allows
     * @param settingName the app setting that configures them, named when the fix is blocked
     */
    EndpointIpRules(RuleMetadata metadata, String profile, String endpoint,
            Function<RuleSettings, List<String>> allowList, String settingName) {
        super(metadata, publicAccessOn(profile));
        this.profile = profile;
        this.otherProfile = profile.equals(ACCOUNT_ACCESS) ? NODE_MANAGEMENT_ACCESS : ACCOUNT_ACCESS;
        this.endpoint = endpoint;
        this.allowList = allowList;
        this.settingName = settingName;
    }

    private static Applicability publicAccessOn(String profile) {
        return account -> BatchPublicAccess.closedBy(account).map(closedBy -> Evaluation.notApplicable(
                BatchPublicAccess.PATH + " is " + closedBy + ", and " + NETWORK_PROFILE + "." + profile
                        + " only takes effect when publicNetworkAccess is enabled"));
    }

    @Override
    protected final Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        String path = NETWORK_PROFILE + "." + profile;
        Optional<JsonObject> access = JsonPath.of(path).readObject(resource.resource());
        if (access.isEmpty()) {
            return failure(resource, settings, path + " is not set (defaultAction Allow is the effective default,"
                    + " so any address reaches the " + endpoint + ")");
        }
        List<String> problems = new ArrayList<>();
        Optional<JsonElement> defaultAction = JsonPath.of("defaultAction").read(access.get());
        if (!defaultAction.map(v -> Values.textEquals(v, "Deny")).orElse(false)) {
            problems.add("defaultAction is " + defaultAction.map(Values::display).orElse("not set (Allow)")
                    + "; expected Deny");
        }
        if (ipValues(access.get()).stream().anyMatch(EndpointIpRules::isAnyAddress)) {
            problems.add("an ipRules entry allows " + ANY_ADDRESS);
        }
        if (problems.isEmpty()) {
            return Evaluation.pass(path + " denies by default and allows " + ipValues(access.get()).size()
                    + " IP rule(s), none of them " + ANY_ADDRESS);
        }
        return failure(resource, settings, path + ": " + String.join("; ", problems));
    }

    private Evaluation failure(ResourceSnapshot resource, RuleSettings settings, String reason) {
        List<String> allowed = allowList.apply(settings);
        Optional<JsonObject> current = NETWORK_PROFILE.readObject(resource.resource());
        // The whole networkProfile, with the other endpoint's profile as it is: whether ARM merges the
        // members of networkProfile in a Batch PATCH is unverified, and sending both is safe either way.
        JsonObject after = new JsonObject();
        after.add(profile, filter(allowed));
        current.flatMap(p -> JsonPath.of(otherProfile).readObject(p))
                .ifPresent(other -> after.add(otherProfile, other.deepCopy()));
        Fix fix = Fix.of(FixStage.HARDENING,
                new Change.Property(NETWORK_PROFILE, current.<JsonElement>map(JsonObject::deepCopy).orElse(null),
                        after))
                .blockedBy(blocker(allowed));
        return Evaluation.fail(reason, fix);
    }

    private Optional<String> blocker(List<String> allowed) {
        if (allowed.isEmpty()) {
            return Optional.of("no addresses are configured for the " + endpoint + " (setting " + settingName
                    + "); denying by default without them would cut every caller off");
        }
        if (allowed.stream().anyMatch(EndpointIpRules::isAnyAddress)) {
            return Optional.of("the configured addresses for the " + endpoint + " (setting " + settingName
                    + ") include " + ANY_ADDRESS);
        }
        return Optional.empty();
    }

    private static JsonObject filter(List<String> allowed) {
        JsonArray ipRules = new JsonArray();
        for (String address : allowed) {
            JsonObject rule = new JsonObject();
            rule.addProperty("action", "Allow");
            rule.addProperty("value", address);
            ipRules.add(rule);
        }
        JsonObject access = new JsonObject();
        access.addProperty("defaultAction", "Deny");
        access.add("ipRules", ipRules);
        return access;
    }

    private static List<String> ipValues(JsonObject access) {
        return JsonPath.of("ipRules").readArray(access).map(JsonArray::asList).orElse(List.of()).stream()
                .filter(JsonElement::isJsonObject)
                .map(rule -> JsonPath.of("value").readString(rule.getAsJsonObject()).orElse(""))
                .toList();
    }

    private static boolean isAnyAddress(String value) {
        return value.trim().equals(ANY_ADDRESS);
    }
}
