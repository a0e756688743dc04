package com.baselineguard.arm;

import com.baselineguard.model.ResourceId;
import com.google.gson.JsonObject;
import java.util.List;

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
    public ArmResponse diagnosticSettings(ResourceId id) {
        return delegate.diagnosticSettings(id);
    }

    @Override
    public ArmResponse patch(ResourceId id, JsonObject body) {
        pacer.acquire(id.subscriptionId());
        return delegate.patch(id, body);
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
}
