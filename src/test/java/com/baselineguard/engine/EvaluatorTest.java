package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.redis.RedisMinTls;
import com.baselineguard.rules.redis.RedisNonTlsPort;
import com.baselineguard.rules.redis.RedisPublicNetworkAccess;
import com.baselineguard.testing.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private final Catalog catalog = new Catalog(List.of(new RedisPublicNetworkAccess(), new RedisNonTlsPort(), new RedisMinTls()));
    private final ResourceSnapshot cache = Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json");

    private Evaluator evaluator(Map<String, String> env) {
        return new Evaluator(catalog, SettingsLoader.load(env, catalog));
    }

    @Test
    void defaultModesEnforceSafeFixesAndOnlyAuditDisruptiveOnes() {
        ResourceReport report = evaluator(Map.of()).evaluate(cache);
        assertEquals(3, report.count(Status.FAIL));
        assertEquals(1, report.plan().steps().size(), "publicNetworkAccess is disruptive: audit by default");
        assertEquals(List.of("REDIS-006", "REDIS-007"), report.plan().steps().get(0).ruleIds());
        Finding publicAccess = report.findings().get(0);
        assertEquals(Mode.AUDIT, publicAccess.mode());
        assertEquals(FixOutlook.State.AUDIT_ONLY, publicAccess.fix().state());
        assertEquals(FixOutlook.State.PLANNED, report.findings().get(1).fix().state());
    }

    @Test
    void enforcingADisruptiveRuleAddsItsStepLast() {
        ResourceReport report = evaluator(Map.of("BG_RULE_MODE_REDIS_001", "enforce")).evaluate(cache);
        assertEquals(2, report.plan().steps().size());
        assertEquals(List.of("REDIS-001"), report.plan().steps().get(1).ruleIds());
    }

    @Test
    void theModeCeilingTurnsEveryFixIntoAnAudit() {
        ResourceReport report = evaluator(Map.of("BG_MAX_MODE", "audit", "BG_RULE_MODE_REDIS_001", "enforce")).evaluate(cache);
        assertTrue(report.plan().isEmpty());
        assertEquals(3, report.count(Status.FAIL));
    }

    @Test
    void modeOffDoesNotRunTheRule() {
        ResourceReport report = evaluator(Map.of("BG_RULE_MODE_REDIS_006", "off")).evaluate(cache);
        assertEquals(List.of("REDIS-001", "REDIS-007"), report.findings().stream().map(f -> f.rule().id()).toList());
    }

    @Test
    void anExemptionTagWithoutIdsSkipsTheResource() {
        ResourceSnapshot exempt = Fixtures.with(cache, "tags", Fixtures.parse("{\"Baseline-Guard-Exempt\": \"\"}"));
        ResourceReport report = evaluator(Map.of()).evaluate(exempt);
        assertTrue(report.skipped().orElseThrow().contains("exempt"));
        assertTrue(report.findings().isEmpty());
        assertTrue(report.plan().isEmpty());
    }

    @Test
    void anExemptionTagWithIdsExemptsOnlyThoseRules() {
        ResourceSnapshot exempt = Fixtures.with(cache, "tags", Fixtures.parse("{\"baseline-guard-exempt\": \"redis-006; NOPE-1\"}"));
        ResourceReport report = evaluator(Map.of()).evaluate(exempt);
        assertEquals(List.of("REDIS-001", "REDIS-007"), report.findings().stream().map(f -> f.rule().id()).toList());
        assertEquals(Set.of("REDIS-006"), report.exemption().orElseThrow().ruleIds());
        assertEquals(List.of("NOPE-1"), report.exemption().orElseThrow().unknownIds());
        assertEquals(List.of("REDIS-007"), report.plan().steps().get(0).ruleIds());
    }

    @Test
    void aCustomExemptionTagIsHonoured() {
        ResourceSnapshot exempt = Fixtures.with(cache, "tags", Fixtures.parse("{\"no-guard\": \"all\"}"));
        assertTrue(evaluator(Map.of("BG_EXEMPTION_TAG", "no-guard")).evaluate(exempt).skipped().isPresent());
        assertTrue(evaluator(Map.of()).evaluate(exempt).skipped().isEmpty());
    }

    @Test
    void resourcesOutsideTheScopesAreSkipped() {
        Map<String, String> env = new HashMap<>();
        env.put("BG_SCOPES", "/subscriptions/11111111-1111-1111-1111-111111111111");
        assertTrue(evaluator(env).evaluate(cache).skipped().orElseThrow().contains("scopes"));
        env.put("BG_SCOPES", "/subscriptions/11111111-1111-1111-1111-111111111111, /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG1");
        assertTrue(evaluator(env).evaluate(cache).skipped().isEmpty());
    }

    @Test
    void rulesRunOnlyOnTheirOwnResourceType() {
        ResourceSnapshot account = Fixtures.snapshot("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json");
        ResourceReport report = evaluator(Map.of()).evaluate(account);
        assertTrue(report.findings().isEmpty(), "no Redis rule applies to a Batch account");
    }

    @Test
    void onlyRulesRestrictsTheRun() {
        Evaluator only = new Evaluator(catalog, SettingsLoader.load(Map.of(), catalog).onlyRules(Set.of("REDIS-007")));
        ResourceReport report = only.evaluate(cache);
        assertEquals(List.of("REDIS-007"), report.findings().stream().map(f -> f.rule().id()).toList());
    }
}
