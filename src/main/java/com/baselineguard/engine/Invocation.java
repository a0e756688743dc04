package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One invocation of the remediation pipeline: its work item, when it started, the resource type once
 * admitted, and its view of Azure Resource Manager, the gateway bound to the invocation's deadline
 * that counts every request sent through it (the outcome record's {@code armCalls}).
 */
final class Invocation {

    private final WorkItem item;
    private final Instant started;
    private final Counting arm;
    private Optional<String> resourceType = Optional.empty();
    private List<String> relatedNotRead = List.of();
    private Optional<Exemption> exemption = Optional.empty();

    /**
     * @param arm the gateway with this invocation's deadline
     */
    Invocation(WorkItem item, Instant started, ArmGateway arm) {
        this.item = item;
        this.started = started;
        this.arm = new Counting(arm);
    }

    WorkItem item() {
        return item;
    }

    Instant started() {
        return started;
    }

    /** ARM for this invocation: every request counts. */
    ArmGateway arm() {
        return arm;
    }

    int armCalls() {
        return arm.calls;
    }

    /** The resource's type, once admission has accepted the id. */
    Optional<String> resourceType() {
        return resourceType;
    }

    void admitted(ResourceType type) {
        resourceType = Optional.of(type.armType());
    }

    /** Related data the rules needed that could not be read (one line per kind); the outcome reports it. */
    List<String> relatedNotRead() {
        return relatedNotRead;
    }

    void relatedNotRead(List<String> problems) {
        relatedNotRead = List.copyOf(problems);
    }

    /** The exemption tag of the resource as evaluated, when it carries one; the outcome reports it. */
    Optional<Exemption> exemption() {
        return exemption;
    }

    void evaluated(ResourceReport report) {
        exemption = report.exemption();
    }

    /** Counts the requests sent through it; one invocation runs on one thread. */
    private static final class Counting implements ArmGateway {
        private final ArmGateway delegate;
        private int calls;

        Counting(ArmGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public ArmResponse get(ResourceId id) {
            calls++;
            return delegate.get(id);
        }

        @Override
        public ArmResponse listRelated(ResourceId id, RelatedKind kind, Optional<String> nextLink) {
            calls++;
            return delegate.listRelated(id, kind, nextLink);
        }

        @Override
        public ArmResponse patch(ResourceId id, JsonObject body, Optional<String> ifMatch) {
            calls++;
            return delegate.patch(id, body, ifMatch);
        }

        @Override
        public ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body) {
            calls++;
            return delegate.putDiagnosticSetting(id, name, body);
        }

        @Override
        public ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups,
                int top, String skipToken) {
            calls++;
            return delegate.resourceGraph(query, subscriptions, managementGroups, top, skipToken);
        }
    }
}
