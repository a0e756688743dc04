package com.baselineguard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's whole path, as the README tells an operator to run it: {@code bin/baseline-guard
 * evaluate FILE --format F} (the launcher, its JVM options and class-data archive) in a process of its
 * own, on exports of 1,000, 10,000 and 100,000 resources generated from the real published shapes
 * ({@link Estate}), in each of the formats of the budgets (json, jsonl, table), and JSON Lines on
 * standard input. Wall time (JVM start included), peak resident memory and CPU time are measured from
 * outside; each figure is the median of {@code bench.cliRuns} runs (default 3), held to the budgets of
 * issue 15 (10,000 resources in 2 s, 100,000 in 10 s, both in 400 MB). For comparison, the same with
 * plain {@code java -jar} (the JVM's defaults).
 *
 * <p>Peak RSS and CPU time come from GNU time ({@code /usr/bin/time -f}) when it is installed, else
 * from {@code /proc/<pid>/status} ({@code VmHWM}, polled) and no CPU figure. The build machines are
 * shared: each row also says how much of the machine other work took while its runs went (from
 * {@code /proc/stat}), and the report gives the load average before and after.
 *
 * <p>Run alone: {@code java -cp <test classpath> com.baselineguard.bench.CliBenchmark [outDir]} (after
 * {@code mvn -B -Pbench package -DskipTests}); {@link PerformanceReport} runs it as its {@code cli} part.
 * Settings: {@code bench.cliLauncher} (default bin/baseline-guard), {@code bench.cliJar},
 * {@code bench.cliSizes} (default 1000,10000,100000), {@code bench.cliFormats} (default json,jsonl,table),
 * {@code bench.cliRuns}.
 */
public final class CliBenchmark {

    /** One figure of the report: what, the value, the budget and the verdict (empty when none). */
    record Row(String figure, String value, String budget, String verdict) {
    }

    /** One run of the command. */
    record Measurement(double wallSeconds, Optional<Double> cpuSeconds, long peakRssKb, int exit, double othersBusy) {
    }

    /** The budgets of issue 15: whole process, JVM start included. */
    private static final Map<Integer, Double> SECONDS = Map.of(10_000, 2.0, 100_000, 10.0);
    private static final long RSS_BUDGET_KB = 400 * 1024;

    private final Path launcher;
    private final Path jar;
    private final Path work;
    private final int runs;
    final List<Row> rows = new ArrayList<>();
    final List<String> verdicts = new ArrayList<>();
    boolean allPass = true;

    CliBenchmark(Path launcher, Path jar, Path work, int runs) {
        this.launcher = launcher;
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
        text.append('\n').append(benchmark.allPass ? "VERDICT: PASS (every budget met)" : "VERDICT: FAIL (see above)")
                .append('\n');
        Files.writeString(out.resolve("cli.md"), text);
        System.out.println(text);
    }

    static CliBenchmark fromProperties(Path out) throws IOException {
        Path launcher = Path.of(System.getProperty("bench.cliLauncher", "bin/baseline-guard"));
        Path jar = Path.of(System.getProperty("bench.cliJar", "target/baseline-guard-cli.jar"));
        if (!Files.isRegularFile(jar) || !Files.isExecutable(launcher)) {
            throw new IllegalStateException("the launcher '" + launcher + "' or the jar '" + jar + "' is missing: run the"
                    + " benchmarks with 'mvn -B -Pbench package exec:exec -DskipTests', which builds the jar first");
        }
        Path work = Files.createDirectories(out.resolve("cli"));
        return new CliBenchmark(launcher, jar, work, Integer.getInteger("bench.cliRuns", 3));
    }

    void run() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.cliSizes", "1000,10000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        List<String> formats = Arrays.stream(System.getProperty("bench.cliFormats", "json,jsonl,table").split(","))
                .map(String::trim).toList();
        Estate estate = new Estate();
        Path archive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".jsa"));
        rows.add(new Row(String.format(Locale.ROOT, "Command: `%s evaluate FILE --format F` (JVM options: bin/jvm.options;"
                + " class-data archive %s); exports of %s resources from %d compliant and %d non-compliant real shapes"
                + " (1 in 10 non-compliant), as an ARM list response (`{\"value\": [...]}`, pretty-printed); load average"
                + " %s before", shown(launcher), Files.isRegularFile(archive) ? "present" : "ABSENT",
                String.join(" / ", sizes.stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList()),
                estate.compliantShapes(), estate.nonCompliantShapes(), loadAverage()), "", "", ""));
        Map<String, double[]> medians = new LinkedHashMap<>();
        formats.forEach(f -> medians.put(f, new double[sizes.size()]));
        for (int s = 0; s < sizes.size(); s++) {
            int size = sizes.get(s);
            Path file = work.resolve("estate-" + size + ".json");
            estate.write(file, size, 10, false);
            long bytes = Files.size(file);
            for (String format : formats) {
                List<Measurement> measured = measureRuns(launched(List.of(), file.toString(), "--format", format), null);
                // Cost is CPU time where there is a figure for it: on a shared machine it moves less with other work.
                List<Double> cpu = measured.stream().flatMap(m -> m.cpuSeconds().stream()).toList();
                medians.get(format)[s] = median(cpu.size() == measured.size() ? cpu
                        : measured.stream().map(Measurement::wallSeconds).toList());
                budgetRow(String.format(Locale.ROOT, "evaluate %,d resources (%.0f MB), --format %s", size, bytes / 1e6,
                        format), size, measured, true);
            }
            liveRow(file, size);
            if (size >= 10_000) {
                // For comparison, not the budget: the same with the JVM's defaults.
                List<Measurement> measured = measureRuns(plain(file.toString(), "--format", "json"), null);
                budgetRow(String.format(Locale.ROOT, "`java -jar %s` (the JVM's defaults), %,d resources, --format json",
                        shown(jar), size), size, measured, false);
            }
            Files.delete(file);
        }
        if (sizes.size() >= 3) {
            linearity(sizes, medians);
        }
        // The streaming form: JSON Lines on standard input, out as JSON Lines.
        int largest = sizes.get(sizes.size() - 1);
        Path lines = work.resolve("estate-" + largest + ".jsonl");
        estate.write(lines, largest, 10, true);
        List<Measurement> measured = measureRuns(launched(List.of(), "-", "--format", "jsonl"), lines);
        budgetRow(String.format(Locale.ROOT, "evaluate - (standard input) of %,d resources as JSON Lines (%.0f MB), --format jsonl",
                largest, Files.size(lines) / 1e6), largest, measured, true);
        Files.delete(lines);
        rows.add(new Row("Load average after the runs", loadAverage(), "", ""));
    }

    /**
     * Cost (CPU time, else wall time) per 1,000 resources beyond the smallest run (which is mostly JVM
     * start): the same up to the middle size and up to the largest when cost grows linearly with the
     * resources; lower up to the largest, since the compiler's work is spent in the first thousands.
     */
    private void linearity(List<Integer> sizes, Map<String, double[]> medians) {
        double small = sizes.get(0);
        for (Map.Entry<String, double[]> format : medians.entrySet()) {
            double[] m = format.getValue();
            double perThousandMid = (m[1] - m[0]) / (sizes.get(1) - small) * 1000;
            double perThousandLarge = (m[2] - m[0]) / (sizes.get(2) - small) * 1000;
            boolean linear = perThousandLarge <= perThousandMid * 1.25;
            rows.add(new Row(String.format(Locale.ROOT, "Cost (CPU time) per 1,000 resources beyond the %,d-resource run"
                    + " (--format %s, medians): up to %,d / up to %,d", sizes.get(0), format.getKey(), sizes.get(1),
                    sizes.get(2)),
                    String.format(Locale.ROOT, "%.0f ms / %.0f ms", perThousandMid * 1000, perThousandLarge * 1000),
                    "linear: the larger no dearer (+25 %)", verdict(linear, "cost grows linearly with the resources (--format "
                            + format.getKey() + ")")));
        }
    }

    private List<Measurement> measureRuns(Command command, Path stdin) throws IOException, InterruptedException {
        List<Measurement> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(measure(command, stdin));
        }
        return measured;
    }

    /** What the README runs: the launcher, with nothing from this environment's JVM option variables. */
    private Command launched(List<String> extraJvmOptions, String... evaluateArgs) {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "evaluate"));
        command.addAll(List.of(evaluateArgs));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_OPTS", "");
        environment.put("BASELINE_GUARD_OPTS", String.join(" ", extraJvmOptions));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return new Command(command, environment);
    }

    private Command plain(String... evaluateArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "evaluate"));
        command.addAll(List.of(evaluateArgs));
        return new Command(command, Map.of());
    }

    /** A command line and the environment variables it runs with (beside the inherited ones). */
    record Command(List<String> line, Map<String, String> environment) {
    }

    /**
     * What the run keeps, as against what the JVM reserves: the heap still in use after each garbage
     * collection (one run with {@code -Xlog:gc}), the most over the run. Flat across sizes when memory does
     * not grow with the resources; RSS above it is the young generation the JVM fills between collections.
     */
    private void liveRow(Path file, int size) throws IOException, InterruptedException {
        Path log = work.resolve("gc-" + size + ".log");
        Measurement run = measure(launched(List.of("-Xlog:gc:file=" + log), file.toString(), "--format", "json"), null);
        long mostAfter = 0;
        long mostBefore = 0;
        int collections = 0;
        java.util.regex.Pattern pause = java.util.regex.Pattern.compile("Pause (?:Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
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
                String.format(Locale.ROOT, "%d MB / %d MB / %d (RSS of this run %s)", mostAfter, mostBefore, collections,
                        megabytes(run.peakRssKb())), "flat across sizes", ""));
    }

    /** @param budget whether the row is held to the budget (the README's command) or shown for comparison */
    private void budgetRow(String figure, int size, List<Measurement> measured, boolean budget) {
        double median = median(measured.stream().map(Measurement::wallSeconds).toList());
        double best = measured.stream().mapToDouble(Measurement::wallSeconds).min().orElse(Double.NaN);
        long rss = measured.stream().mapToLong(Measurement::peakRssKb).max().orElse(0);
        // A 0 is a run whose peak RSS was not read (no GNU time, and polling /proc missed it): the most is then unknown.
        boolean rssMeasured = !measured.isEmpty() && measured.stream().allMatch(m -> m.peakRssKb() > 0);
        List<Double> cpu = measured.stream().flatMap(m -> m.cpuSeconds().stream()).toList();
        double others = median(measured.stream().map(Measurement::othersBusy).toList());
        boolean exits = measured.stream().allMatch(m -> m.exit() == 0 || m.exit() == 1);
        String value = String.format(Locale.ROOT, "%.2f s (best %.2f s) / %s%s; other work on the machine: %.0f %%",
                median, best, rssMeasured ? megabytes(rss) : "peak RSS not measured",
                cpu.isEmpty() ? "" : String.format(Locale.ROOT, " / CPU %.2f s", median(cpu)), others * 100);
        String limits = "";
        String verdict;
        Double seconds = SECONDS.get(size);
        if (seconds != null) {
            limits = String.format(Locale.ROOT, "<= %.0f s, <= 400 MB", seconds);
            boolean timely = exits && median <= seconds;
            boolean within = timely && rssMeasured && rss <= RSS_BUDGET_KB;
            verdict = budget ? verdict(within, figure.replace("--format ", "") + " within " + limits
                    + (rssMeasured ? "" : " (peak RSS not measured)"))
                    : within ? "(within)" : timely && !rssMeasured ? "(peak RSS not measured)" : "(over)";
        } else {
            verdict = exits ? "" : verdict(false, figure + " exits 0 or 1");
        }
        rows.add(new Row(figure + ": wall time, median of " + measured.size() + " (JVM start included) / peak RSS, most of"
                + " any run / CPU time (user + system)", value, budget ? limits : "", verdict));
    }

    /** Runs {@code command} to its end, its output thrown away; standard input from {@code stdin} when given. */
    static Measurement measure(Command command, Path stdin) throws IOException, InterruptedException {
        Path gnuTime = Path.of("/usr/bin/time");
        boolean timed = Files.isExecutable(gnuTime);
        Path timeOut = Files.createTempFile("bg-time", ".txt");
        List<String> full = new ArrayList<>();
        if (timed) {
            full.addAll(List.of(gnuTime.toString(), "-o", timeOut.toString(), "-f", "%e %U %S %M"));
        }
        full.addAll(command.line());
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(command.environment());
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

    /** A path as the README writes it: relative to the project's directory, where the benchmark runs. */
    private static Path shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : path;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A peak RSS as the rows show it; 0 is a figure that was not read. */
    private static String megabytes(long kb) {
        return kb > 0 ? String.format(Locale.ROOT, "%.0f MB", kb / 1024.0) : "not measured";
    }

    /** The process's peak RSS from /proc, or 0 where it cannot be read (no /proc, or the process just ended). */
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
