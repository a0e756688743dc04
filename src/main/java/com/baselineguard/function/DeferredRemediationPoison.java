package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.WorkItem;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.util.function.Supplier;

/** Records the final failed outcome of work the queue gave up on (moved to the poison queue). */
public final class DeferredRemediationPoison {

    private final Supplier<Composition> composition;

    public DeferredRemediationPoison() {
        this(Composition::instance);
    }

    DeferredRemediationPoison(Supplier<Composition> composition) {
        this.composition = composition;
    }

    @FunctionName("DeferredRemediationPoison")
    public void run(
            @QueueTrigger(name = "message", queueName = Outcomes.POISON_QUEUE, connection = Outcomes.CONNECTION)
                    String message,
            final ExecutionContext context) {
        Composition app = composition.get();
        Remediator remediator = app.remediator();
        WorkItem item;
        try {
            item = WorkItem.fromJson(message);
        } catch (IllegalArgumentException e) {
            item = WorkItem.unreadable(message);
        }
        Outcomes.log(context, app, remediator.giveUp(item, "gave up: the work was delivered the most times host.json allows"
                + " (maxDequeueCount) without finishing; the resource may still be non-compliant"));
    }
}
