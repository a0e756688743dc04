package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.redis.RedisMinTls;
import com.baselineguard.rules.redis.RedisNonTlsPort;
import com.baselineguard.rules.redis.RedisPublicNetworkAccess;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.Values;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonElement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Planner planner = new Planner();
    private final ResourceSnapshot cache = Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json");

    @Test
    void sharedHardeningGoesInOnePatchAndPublicAccessAloneLast() {
        RemediationPlan plan = planner.plan(cache,
                List.of(new RedisPublicNetworkAccess(), new RedisNonTlsPort(), new RedisMinTls()), RuleSettings.defaults());
        assertEquals(2, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\"}}"),
                plan.steps().get(0).body());
        assertEquals(List.of("REDIS-006", "REDIS-007"), plan.steps().get(0).ruleIds());
        assertEquals(Fixtures.parse("{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"), plan.steps().get(1).body());
        assertEquals(cache.id().toString(), plan.steps().get(1).target());
    }

    @Test
    void planIsEmptyForACompliantResource() {
        ResourceSnapshot fixed = Planner.applyAll(cache, planner.plan(cache,
                List.of(new RedisPublicNetworkAccess(), new RedisNonTlsPort(), new RedisMinTls()), RuleSettings.defaults()));
        assertTrue(planner.plan(fixed, List.of(new RedisPublicNetworkAccess(), new RedisNonTlsPort(), new RedisMinTls()),
                RuleSettings.defaults()).isEmpty());
    }

    @Test
    void aFixWhosePreconditionAnEarlierStepSatisfiesIsPlannedAfterIt() {
        // "local" needs "entra" to be on first, as disableAccessKeyAuthentication needs aad-enabled.
        Rule entra = property("REDIS-901", "Redis.TestEntra", "properties.testEntra", FixStage.ENTRA_AUTHENTICATION, s -> Optional.empty());
        Rule local = property("REDIS-902", "Redis.TestLocal", "properties.testLocal", FixStage.LOCAL_AUTHENTICATION,
                s -> s.value("properties.testEntra").filter(Values::isTrue).isPresent()
                        ? Optional.empty() : Optional.of("entra is off"));
        assertTrue(local.evaluate(cache, RuleSettings.defaults()).fix().orElseThrow().blocked());
        RemediationPlan plan = planner.plan(cache, List.of(local, entra), RuleSettings.defaults());
        assertEquals(2, plan.steps().size());
        assertEquals(List.of("REDIS-901"), plan.steps().get(0).ruleIds());
        assertEquals(List.of("REDIS-902"), plan.steps().get(1).ruleIds());
    }

    @Test
    void aFixThatStaysBlockedIsNeverPlanned() {
        Rule blocked = property("REDIS-903", "Redis.TestBlocked", "properties.testBlocked", FixStage.HARDENING,
                s -> Optional.of("never"));
        assertTrue(planner.plan(cache, List.of(blocked), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void conflictingValuesForOnePropertyPickTheValueThatSatisfiesMoreRules() {
        // Like Batch local auth: one rule wants exactly ["AAD"], the other only "no SharedKey".
        Rule strict = modes("REDIS-904", "Redis.TestStrict", "[\"AAD\"]", v -> v.toString().equals("[\"AAD\"]"));
        Rule lenient = modes("REDIS-905", "Redis.TestLenient", "[\"AAD\",\"TaskAuthenticationToken\"]",
                v -> !v.toString().contains("SharedKey"));
        RemediationPlan plan = planner.plan(cache, List.of(lenient, strict), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"modes\":[\"AAD\"]}}"), plan.steps().get(0).body());
        ResourceSnapshot after = Planner.applyAll(cache, plan);
        assertEquals(Status.PASS, strict.evaluate(after, RuleSettings.defaults()).status());
        assertEquals(Status.PASS, lenient.evaluate(after, RuleSettings.defaults()).status());
    }

    @Test
    void exclusiveStagesGetOneStepPerFix() {
        Rule a = property("REDIS-906", "Redis.TestA", "properties.testA", FixStage.VERSION, s -> Optional.empty());
        Rule b = property("REDIS-907", "Redis.TestB", "properties.testB", FixStage.VERSION, s -> Optional.empty());
        RemediationPlan plan = planner.plan(cache, List.of(a, b), RuleSettings.defaults());
        assertEquals(2, plan.steps().size());
        assertEquals(1, plan.steps().get(0).changes().size());
        assertEquals(1, plan.steps().get(1).changes().size());
    }

    private static Rule property(String id, String name, String path, FixStage stage,
            java.util.function.Function<ResourceSnapshot, Optional<String>> blocker) {
        PropertyCheck check = PropertyCheck.at(path).expect("true", Values::isTrue).whenAbsent(false, "off")
                .fixTo(Values.bool(true), stage);
        return new TestRule(metadata(id, name), (s, settings) -> check.evaluate(s, blocker.apply(s)));
    }

    private static Rule modes(String id, String name, String fixValue, java.util.function.Predicate<JsonElement> ok) {
        var path = com.baselineguard.model.JsonPath.of("properties.modes");
        return new TestRule(metadata(id, name), (s, settings) -> {
            Optional<JsonElement> value = path.read(s.resource());
            if (value.isPresent() && ok.test(value.get())) {
                return Evaluation.pass("modes ok");
            }
            return Evaluation.fail("modes not ok", Fix.of(FixStage.HARDENING,
                    new Change.Property(path, value.orElse(null), Fixtures.parse(fixValue))));
        });
    }

    private static RuleMetadata metadata(String id, String name) {
        return RuleMetadata.rule(id, name).resourceType(ResourceType.REDIS).severity(Severity.LOW).controls("1.1")
                .synopsis("test rule").recommendation("test").fixClass(FixClass.SAFE).build();
    }

    /** A rule defined inline, to exercise the planner's mechanics in isolation. */
    private record TestRule(RuleMetadata metadata,
            java.util.function.BiFunction<ResourceSnapshot, RuleSettings, Evaluation> logic) implements Rule {
        @Override
        public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
            return logic.apply(resource, settings);
        }
    }
}
