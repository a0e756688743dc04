package com.baselineguard.bench;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;

/** The whole catalog from JSON text, per CPU second of one thread (see {@link CpuThroughput}). */
public final class EngineCpuProbe {

    private EngineCpuProbe() {
    }

    static List<Double> evaluateFromJson(double warmup, int rounds) {
        Catalog catalog = Catalog.standard();
        Evaluator evaluator = new Evaluator(catalog, SettingsLoader.load(Map.of(), catalog));
        List<String> texts = BenchFixtures.resourceTexts();
        return CpuThroughput.measure(() -> {
            Object last = null;
            for (String text : texts) {
                last = evaluator.evaluate(ResourceSnapshot.of(JsonParser.parseString(text).getAsJsonObject()));
            }
            return last;
        }, texts.size(), warmup, rounds);
    }

    public static void main(String[] args) {
        System.out.println(evaluateFromJson(10, 5));
    }
}
