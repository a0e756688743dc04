package com.baselineguard.bench;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Adds up the time spent inside ARM calls (SDK pipeline, TLS, loopback, the stand-in), to subtract from wall time. */
final class TimedGateway implements ArmGateway {

    private final ArmGateway delegate;
    private long nanos;

    TimedGateway(ArmGateway delegate) {
        this.delegate = delegate;
    }

    /** The time inside calls since the last take, in milliseconds. */
    synchronized double takeMillis() {
        double millis = nanos / 1e6;
        nanos = 0;
        return millis;
    }

    private ArmResponse timed(Supplier<ArmResponse> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            synchronized (this) {
                nanos += System.nanoTime() - start;
            }
        }
    }

    @Override
    public ArmResponse get(ResourceId id) {
        return timed(() -> delegate.get(id));
    }

    @Override
    public ArmResponse listRelated(ResourceId id, RelatedKind kind, Optional<String> nextLink) {
        return timed(() -> delegate.listRelated(id, kind, nextLink));
    }

    @Override
    public ArmResponse patch(ResourceId id, JsonObject body, Optional<String> ifMatch) {
        return timed(() -> delegate.patch(id, body, ifMatch));
    }

    @Override
    public ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body) {
        return timed(() -> delegate.putDiagnosticSetting(id, name, body));
    }

    @Override
    public ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups, int top,
            String skipToken) {
        return timed(() -> delegate.resourceGraph(query, subscriptions, managementGroups, top, skipToken));
    }
}
