package com.baselineguard.engine;

import com.baselineguard.event.EventParseException;
import com.baselineguard.event.EventParser;
import com.baselineguard.event.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an Event Grid delivery (Event Grid schema or CloudEvents 1.0, one event or a batch) into
 * remediation work, one outcome per event. Only {@code Microsoft.Resources.ResourceWriteSuccess} for
 * a supported resource (or a child that affects one) is acted on, and the resource is always re-read:
 * the event only says which resource to look at. Events raised by Baseline Guard's own writes are
 * skipped: their verification is already queued by the invocation that wrote.
 */
public final class EventIntake {

    private final Remediator remediator;
    private final Optional<String> ownClientId;

    public EventIntake(Remediator remediator, Optional<String> ownClientId) {
        this.remediator = remediator;
        this.ownClientId = ownClientId;
    }

    /**
     * @throws EventParseException when the body is not an event delivery (the caller decides whether that is a 400
     *     or an outcome)
     */
    public List<Outcome> handle(String body) {
        List<ResourceChange> changes = EventParser.parse(body);
        List<Outcome> outcomes = new ArrayList<>();
        for (ResourceChange change : changes) {
            outcomes.add(handle(change));
        }
        return outcomes;
    }

    private Outcome handle(ResourceChange change) {
        String subject = change.target().map(Object::toString)
                .orElse(change.resourceUri().isEmpty() ? change.subject() : change.resourceUri());
        WorkItem item = remediator.start(subject, Trigger.EVENT, Optional.of(change.eventId()),
                Optional.of(change.correlationId()).filter(c -> !c.isEmpty()), false);
        Optional<String> ignored = change.ignoredBecause();
        if (ignored.isPresent()) {
            return remediator.record(item, Result.SKIPPED, ignored.get());
        }
        if (ownClientId.isPresent() && change.causedBy(ownClientId.get())) {
            return remediator.record(item, Result.SKIPPED,
                    "raised by Baseline Guard's own write; its verification is already scheduled");
        }
        return remediator.handle(item);
    }
}
