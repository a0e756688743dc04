package com.baselineguard.bench;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.Mode;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.Policy;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.event.EventParser;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine on one core: each operation is one resource (or one event), so the score is resources
 * (events) per second per core. The mix is every Redis cache, Batch account and pool body among the
 * published fixtures, evaluated under the default policy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    /** The fixture mix has this many resources; checked in setup so the per-invocation count stays right. */
    static final int RESOURCES = 56;
    static final int EVENTS = 2;

    private List<String> texts;
    private List<ResourceSnapshot> snapshots;
    private List<List<Rule>> enforced;
    private List<String> events;
    private Evaluator evaluator;
    private Policy policy;

    @Setup
    public void setUp() {
        Catalog catalog = Catalog.standard();
        policy = SettingsLoader.load(Map.of(), catalog);
        evaluator = new Evaluator(catalog, policy);
        texts = BenchFixtures.resourceTexts();
        if (texts.size() != RESOURCES) {
            throw new IllegalStateException("the fixture mix has " + texts.size() + " resources; set RESOURCES to it");
        }
        snapshots = texts.stream().map(t -> ResourceSnapshot.of(JsonParser.parseString(t).getAsJsonObject())).toList();
        enforced = snapshots.stream().map(s -> catalog.rulesFor(s.type()).stream()
                .filter(r -> policy.modeOf(r.metadata().id()) == Mode.ENFORCE).toList()).toList();
        events = BenchFixtures.writeEvents();
    }

    /** JSON text to report: parse, snapshot, every rule, plan. */
    @Benchmark
    @OperationsPerInvocation(RESOURCES)
    public void evaluateFromJson(Blackhole bh) {
        for (String text : texts) {
            ResourceReport report = evaluator.evaluate(ResourceSnapshot.of(JsonParser.parseString(text).getAsJsonObject()));
            bh.consume(report);
        }
    }

    /** Evaluation and planning of an already-parsed snapshot. */
    @Benchmark
    @OperationsPerInvocation(RESOURCES)
    public void evaluateSnapshot(Blackhole bh) {
        for (ResourceSnapshot snapshot : snapshots) {
            bh.consume(evaluator.evaluate(snapshot));
        }
    }

    /** Planning alone: the enforced rules of each resource, simulated step by step. */
    @Benchmark
    @OperationsPerInvocation(RESOURCES)
    public void planOnly(Blackhole bh) {
        Planner planner = new Planner();
        for (int i = 0; i < RESOURCES; i++) {
            bh.consume(planner.plan(snapshots.get(i), enforced.get(i), policy.ruleSettings()));
        }
    }

    /** The published ResourceWriteSuccess deliveries, Event Grid schema and CloudEvents. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseWriteEvent(Blackhole bh) {
        for (String event : events) {
            bh.consume(EventParser.parse(event));
        }
    }
}
