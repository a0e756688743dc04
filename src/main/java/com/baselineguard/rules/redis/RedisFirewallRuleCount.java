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
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * REDIS-004: few firewall rules admitting few public addresses; by default at most 10 of each, the thresholds of
 * PSRule for Azure's Azure.Redis.FirewallRuleCount and Azure.Redis.FirewallIPRange
 * (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Redis.FirewallRuleCount/).
 */
public final class RedisFirewallRuleCount extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-004", "Redis.FirewallRuleCount")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("1.1")
            .synopsis("Azure Cache for Redis with public access should have at most 10 firewall rules that permit at"
                    + " most 10 public IP addresses.")
            .recommendation("Consolidate firewall rules to 10 or fewer covering 10 or fewer public IP addresses, or"
                    + " move clients to private endpoints and disable public access.")
            .fixClass(FixClass.NONE)
            .build();

    // PSRule applies both thresholds only when public access is not disabled
    // (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Redis.FirewallIPRange/).
    private static final Applicability PUBLICLY_REACHABLE = Applicability.unless(RedisFacts::publicAccessDisabled,
            "properties.publicNetworkAccess is \"Disabled\", so firewall rules admit no one");

    public RedisFirewallRuleCount() {
        super(METADATA, PUBLICLY_REACHABLE);
    }

    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.FIREWALL_RULES);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<List<JsonObject>> rules = resource.related(RelatedKind.FIREWALL_RULES);
        if (rules.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not carry the cache's firewall rules ("
                    + RelatedKind.FIREWALL_RULES.description() + ")");
        }
        FirewallRanges.Parsed parsed = FirewallRanges.parse(rules.get());
        if (parsed.error().isPresent()) {
            return Evaluation.notEvaluated(parsed.error().get());
        }
        int count = parsed.ranges().size();
        long publicAddresses = FirewallRanges.publicAddresses(parsed.ranges());
        List<String> excess = new ArrayList<>();
        if (count > settings.redisMaxFirewallRules()) {
            excess.add(count + " firewall rules (more than " + settings.redisMaxFirewallRules() + ")");
        }
        if (publicAddresses > settings.redisMaxFirewallPublicIps()) {
            excess.add("firewall rules admitting " + publicAddresses + " public IP addresses (more than "
                    + settings.redisMaxFirewallPublicIps() + ")");
        }
        if (!excess.isEmpty()) {
            return Evaluation.fail("the cache has " + String.join(" and ", excess));
        }
        return Evaluation.pass("the cache has " + count + " firewall rule(s) admitting " + publicAddresses
                + " public IP address(es)");
    }
}
