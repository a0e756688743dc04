package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Finding;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Result;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.RedisScenarios;
import com.baselineguard.testing.arm.Fault;
import com.baselineguard.testing.arm.Request;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live path reads the related data its rules need (Redis firewall rules, private endpoint connections,
 * Batch certificates) through the real SDK against the ARM stand-in, at the published list operations'
 * api-versions and shapes (fixtures from the Azure REST API specs' examples).
 */
class RelatedReadsLiveTest {

    private static final String CACHE = RedisScenarios.CACHE;

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Outcome handle(String id) {
        return live.remediate(id, true);
    }

    static Map<String, String> statuses(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(f -> f.rule().id(), f -> f.status().label()));
    }

    private long requestsEndingWith(String suffix) {
        return live.arm.requests().stream().filter(r -> r.path().toLowerCase().endsWith(suffix.toLowerCase())).count();
    }

    @Test
    void anOpenCacheWithoutAPrivateEndpointIsDecidedWithItsFirewallRulesReadOnce() {
        RedisScenarios.storeOpenCache(live);
        Outcome outcome = handle(CACHE);
        Map<String, String> status = statuses(outcome.findings());
        assertEquals("fail", status.get("REDIS-002"), "no private endpoint connection: " + outcome.findings());
        assertEquals("fail", status.get("REDIS-003"), "a rule admits every IPv4 address");
        assertTrue(outcome.findings().stream().filter(f -> f.rule().id().equals("REDIS-003"))
                .allMatch(f -> f.evaluation().reason().contains("allowAll")), outcome.findings().toString());
        assertEquals("fail", status.get("REDIS-004"), "0.0.0.0-255.255.255.255 admits far more than 10 public IPs");
        assertEquals(1, requestsEndingWith("/firewallRules"));
        assertEquals(1, requestsEndingWith("/privateEndpointConnections"));
        for (Request request : live.arm.requests()) {
            if (request.path().endsWith("/firewallRules") || request.path().endsWith("/privateEndpointConnections")) {
                assertEquals("2024-11-01", request.apiVersion(), request.path());
            }
        }
        assertEquals(4, outcome.armCalls(), "the cache, its diagnostic settings, private endpoint connections, firewall rules");
        assertFalse(outcome.reason().contains("not loaded"), outcome.reason());
    }

    @Test
    void everyPageOfTheFirewallRulesIsRead() {
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        List<JsonObject> rules = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            rules.add(RedisScenarios.firewallRule("office" + i, "192.168.1." + i, "192.168.1." + i));
        }
        rules.add(RedisScenarios.firewallRule("lastPageWideOpen", "0.0.0.0", "255.255.255.255"));
        live.arm.putFirewallRules(CACHE, rules);
        live.arm.pageListsBy(2);
        Outcome outcome = handle(CACHE);
        assertEquals(3, requestsEndingWith("/firewallRules"), "pages of 2, 2 and 1 rules");
        Finding redis003 = outcome.findings().stream().filter(f -> f.rule().id().equals("REDIS-003")).findFirst()
                .orElseThrow();
        assertEquals(Status.FAIL, redis003.status());
        assertTrue(redis003.evaluation().reason().contains("lastPageWideOpen"), redis003.evaluation().reason());
        assertTrue(live.arm.requests().stream().filter(r -> r.path().endsWith("/firewallRules")).skip(1)
                .allMatch(r -> r.query().containsKey("$skiptoken")), "later pages follow the nextLink");
    }

    @Test
    void theListIsTheAuthorityWhenTheBodyCarriesNoPrivateEndpointConnections() {
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        live.arm.putChildren(CACHE, "privateEndpointConnections",
                Fixtures.items("Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json"));
        Map<String, String> status = statuses(handle(CACHE).findings());
        assertEquals("pass", status.get("REDIS-002"));
        assertEquals("not_applicable", status.get("REDIS-003"), "clients use the private endpoint");
        assertEquals(1, requestsEndingWith("/privateEndpointConnections"));
        assertEquals(1, requestsEndingWith("/firewallRules"), "REDIS-004 still counts the rules of a public cache");
    }

    @Test
    void aBodyThatCarriesItsPrivateEndpointConnectionsIsNotListedAgain() {
        JsonObject cache = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject();
        JsonArray none = new JsonArray();
        cache.getAsJsonObject("properties").add("privateEndpointConnections", none);
        live.store(cache);
        Map<String, String> status = statuses(handle(CACHE).findings());
        assertEquals("fail", status.get("REDIS-002"), "an empty list in the body is \"none\"");
        assertEquals(0, requestsEndingWith("/privateEndpointConnections"));
        assertEquals(1, requestsEndingWith("/firewallRules"));
    }

    @Test
    void aPrivateCacheCostsNoFirewallRuleRead() {
        JsonObject cache = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject();
        cache.getAsJsonObject("properties").addProperty("publicNetworkAccess", "Disabled");
        cache.getAsJsonObject("properties").add("privateEndpointConnections", Fixtures.json(
                "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json")
                .getAsJsonObject().getAsJsonArray("value"));
        live.store(cache);
        Map<String, String> status = statuses(handle(CACHE).findings());
        assertEquals("not_applicable", status.get("REDIS-003"));
        assertEquals("not_applicable", status.get("REDIS-004"));
        assertEquals(0, requestsEndingWith("/firewallRules"));
        assertEquals(0, requestsEndingWith("/privateEndpointConnections"));
    }

    @Test
    void rulesTurnedOffCostNoRead() {
        live.with("BG_RULE_MODE_REDIS_001", "off").with("BG_RULE_MODE_REDIS_002", "off")
                .with("BG_RULE_MODE_REDIS_003", "off").with("BG_RULE_MODE_REDIS_004", "off");
        RedisScenarios.storeOpenCache(live);
        Outcome outcome = handle(CACHE);
        assertEquals(0, requestsEndingWith("/firewallRules"));
        assertEquals(0, requestsEndingWith("/privateEndpointConnections"));
        assertFalse(statuses(outcome.findings()).containsKey("REDIS-003"));
    }

    @Test
    void batchCertificatesAreListedAtTheLastApiVersionThatPublishesThem() {
        JsonObject account = Fixtures.json("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json").getAsJsonObject();
        String id = live.store(account);
        List<JsonObject> certificates = Fixtures.items("Microsoft.Batch/batchAccounts/certificates/2024-07-01_CertificateList.json");
        live.arm.putChildren(id, "certificates", certificates);
        Outcome outcome = handle(id);
        Finding batch011 = outcome.findings().stream().filter(f -> f.rule().id().equals("BATCH-011")).findFirst()
                .orElseThrow();
        assertEquals(Status.FAIL, batch011.status(), batch011.evaluation().reason());
        assertTrue(batch011.evaluation().reason().contains(certificates.size() + " Batch certificate"),
                batch011.evaluation().reason());
        List<Request> lists = live.arm.requests().stream().filter(r -> r.path().endsWith("/certificates")).toList();
        assertEquals(1, lists.size());
        assertEquals("2024-07-01", lists.get(0).apiVersion());
        assertTrue(live.arm.requests().stream().filter(r -> r.path().endsWith("/privateEndpointConnections"))
                .allMatch(r -> r.apiVersion().equals("2025-06-01")));
    }

    @Test
    void aListThatCannotBeReadLeavesItsRulesNotEvaluatedAndSaysWhy() {
        RedisScenarios.storeOpenCache(live);
        live.arm.inject(Fault.on("GET", ".*/firewallRules").authorizationFailed("Microsoft.Cache/redis/firewallRules/read")
                .always());
        Outcome outcome = handle(CACHE);
        Map<String, String> status = statuses(outcome.findings());
        assertEquals("not_evaluated", status.get("REDIS-003"));
        assertEquals("not_evaluated", status.get("REDIS-004"));
        assertTrue(outcome.reason().contains("firewallRules not read: HTTP 403 AuthorizationFailed"), outcome.reason());
    }

    @Test
    void aNextLinkOutsideTheListIsNeverFollowed() {
        RedisScenarios.storeOpenCache(live);
        JsonObject page = Fixtures.json("Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json")
                .getAsJsonObject();
        page.addProperty("nextLink", "https://attacker.example.net" + CACHE + "/firewallRules?$skiptoken=1");
        live.arm.inject(Fault.on("GET", ".*/firewallRules").status(200).body(page.toString()).always());
        Outcome outcome = handle(CACHE);
        assertEquals(1, requestsEndingWith("/firewallRules"));
        assertEquals("not_evaluated", statuses(outcome.findings()).get("REDIS-003"), "half a list is no list");
        assertTrue(outcome.reason().contains("is not a page of"), outcome.reason());
    }

    @Test
    void aRefusedLinkToTheWorkspaceNamesThePermissionAndTheWorkspace() {
        live.with("BG_DIAGNOSTICS_WORKSPACE_ID", LiveScenarios.WORKSPACE);
        JsonObject cache = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json").getAsJsonObject();
        cache.getAsJsonObject("properties").addProperty("publicNetworkAccess", "Disabled");
        live.store(cache);
        live.arm.inject(Fault.on("PUT", ".*/diagnosticSettings/.*").status(403)
                .error("LinkedAuthorizationFailed", LiveScenarios.linkedAuthorizationFailed()).always());
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(Result.FAILED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().contains("Microsoft.OperationalInsights/workspaces/sharedKeys/action"), outcome.reason());
        assertTrue(outcome.reason().contains(LiveScenarios.WORKSPACE), outcome.reason());
        assertFalse(outcome.reason().startsWith("permission missing: Microsoft.Insights/diagnosticSettings/write"),
                outcome.reason());
    }
}
