package com.baselineguard.arm;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An {@link ArmGateway} whose writes (PATCH, PUT) wait for their subscription's {@link WritePacer} slot; reads pass. */
public final class PacedArmGateway implements ArmGateway {

    private final ArmGateway delegate;
    private final WritePacer pacer;

    public PacedArmGateway(ArmGateway delegate, WritePacer pacer) {
        this.delegate = delegate;
        this.pacer = pacer;
    }

    @Override
    public ArmResponse get(ResourceId id) {
        return delegate.get(id);
    }

    @Override
    public ArmResponse listRelated(ResourceId id, RelatedKind kind, Optional<String> nextLink) {
        return delegate.listRelated(id, kind, nextLink);
    }

    @Override
    public ArmResponse patch(ResourceId id, JsonObject body, Optional<String> ifMatch) {
        pacer.acquire(id.subscriptionId());
        return delegate.patch(id, body, ifMatch);
    }

    @Override
    public ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body) {
        pacer.acquire(id.subscriptionId());
        return delegate.putDiagnosticSetting(id, name, body);
    }

    @Override
    public ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups, int top,
            String skipToken) {
        return delegate.resourceGraph(query, subscriptions, managementGroups, top, skipToken);
    }

    /** The deadline applies to the requests; the pacing stays shared across invocations. */
    @Override
    public ArmGateway within(Instant deadline) {
        return new PacedArmGateway(delegate.within(deadline), pacer);
    }

    @Override
    public ArmGateway within(Instant deadline, Instant waitsEndBy) {
        return new PacedArmGateway(delegate.within(deadline, waitsEndBy), pacer);
    }
}
