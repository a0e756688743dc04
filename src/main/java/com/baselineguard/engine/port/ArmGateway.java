package com.baselineguard.engine.port;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one way Baseline Guard reads and writes Azure Resource Manager. Implementations send exactly
 * the requests named here and nothing else: never a PUT of a whole resource, never a list-keys call.
 * Every action a method performs is declared in {@code com.baselineguard.arm.ArmActions}, the adapter that
 * implements this port.
 */
public interface ArmGateway {

    /** GET a resource at its pinned api-version. */
    ArmResponse get(ResourceId id);

    /**
     * GET one page of a resource's related data of one kind, from its published list operation (diagnostic
     * settings, Redis firewall rules, private endpoint connections, Batch certificates; the adapter pins each
     * one's path and api-version): the first page, or the page a previous answer's {@code nextLink} names.
     *
     * @throws IllegalArgumentException when ARM has no such list for the resource's type, or the nextLink is not a
     *     page of that list on this gateway's endpoint (the token is never sent anywhere else)
     */
    ArmResponse listRelated(ResourceId id, RelatedKind kind, Optional<String> nextLink);

    /**
     * PATCH a resource with exactly {@code body}; with an etag, only if the resource still has it
     * ({@code If-Match}; ARM answers 412 Precondition Failed when it changed in between). Does not wait for
     * a long-running operation.
     */
    ArmResponse patch(ResourceId id, JsonObject body, Optional<String> ifMatch);

    /** PUT a diagnostic setting of a resource. */
    ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body);

    /**
     * One page of an Azure Resource Graph query.
     *
     * @param subscriptions subscription ids to query (may be empty when managementGroups is not)
     * @param managementGroups management group ids to query
     * @param skipToken the previous page's token, or null for the first page
     */
    ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups, int top,
            String skipToken);

    /**
     * This gateway with a deadline: no request (retry waits included) runs past it, and a request
     * started after it fails with {@link ArmUnavailableException} at once. One invocation's budget.
     */
    default ArmGateway within(Instant deadline) {
        return this;
    }

    /**
     * As {@link #within(Instant)}, and no retry wait (a server's {@code Retry-After}, a backoff) ends after
     * {@code waitsEndBy} either, even when the deadline is later: a retry that would have to wait past it is not
     * made, and the answer in hand goes back as it is (a transient one defers the work, with the server's
     * Retry-After). Requests themselves still run to the deadline. The command line's {@code --max-wait}.
     */
    default ArmGateway within(Instant deadline, Instant waitsEndBy) {
        return within(deadline);
    }
}
