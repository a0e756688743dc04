package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Reads the resource the work is about with a GET at its pinned api-version, never trusting what an
 * event said about it (the related data its running rules need follow, {@link RelatedReads}). A resource
 * that no longer exists ends the work; a refused read ends it as the reply table says; a body that is
 * not a resource fails it.
 */
final class ResourceReader {

    /** The resource as read, or the verdict that ended the invocation instead. */
    record Read(Optional<ResourceSnapshot> snapshot, Optional<Verdict> ended) {

        static Read loaded(ResourceSnapshot snapshot) {
            return new Read(Optional.of(snapshot), Optional.empty());
        }

        static Read ended(Verdict verdict) {
            return new Read(Optional.empty(), Optional.of(verdict));
        }
    }

    /** The resource body alone (GET). */
    Read read(ArmGateway arm, ResourceId id, ResourceType type) {
        ArmResponse response = arm.get(id);
        Reply reply = Reply.of(response);
        Meaning meaning = reply.meaning(Operation.READ);
        if (meaning == Meaning.GONE) {
            return Read.ended(Verdict.ends(Result.GONE, "the resource no longer exists"));
        }
        if (meaning != Meaning.DONE || response.object().isEmpty()) {
            return Read.ended(reply.refused(Operation.READ, "read", type.armType() + "/read", List.of(), List.of()));
        }
        try {
            return Read.loaded(ResourceSnapshot.of(response.object().get()));
        } catch (IllegalArgumentException e) {
            return Read.ended(Verdict.ends(Result.FAILED, "ARM answered with a body Baseline Guard cannot read: "
                    + e.getMessage()));
        }
    }
}
