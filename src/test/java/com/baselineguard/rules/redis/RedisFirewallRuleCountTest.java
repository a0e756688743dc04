package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisFirewallRuleCountTest {

    private static final String PUBLIC_CACHE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";
    private static final String RULES = "Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json";
    private static final String PRIVATE_RULE = "Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRuleCreate.json";

    private final RedisFirewallRuleCount rule = new RedisFirewallRuleCount();

    private static ResourceSnapshot withRules(List<JsonObject> rules) {
        return Fixtures.related(Fixtures.snapshot(PUBLIC_CACHE), RelatedKind.FIREWALL_RULES, rules);
    }

    /** The published private-range rule, renamed and moved to one public address. */
    private static JsonObject publicHost(int n) {
        JsonObject host = Fixtures.json(PRIVATE_RULE).getAsJsonObject().deepCopy();
        host.addProperty("name", "cache1/host" + n);
        host.getAsJsonObject("properties").addProperty("startIP", "203.0.113." + n);
        host.getAsJsonObject("properties").addProperty("endIP", "203.0.113." + n);
        return host;
    }

    @Test
    void passesWithOneRuleOnPrivateAddresses() {
        var evaluation = assertStatus(Status.PASS, rule,
                withRules(List.of(Fixtures.json(PRIVATE_RULE).getAsJsonObject())));
        assertEquals("the cache has 1 firewall rule(s) admitting 0 public IP address(es)", evaluation.reason());
    }

    @Test
    void passesWithNoRulesBecauseRedis003ReportsThat() {
        assertStatus(Status.PASS, rule, withRules(List.of()));
    }

    @Test
    void failsWhenThePublishedRulesAdmitAPublicSlash24() {
        // rule2 is 192.169.1.0-192.169.1.255: outside 192.168/16, so 256 public addresses.
        var evaluation = assertStatus(Status.FAIL, rule, withRules(Fixtures.items(RULES)));
        assertEquals("the cache has firewall rules admitting 256 public IP addresses (more than 10)", evaluation.reason());
    }

    @Test
    void failsWithMoreThanTenRules() {
        List<JsonObject> rules = new ArrayList<>();
        for (int n = 1; n <= 11; n++) {
            rules.add(publicHost(n));
        }
        var evaluation = assertStatus(Status.FAIL, rule, withRules(rules));
        assertEquals("the cache has 11 firewall rules (more than 10) and firewall rules admitting 11 public IP"
                + " addresses (more than 10)", evaluation.reason());
    }

    @Test
    void countsOverlappingRulesOnce() {
        assertStatus(Status.PASS, rule, withRules(List.of(publicHost(1), publicHost(1), publicHost(2))));
    }

    @Test
    void isNotEvaluatedWhenFirewallRulesAreNotLoaded() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Fixtures.snapshot(PUBLIC_CACHE));
        assertEquals("the snapshot does not carry the cache's firewall rules (Microsoft.Cache/redis/firewallRules)",
                evaluation.reason());
    }

    @Test
    void isNotApplicableWhenPublicAccessIsDisabled() {
        ResourceSnapshot disabled = Fixtures.with(withRules(Fixtures.items(RULES)), "properties.publicNetworkAccess",
                Fixtures.parse("\"Disabled\""));
        assertStatus(Status.NOT_APPLICABLE, rule, disabled);
    }
}
