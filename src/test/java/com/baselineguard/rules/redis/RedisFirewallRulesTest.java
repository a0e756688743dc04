package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisFirewallRulesTest {

    // Public access not disabled (absent), private endpoints not in the body.
    private static final String PUBLIC_CACHE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";
    private static final String CACHE_WITH_ENDPOINT = "Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json";
    private static final String RULES = "Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json";

    private final RedisFirewallRules rule = new RedisFirewallRules();

    /** The public cache with no private endpoint connections and the given firewall rules loaded. */
    private static ResourceSnapshot publicCache(List<JsonObject> firewallRules) {
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(PUBLIC_CACHE),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, List.of());
        return Fixtures.related(cache, RelatedKind.FIREWALL_RULES, firewallRules);
    }

    private static JsonObject allAddresses() {
        JsonObject wide = Fixtures.items(RULES).get(0).deepCopy();
        wide.addProperty("name", "allowAll");
        wide.getAsJsonObject("properties").addProperty("startIP", "0.0.0.0");
        wide.getAsJsonObject("properties").addProperty("endIP", "255.255.255.255");
        return wide;
    }

    @Test
    void passesWithThePublishedRules() {
        var evaluation = assertStatus(Status.PASS, rule, publicCache(Fixtures.items(RULES)));
        assertEquals("public access is limited by 2 firewall rule(s), none of which admits every IPv4 address",
                evaluation.reason());
    }

    @Test
    void failsWhenThereAreNoRulesBecauseEveryAddressMayConnect() {
        var evaluation = assertStatus(Status.FAIL, rule, publicCache(List.of()));
        assertEquals("public network access is not disabled and the cache has no firewall rules, so every IP address"
                + " may connect", evaluation.reason());
    }

    @Test
    void failsWhenARuleAdmitsEveryAddress() {
        var evaluation = assertStatus(Status.FAIL, rule, publicCache(List.of(Fixtures.items(RULES).get(0), allAddresses())));
        assertEquals("firewall rule 'allowAll' admits every IPv4 address (0.0.0.0-255.255.255.255)", evaluation.reason());
    }

    @Test
    void passesOnAWideRangeShortOfEveryAddressWhichRedis004Counts() {
        JsonObject half = allAddresses();
        half.getAsJsonObject("properties").addProperty("endIP", "127.255.255.255");
        ResourceSnapshot cache = publicCache(List.of(half));
        assertStatus(Status.PASS, rule, cache);
        assertStatus(Status.FAIL, new RedisFirewallRuleCount(), cache);
    }

    @Test
    void isNotEvaluatedWhenFirewallRulesAreNotLoaded() {
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(PUBLIC_CACHE),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, List.of());
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, cache);
        assertEquals("public access is not disabled and the snapshot does not carry the cache's firewall rules"
                + " (Microsoft.Cache/redis/firewallRules)", evaluation.reason());
    }

    @Test
    void isNotEvaluatedWhenPrivateEndpointConnectionsAreNotShown() {
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(PUBLIC_CACHE), RelatedKind.FIREWALL_RULES, List.of());
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, cache);
        assertTrue(evaluation.reason().contains("private endpoint connections"), evaluation.reason());
    }

    @Test
    void isNotEvaluatedWhenARuleRangeCannotBeRead() {
        JsonObject broken = Fixtures.items(RULES).get(0).deepCopy();
        broken.getAsJsonObject("properties").addProperty("startIP", "192.168.1");
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, publicCache(List.of(broken)));
        assertEquals("firewall rule 'rule1' has no readable IPv4 range (properties.startIP 192.168.1,"
                + " properties.endIP 192.168.1.4)", evaluation.reason());
    }

    @Test
    void isNotApplicableWhenPublicAccessIsDisabled() {
        ResourceSnapshot disabled = Fixtures.with(publicCache(List.of()), "properties.publicNetworkAccess",
                Fixtures.parse("\"Disabled\""));
        assertStatus(Status.NOT_APPLICABLE, rule, disabled);
    }

    @Test
    void isNotApplicableWithAnApprovedPrivateEndpoint() {
        // The published cache has public access Enabled and one Approved connection; its empty rule list does not matter.
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(CACHE_WITH_ENDPOINT), RelatedKind.FIREWALL_RULES,
                List.of());
        assertStatus(Status.NOT_APPLICABLE, rule, cache);
    }

    @Test
    void isNotApplicableToVnetInjectedCaches() {
        ResourceSnapshot injected = Fixtures.with(publicCache(List.of()), "properties.subnetId", Fixtures.parse(
                "\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/network1/subnets/subnet1\""));
        assertStatus(Status.NOT_APPLICABLE, rule, injected);
    }
}
