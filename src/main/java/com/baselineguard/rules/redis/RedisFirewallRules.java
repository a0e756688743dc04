package com.baselineguard.rules.redis;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** REDIS-003: a publicly reachable cache without private connectivity has firewall rules, none wide open. */
public final class RedisFirewallRules extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-003", "Redis.FirewallRules")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.HIGH)
            .controls("1.1")
            .synopsis("A publicly reachable Azure Cache for Redis without private connectivity should have firewall"
                    + " rules, and none may allow all IPv4 addresses.")
            .recommendation("Add firewall rules for only the client ranges that need the public endpoint and delete"
                    + " any rule spanning 0.0.0.0-255.255.255.255 or an organisation-banned range.")
            .fixClass(FixClass.NONE)
            .build();

    /** The firewall is the cache's network control only while public access is on and nothing else is. */
    private static final Applicability PUBLICLY_REACHABLE = Applicability
            .unless(RedisFacts::publicAccessDisabled, "properties.publicNetworkAccess is \"Disabled\", so the"
                    + " firewall is not the cache's network control")
            .and(Applicability.unless(RedisFacts::vnetInjected, "properties.subnetId is set: the cache's virtual"
                    + " network controls its network access"))
            .and(Applicability.unless(cache -> PrivateEndpoints.approved(cache).filter(a -> !a.isEmpty()).isPresent(),
                    "the cache has an Approved private endpoint connection, so clients are expected to use private"
                            + " connectivity (REDIS-001 reports the public access)"));

    public RedisFirewallRules() {
        super(METADATA, PUBLICLY_REACHABLE);
    }

    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.FIREWALL_RULES, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<List<JsonObject>> approved = PrivateEndpoints.approved(resource);
        Optional<List<JsonObject>> rules = resource.related(RelatedKind.FIREWALL_RULES);
        List<String> missing = new ArrayList<>();
        if (approved.isEmpty()) {
            missing.add("private endpoint connections");
        }
        if (rules.isEmpty()) {
            missing.add("firewall rules (" + RelatedKind.FIREWALL_RULES.description() + ")");
        }
        if (!missing.isEmpty()) {
            return Evaluation.notEvaluated("public access is not disabled and the snapshot does not carry the cache's "
                    + String.join(" or ", missing));
        }
        // "If no firewall rules are set and public access is not disabled, then all IP addresses are allowed"
        // (PSRule for Azure, https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Redis.FirewallIPRange/).
        if (rules.get().isEmpty()) {
            return Evaluation.fail("public network access is not disabled and the cache has no firewall rules, so"
                    + " every IP address may connect");
        }
        FirewallRanges.Parsed parsed = FirewallRanges.parse(rules.get());
        if (parsed.error().isPresent()) {
            return Evaluation.notEvaluated(parsed.error().get());
        }
        for (FirewallRanges.Range range : parsed.ranges()) {
            if (range.admitsEveryAddress()) {
                return Evaluation.fail("firewall rule '" + range.name() + "' admits every IPv4 address"
                        + " (0.0.0.0-255.255.255.255)");
            }
        }
        return Evaluation.pass("public access is limited by " + parsed.ranges().size()
                + " firewall rule(s), none of which admits every IPv4 address");
    }
}
