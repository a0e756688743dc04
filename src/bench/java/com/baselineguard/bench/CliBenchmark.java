package com.baselineguard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line's whole path, as an operator runs it: exports of 1,000, 10,000 and 100,000
 * resources generated from the real published shapes ({@link Estate}), each evaluated by
 * {@code java -jar target/baseline-guard-cli.jar evaluate FILE --format F} in a process of its own,
 * with wall time (JVM start included), peak resident memory and CPU time measured from outside.
 *
 * <p>Peak RSS and CPU time come from GNU time ({@code /usr/bin/time -f}) when it is installed, else
 * from {@code /proc/<pid>/status} ({@code VmHWM}, polled) and no CPU figure. Because the build machines
 * are shared, every figure is the median of {@code bench.cliRuns} runs (default 3) and the report also
 * says how busy the machine was with other work while the runs went.
 *
 * <p>Run alone: {@code java -cp <test classpath> com.baselineguard.bench.CliBenchmark [outDir]} (after
 * {@code mvn -B -Pbench package -DskipTests}); {@link PerformanceReport} runs it as its {@code cli} part.
 * Settings: {@code bench.cliJar}, {@code bench.cliSizes} (default 1000,10000,100000), {@code bench.cliRuns}.
 */
public final class CliBenchmark {

    /** One figure of the report: what, the value, the budget and the verdict (empty when none). */
    record Row(String figure, String value, String budget, String verdict) {
    }

    /** One run of the command. */
    record Measurement(double wallSeconds, Optional<Double> cpuSeconds, long peakRssKb, int exit, double othersBusy) {
    }

    private final Path jar;
    private final Path work;
    private final int runs;
    final List<Row> rows = new ArrayList<>();
    final List<String> verdicts = new ArrayList<>();
    boolean allPass = true;

    CliBenchmark(Path jar, Path work, int runs) {
        this.jar = jar;
        this.work = work;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/performance");
        Files.createDirectories(out);
        CliBenchmark benchmark = fromProperties(out);
        benchmark.run();
        StringBuilder text = new StringBuilder("| Figure | Value | Budget | Verdict |\n|---|---|---|---|\n");
        benchmark.rows.forEach(r -> text.append("| ").append(r.figure()).append(" | ").append(r.value()).append(" | ")
                .append(r.budget()).append(" | ").append(r.verdict()).append(" |\n"));
        text.append('\n');
        benchmark.verdicts.forEach(v -> text.append("- ").append(v).append('\n'));
        Files.writeString(out.resolve("cli.md"), text);
        System.out.println(text);
    }

    static CliBenchmark fromProperties(Path out) throws IOException {
        Path jar = Path.of(System.getProperty("bench.cliJar", "target/baseline-guard-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the command-line jar '" + jar + "' is missing: run the benchmarks with"
                    + " 'mvn -B -Pbench package exec:exec -DskipTests', which builds it first");
        }
        Path work = Files.createDirectories(out.resolve("cli"));
        return new CliBenchmark(jar, work, Integer.getInteger("bench.cliRuns", 3));
    }

