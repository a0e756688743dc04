package com.baselineguard.function;

import com.baselineguard.engine.Outcome;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import java.util.logging.Level;

/** The glue every function shares: log the one outcome line, hand follow-up work to the queue. */
final class Outcomes {

    /** The deferred-work queue; host.json sets its visibility timeout and attempt bound. */
    static final String QUEUE = "baseline-guard-work";
    static final String POISON_QUEUE = QUEUE + "-poison";
    static final String CONNECTION = "AzureWebJobsStorage";

    private Outcomes() {
    }

    static void log(ExecutionContext context, Outcome outcome) {
        Level level = switch (outcome.result()) {
            case FAILED -> Level.SEVERE;
            case DEFERRED, CONTESTED -> Level.WARNING;
            default -> Level.INFO;
        };
        context.getLogger().log(level, outcome.logLine());
    }

    /** Logs the outcome and queues its follow-up, if any. */
    static void finish(ExecutionContext context, Outcome outcome, OutputBinding<String> queue) {
        log(context, outcome);
        outcome.followUp().ifPresent(next -> queue.setValue(next.toJson()));
    }
}
