package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.WorkItem;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.util.function.Supplier;

/**
 * Deferred work from the {@value Outcomes#QUEUE} queue: the next plan step, the verification read,
 * or waiting out a busy resource. When more remains, the invocation ends by throwing
 * {@link FollowUpPending}: the Functions host then makes the same message visible again after
 * host.json's {@code visibilityTimeout} (the delay) and counts the delivery, and after
 * {@code maxDequeueCount} deliveries moves it to the poison queue (the attempt bound), where
 * {@link DeferredRemediationPoison} records the final failed outcome. The Java queue output binding
 * cannot set an initial visibility delay, so the retry delay is the one the host provides.
 */
public final class DeferredRemediation {

    private final Supplier<Composition> composition;

    public DeferredRemediation() {
        this(Composition::instance);
    }

    DeferredRemediation(Supplier<Composition> composition) {
        this.composition = composition;
    }

    @FunctionName("DeferredRemediation")
    public void run(
            @QueueTrigger(name = "message", queueName = Outcomes.QUEUE, connection = Outcomes.CONNECTION) String message,
            @BindingName("DequeueCount") long dequeueCount,
            final ExecutionContext context) {
        Composition app = composition.get();
        Remediator remediator = app.remediator();
        WorkItem item;
        try {
            item = WorkItem.fromJson(message);
        } catch (IllegalArgumentException e) {
            // A message that is not a work item will never become one: record it and drop it.
            Outcomes.log(context, app, remediator.giveUp(WorkItem.unreadable(message), "unreadable queue message: " + e.getMessage()));
            return;
        }
        WorkItem delivered = item.redelivered(dequeueCount);
        Outcome outcome = remediator.handle(delivered);
        Outcomes.log(context, app, outcome);
        if (outcome.followUp().isPresent()) {
            throw new FollowUpPending(outcome);
        }
    }

    /** Ends an invocation whose work is not finished, so that the host delivers the message again later. */
    public static final class FollowUpPending extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FollowUpPending(Outcome outcome) {
            super("follow-up pending for " + outcome.item().resourceId() + " (" + outcome.result().label()
                    + "); the host redelivers the message after the queue visibility timeout", null, false, false);
        }
    }
}
