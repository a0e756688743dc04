package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.EventIntake;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.Trigger;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.event.EventParseException;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The guardrail: Event Grid delivers {@code Microsoft.Resources.ResourceWriteSuccess} from the
 * subscription's system topic; the resource is re-read, evaluated, and its next plan step sent. The
 * invocation never waits for a long-running operation (Event Grid redelivers after 30 s): later steps
 * and the verification go to the deferred-work queue. Bound to String and parsed here; the worker's
 * POJO binding breaks on Event Grid payloads (azure-functions-java-worker#247).
 */
public final class OnResourceWrite {

    private final Supplier<Composition> composition;

    public OnResourceWrite() {
        this(Composition::instance);
    }

    OnResourceWrite(Supplier<Composition> composition) {
        this.composition = composition;
    }

    @FunctionName("OnResourceWrite")
    public void run(
            @EventGridTrigger(name = "event") String event,
            @QueueOutput(name = "followUp", queueName = Outcomes.QUEUE, connection = Outcomes.CONNECTION)
                    OutputBinding<List<String>> followUp,
            final ExecutionContext context) {
        Composition app = composition.get();
        EventIntake intake = new EventIntake(app.remediator(), app.ownClientId());
        List<Outcome> outcomes;
        try {
            outcomes = intake.handle(event);
        } catch (EventParseException e) {
            // Not an event: retrying cannot help, so record it and return normally.
            WorkItem item = new WorkItem("", Trigger.EVENT, Optional.empty(), context.getInvocationId(), false, 0,
                    Instant.EPOCH);
            outcomes = List.of(app.remediator().record(item, Result.SKIPPED, "not an event delivery: " + e.getMessage()));
        }
        List<String> queued = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Outcomes.log(context, app, outcome);
            outcome.followUp().ifPresent(next -> queued.add(next.toJson()));
        }
        if (!queued.isEmpty()) {
            followUp.setValue(queued);
        }
    }
}
