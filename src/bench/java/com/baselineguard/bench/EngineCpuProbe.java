package com.baselineguard.bench;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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

    /** The line a run prints its figures on: {@code CPU-RESULT {"perCpuSecond":[...]}}. */
    static final String MARKER = "CPU-RESULT ";

    /** Arguments: warm-up CPU seconds, rounds (default 8 and 9). */
    public static void main(String[] args) {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        JsonArray figures = new JsonArray();
        evaluateFromJson(warmup, rounds).forEach(figures::add);
        JsonObject out = new JsonObject();
        out.add("perCpuSecond", figures);
        System.out.println(MARKER + out);
    }
}
