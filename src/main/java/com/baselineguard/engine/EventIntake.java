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
     * One event of a delivery: the work it asks for, or the outcome it ended with, decided without reading
     * anything (an event Baseline Guard does not act on, or one its own write raised).
     */
    public record Intake(WorkItem item, Optional<Outcome> decided) {
    }

    /**
     * Handles every event of a delivery: one invocation each, or an outcome decided without one.
     *
     * @throws EventParseException when the body is not an event delivery (the caller decides whether that is a 400
     *     or an outcome)
     */
    public List<Outcome> handle(String body) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Intake intake : triage(body)) {
            outcomes.add(intake.decided().orElseGet(() -> remediator.handle(intake.item())));
        }
        return outcomes;
    }

    /**
     * What each event of a delivery asks for, nothing invoked yet: for a caller that runs the work itself (the
     * command line, which bounds its waits).
     *
     * @throws EventParseException when the body is not an event delivery
     */
    public List<Intake> triage(String body) {
        List<ResourceChange> changes = EventParser.parse(body);
        List<Intake> intakes = new ArrayList<>();
        for (ResourceChange change : changes) {
            intakes.add(triage(change));
        }
        return intakes;
    }

    private Intake triage(ResourceChange change) {
        String subject = change.target().map(Object::toString)
                .orElse(change.resourceUri().isEmpty() ? change.subject() : change.resourceUri());
        WorkItem item = remediator.start(subject, Trigger.EVENT, Optional.of(change.eventId()),
                Optional.of(change.correlationId()).filter(c -> !c.isEmpty()), false);
        Optional<String> ignored = change.ignoredBecause();
        if (ignored.isPresent()) {
            return new Intake(item, Optional.of(remediator.record(item, Result.SKIPPED, ignored.get())));
        }
        if (ownClientId.isPresent() && change.causedBy(ownClientId.get())) {
            return new Intake(item, Optional.of(remediator.record(item, Result.SKIPPED,
                    "raised by Baseline Guard's own write; its verification is already scheduled")));
        }
        return new Intake(item, Optional.empty());
    }
}
