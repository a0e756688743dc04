package com.baselineguard.testing;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Redis caches the live tests share, built from the published 2024-11-01 examples. */
public final class RedisScenarios {

    public static final String CACHE =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    private RedisScenarios() {
    }

    /**
     * The published RedisCacheUpdate cache (public: no publicNetworkAccess member, so Enabled; its body carries no
     * privateEndpointConnections) with one firewall rule admitting every IPv4 address.
     */
    public static void storeOpenCache(LiveHarness live) {
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        live.arm.putFirewallRules(CACHE, List.of(firewallRule("allowAll", "0.0.0.0", "255.255.255.255")));
    }

    /** A rule of {@link #CACHE} shaped as the published RedisCacheFirewallRulesList example's items. */
    public static JsonObject firewallRule(String name, String start, String end) {
        JsonObject rule = Fixtures.items("Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json")
                .get(0).deepCopy();
        rule.addProperty("name", name);
        rule.addProperty("id", CACHE + "/firewallRules/" + name);
        rule.getAsJsonObject("properties").addProperty("startIP", start);
        rule.getAsJsonObject("properties").addProperty("endIP", end);
        return rule;
    }

    /** The published RedisCacheCreate cache under another id, made private: public access off, an Approved private endpoint in its body. */
    public static JsonObject privateCache(String id) {
        JsonObject cache = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json").getAsJsonObject();
        cache.addProperty("id", id);
        cache.getAsJsonObject("properties").addProperty("publicNetworkAccess", "Disabled");
        cache.getAsJsonObject("properties").add("privateEndpointConnections", Fixtures.json(
                "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json")
                .getAsJsonObject().getAsJsonArray("value"));
        return cache;
    }

    /** Rule id to status of an outcome record's findings. */
    public static Map<String, String> statuses(JsonObject outcome) {
        Map<String, String> statuses = new TreeMap<>();
        outcome.getAsJsonArray("findings").forEach(f -> statuses.put(f.getAsJsonObject().get("ruleId").getAsString(),
                f.getAsJsonObject().get("status").getAsString()));
        return statuses;
    }
}
