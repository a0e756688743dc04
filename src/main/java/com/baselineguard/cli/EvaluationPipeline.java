package com.baselineguard.cli;

import com.baselineguard.engine.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The second pass on two threads: a reader thread reads, parses and evaluates the resources; the
 * command's thread writes them, in input order. Writing a report costs about as much as reading and
 * evaluating (profiles of 10,000 and 100,000 resources), so on two cores the two halves overlap.
 * They meet in a bounded queue of small batches, so memory stays bounded by its capacity however
 * long the input.
 */
final class EvaluationPipeline {

    /** Where the written half goes: the command's report, summary and console. */
    interface Writer {
        void evaluated(Evaluated evaluated);

        void ignored(ExportReader.Ignored item);

        void error(ExportReader.InputError error);

        void related();

        /** An input is read through (for --verbose). */
        void inputDone(ExportInputs.Usable input, long nanos);
    }

    private static final int BATCH = 16;
    private static final int BATCHES = 2;

    private record InputDone(ExportInputs.Usable input, long nanos) {
    }

    private record Related() {
    }

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();
    private static final Related RELATED = new Related();

    private final Evaluator evaluator;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES);

    EvaluationPipeline(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Reads {@code inputs} and hands every event to {@code writer} on the calling thread, in input order. */
    void run(ExportReader reader, List<ExportInputs.Usable> inputs, Writer writer) {
        Thread worker = new Thread(() -> produce(reader, inputs), "baseline-guard-reader");
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                for (Object event : queue.take()) {
                    if (event == END) {
                        return;
                    } else if (event instanceof Evaluated evaluated) {
                        writer.evaluated(evaluated);
                    } else if (event instanceof ExportReader.Ignored ignored) {
                        writer.ignored(ignored);
                    } else if (event instanceof ExportReader.InputError error) {
                        writer.error(error);
                    } else if (event instanceof Related) {
                        writer.related();
                    } else if (event instanceof InputDone done) {
                        writer.inputDone(done.input(), done.nanos());
                    } else if (event instanceof Failure failure) {
                        if (failure.cause() instanceof RuntimeException e) {
                            throw e;
                        }
                        if (failure.cause() instanceof Error e) {
                            throw e;
                        }
                        throw new IllegalStateException(failure.cause());
                    }
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        }
    }

    private void produce(ExportReader reader, List<ExportInputs.Usable> inputs) {
        Batcher out = new Batcher();
        try {
            ExportReader.Sink sink = new ExportReader.Sink() {
                @Override
                public void resource(ExportReader.Loaded loaded) {
                    out.add(new Evaluated(evaluator.evaluate(loaded.snapshot()), loaded.file(), loaded.line()));
                }

                @Override
                public void ignored(ExportReader.Ignored item) {
                    out.add(item);
                }

                @Override
                public void error(ExportReader.InputError error) {
                    out.add(error);
                }

                @Override
                public void related() {
                    out.add(RELATED);
                }
            };
            for (ExportInputs.Usable input : inputs) {
                long start = System.nanoTime();
                reader.read(input, sink);
                out.add(new InputDone(input, System.nanoTime() - start));
            }
            out.add(END);
        } catch (RuntimeException | Error e) {
            out.add(new Failure(e));
        }
        out.flush();
    }

    /** Collects events into batches, so the threads meet once per batch, not once per resource. */
    private final class Batcher {
        private List<Object> batch = new ArrayList<>(BATCH);

        void add(Object event) {
            batch.add(event);
            if (batch.size() == BATCH || event == END || event instanceof Failure) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the command's thread stopped waiting; nothing reads the queue any more
            }
            batch = new ArrayList<>(BATCH);
        }
    }
}
