package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.KeyVaultResponse;
import com.baselineguard.engine.port.Replies;
import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.engine.port.Replies.Service;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An answer of Azure Resource Manager or of Key Vault as the engine reads it: who answered, the status,
 * the detail an outcome quotes (the service's error code and message) and how long the server asked to
 * wait. What it means is the reply table's ({@link Replies}) to say.
 *
 * @param code the service's error code, when it gave one
 * @param detail what an outcome quotes: {@code code: message}, or the status
 * @param operation the URL to follow a long-running operation by (ARM's {@code Azure-AsyncOperation}, else its
 *     {@code Location}), when the answer gave one
 */
record Reply(Service service, int status, Optional<String> code, String detail, Optional<Duration> retryAfter,
        Optional<String> operation) {

    static Reply of(ArmResponse response) {
        Optional<ArmResponse.ArmError> error = response.error();
        return new Reply(Service.ARM, response.status(), error.map(ArmResponse.ArmError::code).filter(c -> !c.isEmpty()),
                error.map(Object::toString).orElse("HTTP " + response.status()), response.retryAfter(),
                response.asyncOperation());
    }

    /** Key Vault's detail is its own error text as the client reports it; a request not sent says why. */
    static Reply of(KeyVaultResponse response) {
        String detail = (response.status() == KeyVaultResponse.NOT_SENT ? "NotSent: " : "KeyVault: ") + response.detail();
        return new Reply(Service.KEY_VAULT, response.status(), Optional.empty(), detail, Optional.empty(), Optional.empty());
    }

    Meaning meaning(Operation operation) {
        return Replies.of(service, operation, status, code);
    }

    /**
     * The verdict on a request that did not get what it asked for, in the words of {@code what} (e.g.
     * {@code read}): a missing permission names the action (for a {@code LinkedAuthorizationFailed}, the
     * action ARM checked on the linked resource, and that resource), a transient answer defers the work,
     * anything else fails it.
     *
     * @param permission the RBAC action the request needs, e.g. {@code Microsoft.Cache/redis/read}
     */
    Verdict refused(Operation operation, String what, String permission, List<Finding> findings, List<Action> actions) {
        Meaning meaning = meaning(operation);
        Verdict verdict;
        if (meaning == Meaning.PERMISSION_MISSING) {
            String missing = code.flatMap(c -> LinkedAuthorization.describe(c, detail))
                    .orElse("permission missing: " + permission + " (" + detail + ")");
            verdict = Verdict.ends(Result.FAILED, missing, findings, actions);
        } else if (meaning == Meaning.RETRY_LATER) {
            return deferred(what, findings, actions);
        } else {
            verdict = Verdict.ends(Result.FAILED, what + " refused: " + detail, findings, actions);
        }
        return verdict.waitingAtLeast(retryAfter);
    }

    /**
     * The verdict on an answer to retry later (408, 409, 429, 5xx): the work is deferred, for at least as long
     * as the server asked, in the words of {@code what} (e.g. {@code read}).
     */
    Verdict deferred(String what, List<Finding> findings, List<Action> actions) {
        return Verdict.later(Result.DEFERRED, what + " answered " + status + " (" + detail + "); retried later",
                findings, actions).waitingAtLeast(retryAfter);
    }
}