    void run() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.cliSizes", "1000,10000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Estate estate = new Estate();
        rows.add(new Row(String.format(Locale.ROOT, "Exports: %s resources from %d compliant and %d non-compliant real"
                + " shapes (1 in 10 non-compliant), as an ARM list response (`{\"value\": [...]}`, pretty-printed)",
                String.join(" / ", sizes.stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList()),
                estate.compliantShapes(), estate.nonCompliantShapes()), "", "", ""));
        double[] tableMedian = new double[sizes.size()];
        for (int s = 0; s < sizes.size(); s++) {
            int size = sizes.get(s);
            Path file = work.resolve("estate-" + size + ".json");
            estate.write(file, size, 10, false);
            long bytes = Files.size(file);
            for (String format : List.of("json", "table")) {
                List<Measurement> measured = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    measured.add(measure(command(List.of(), file.toString(), "--format", format), null));
                }
                double median = median(measured.stream().map(Measurement::wallSeconds).toList());
                if (format.equals("table")) {
                    tableMedian[s] = median;
                }
                budgetRow(String.format(Locale.ROOT, "evaluate %,d resources (%.0f MB), --format %s", size, bytes / 1e6,
                        format), size, measured, true);
            }
            liveRow(file, size);
            if (size >= 10_000) {
                // For comparison, not the budget: the same with JVM options an operator can add (docs/performance.md).
                for (List<String> options : List.of(List.of("-XX:+UseSerialGC"),
                        List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))) {
                    List<Measurement> measured = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        measured.add(measure(command(options, file.toString(), "--format", "json"), null));
                    }
                    budgetRow(String.format(Locale.ROOT, "java %s -jar ... evaluate %,d resources, --format json",
                            String.join(" ", options), size), size, measured, false);
                }
            }
            Files.delete(file);
        }
        if (sizes.size() >= 3) {
            // Cost per 1,000 resources beyond the smallest run (which is mostly JVM start and loading): the same
            // at 10k and 100k when cost is linear; larger at 100k if it grew faster than the input.
            double small = sizes.get(0);
            double perThousandMid = (tableMedian[1] - tableMedian[0]) / (sizes.get(1) - small) * 1000;
            double perThousandLarge = (tableMedian[2] - tableMedian[0]) / (sizes.get(2) - small) * 1000;
            boolean linear = perThousandLarge <= perThousandMid * 1.25;
            rows.add(new Row("Cost per 1,000 resources beyond the " + String.format(Locale.ROOT, "%,d", sizes.get(0))
                    + "-resource run (table, medians): up to 10k / up to 100k", String.format(Locale.ROOT,
                    "%.0f ms / %.0f ms", perThousandMid * 1000, perThousandLarge * 1000),
                    "linear: 100k no dearer than 10k (+25 %)", verdict(linear, "cost grows linearly with the resources")));
        }
        // The streaming forms: JSON Lines on standard input, out as JSON Lines.
        int largest = sizes.get(sizes.size() - 1);
        Path lines = work.resolve("estate-" + largest + ".jsonl");
        estate.write(lines, largest, 10, true);
        List<Measurement> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(measure(command(List.of(), "-", "--format", "jsonl"), lines));
        }
        budgetRow(String.format(Locale.ROOT, "evaluate - (standard input) of %,d resources as JSON Lines (%.0f MB), --format jsonl",
                largest, Files.size(lines) / 1e6), largest, measured, true);
        Files.delete(lines);
    }

    private List<String> command(List<String> jvmOptions, String... evaluateArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "evaluate"));
        command.addAll(List.of(evaluateArgs));
        return command;
    }

    /**
     * What the run keeps, as against what the JVM reserves: the heap still in use after each garbage
     * collection (one run with {@code -Xlog:gc}), the most over the run. Flat across sizes when memory does
     * not grow with the resources; RSS above it is the young generation the JVM chose to fill between
     * collections.
     */
    private void liveRow(Path file, int size) throws IOException, InterruptedException {
        Path log = work.resolve("gc-" + size + ".log");
        Measurement run = measure(command(List.of("-Xlog:gc:file=" + log), file.toString(), "--format", "json"), null);
        long mostAfter = 0;
        long mostBefore = 0;
        int collections = 0;
        java.util.regex.Pattern pause = java.util.regex.Pattern.compile("Pause Young.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
        for (String line : Files.readAllLines(log)) {
            java.util.regex.Matcher m = pause.matcher(line);
            if (m.find()) {
                collections++;
                mostBefore = Math.max(mostBefore, Long.parseLong(m.group(1)));
                mostAfter = Math.max(mostAfter, Long.parseLong(m.group(2)));
            }
        }
        Files.deleteIfExists(log);
        rows.add(new Row(String.format(Locale.ROOT, "evaluate %,d resources, --format json: heap in use after a collection"
                + " (most of the run) / heap in use before one (the young generation filled) / collections", size),
                String.format(Locale.ROOT, "%d MB / %d MB / %d (RSS of this run %.0f MB)", mostAfter, mostBefore, collections,
                        run.peakRssKb() / 1024.0), "flat across sizes", ""));
    }

    /** @param budget whether the row is held to the budget (plain {@code java -jar}) or shown for comparison */
    private void budgetRow(String figure, int size, List<Measurement> measured, boolean budget) {
        double median = median(measured.stream().map(Measurement::wallSeconds).toList());
        double best = measured.stream().mapToDouble(Measurement::wallSeconds).min().orElse(Double.NaN);
        long rss = measured.stream().mapToLong(Measurement::peakRssKb).max().orElse(0);
        List<Double> cpu = measured.stream().flatMap(m -> m.cpuSeconds().stream()).toList();
        double others = median(measured.stream().map(Measurement::othersBusy).toList());
        boolean exits = measured.stream().allMatch(m -> m.exit() == 0 || m.exit() == 1);
        String value = String.format(Locale.ROOT, "%.2f s (best %.2f s) / %.0f MB%s; other work on the machine: %.0f %%",
                median, best, rss / 1024.0, cpu.isEmpty() ? "" : String.format(Locale.ROOT, " / CPU %.1f s", median(cpu)),
                others * 100);
        String limits = "";
        String verdict;
        if (size == 10_000 || size == 100_000) {
            double seconds = size == 10_000 ? 2 : 10;
            limits = String.format(Locale.ROOT, "<= %.0f s, <= 400 MB", seconds);
            boolean within = exits && median <= seconds && rss <= 400 * 1024;
            verdict = budget ? verdict(within, figure.replace("--format ", "") + " within " + limits)
                    : within ? "(within)" : "(over)";
        } else {
            verdict = exits ? "" : verdict(false, figure + " exits 0 or 1");
        }
        rows.add(new Row(figure + ": wall time, median of " + measured.size() + " (JVM start included) / peak RSS, most of"
                + " any run / CPU time (user + system)", value, budget ? limits : "", verdict));
    }

    /** Runs {@code command} to its end, its output thrown away; standard input from {@code stdin} when given. */
    static Measurement measure(List<String> command, Path stdin) throws IOException, InterruptedException {
        Path gnuTime = Path.of("/usr/bin/time");
        boolean timed = Files.isExecutable(gnuTime);
        Path timeOut = Files.createTempFile("bg-time", ".txt");
        List<String> full = new ArrayList<>();
        if (timed) {
            full.addAll(List.of(gnuTime.toString(), "-o", timeOut.toString(), "-f", "%e %U %S %M"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        long[] before = cpuTicks();
        long start = System.nanoTime();
        Process process = builder.start();
        long polledPeak = 0;
        while (!process.waitFor(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (!timed) {
                polledPeak = Math.max(polledPeak, vmHwmKb(process.pid()));
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long[] after = cpuTicks();
        Optional<Double> cpu = Optional.empty();
        long rss = polledPeak;
        if (timed) {
            String[] parts = Files.readString(timeOut).trim().split("\\s+");
            String[] last = Arrays.copyOfRange(parts, parts.length - 4, parts.length);
            cpu = Optional.of(Double.parseDouble(last[1]) + Double.parseDouble(last[2]));
            rss = Long.parseLong(last[3]);
        }
        Files.deleteIfExists(timeOut);
        double others = Double.NaN;
        if (before.length == 2 && after.length == 2 && cpu.isPresent()) {
            // Busy time of the whole machine in the run, less our own, over what the cores could give.
            double hz = 100.0;
            double busy = (after[0] - before[0]) / hz;
            int cores = ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors();
            others = Math.max(0, (busy - cpu.get()) / (wall * cores));
        }
        return new Measurement(wall, cpu, rss, process.exitValue(), others);
    }

    /** Busy and total CPU ticks of the machine ({@code /proc/stat}), or nothing where there is no /proc. */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two polls
        }
        return 0;
    }

    private String verdict(boolean pass, String what) {
        allPass &= pass;
        verdicts.add((pass ? "PASS " : "FAIL ") + what);
        return pass ? "PASS" : "FAIL";
    }

    private static double median(List<Double> values) {
        return PerformanceReport.median(values);
    }
}
