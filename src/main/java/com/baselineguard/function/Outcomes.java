package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.port.OutcomeSink;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import java.util.logging.Level;

/**
 * The glue every function shares: log the one outcome line, publish it to the outcome topic when one
 * is configured, hand follow-up work to the queue.
 */
final class Outcomes {

    /** The deferred-work queue; host.json sets its visibility timeout and attempt bound. */
    static final String QUEUE = "baseline-guard-work";
    static final String POISON_QUEUE = QUEUE + "-poison";
    static final String CONNECTION = "AzureWebJobsStorage";

    private Outcomes() {
    }

    /** Logs the outcome first (the record of truth), then publishes it; a failed publish is one warning line. */
    static void log(ExecutionContext context, Composition app, Outcome outcome) {
        Level level = switch (outcome.result()) {
            case FAILED -> Level.SEVERE;
            case DEFERRED, CONTESTED -> Level.WARNING;
            default -> Level.INFO;
        };
        context.getLogger().log(level, outcome.logLine());
        OutcomeSink sink;
        try {
            sink = app.outcomeSink();
        } catch (RuntimeException e) {
            context.getLogger().warning("BaselineGuardOutcomeNotPublished outcomeId=" + outcome.outcomeId()
                    + " error=" + e.getClass().getSimpleName() + " (the publisher could not be built)");
            return;
        }
        sink.publish(outcome.event(OutcomeSink.source(context.getFunctionName())))
                .ifPresent(warning -> context.getLogger().warning(warning));
    }

    /** Logs the outcome and queues its follow-up, if any. */
    static void finish(ExecutionContext context, Composition app, Outcome outcome, OutputBinding<String> queue) {
        log(context, app, outcome);
        outcome.followUp().ifPresent(next -> queue.setValue(next.toJson()));
    }
}
