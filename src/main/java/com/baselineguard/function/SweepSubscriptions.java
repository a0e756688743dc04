package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Scopes;
import com.baselineguard.engine.Sweeper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueOutput;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * The scheduled sweep (app setting {@code SWEEP_SCHEDULE}, an NCRONTAB expression): evaluates every
 * supported resource in scope from Resource Graph and queues the ones that need a fix, so the work
 * fans out across instances through the same queue as events.
 */
public final class SweepSubscriptions {

    private final Supplier<Composition> composition;

    public SweepSubscriptions() {
        this(Composition::instance);
    }

    SweepSubscriptions(Supplier<Composition> composition) {
        this.composition = composition;
    }

    @FunctionName("SweepSubscriptions")
    public void run(
            @TimerTrigger(name = "timer", schedule = "%SWEEP_SCHEDULE%") String timer,
            @QueueOutput(name = "work", queueName = Outcomes.QUEUE, connection = Outcomes.CONNECTION)
                    OutputBinding<List<String>> work,
            final ExecutionContext context) {
        Composition app = composition.get();
        Scopes scopes = app.policy().scopes();
        List<String> messages = new ArrayList<>();
        Sweeper.Summary summary = app.sweeper().sweep(scopes.subscriptions(), scopes.managementGroups(), false,
                item -> messages.add(item.toJson()));
        work.setValue(messages);
        context.getLogger().log(summary.error().isPresent() ? Level.SEVERE : Level.INFO, summary.logLine());
    }
}
