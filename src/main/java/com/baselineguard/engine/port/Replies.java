package com.baselineguard.engine.port;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what an answer from Azure Resource Manager or the Key Vault data plane means for the
 * work: the engine reads every reply through {@link #of}, and the adapters' retry policies retry a
 * request at once exactly when {@link #retryAtOnce} says so. Nothing else interprets a status code.
 *
 * <p>By status (RFC 9110, section 15), for both services unless said otherwise:
 * <table>
 *   <caption>Status to meaning</caption>
 *   <tr><th>status</th><th>read</th><th>write</th></tr>
 *   <tr><td>2xx</td><td>{@link Meaning#DONE}</td><td>{@link Meaning#DONE}; 202 {@link Meaning#ACCEPTED}
 *       (a long-running operation)</td></tr>
 *   <tr><td>404</td><td>{@link Meaning#GONE}</td><td>ARM: {@link Meaning#GONE}; Key Vault: {@link Meaning#REFUSED}
 *       (the key the resource names is missing; the resource is not)</td></tr>
 *   <tr><td>408</td><td colspan="2">{@link Meaning#RETRY_LATER}: the server gave up waiting for the request, so a
 *       write was not applied; the pipeline retries it at once, then the work is deferred</td></tr>
 *   <tr><td>409</td><td colspan="2">{@link Meaning#RETRY_LATER}: the resource is busy (AnotherOperationInProgress,
 *       "wait for concurrent operation to complete"), unless the error code says otherwise (below)</td></tr>
 *   <tr><td>412</td><td>{@link Meaning#REFUSED}: Baseline Guard's reads carry no precondition, so a 412 is an
 *       unexpected refusal, not news that the resource moved</td><td>{@link Meaning#CHANGED}: the {@code If-Match}
 *       etag no longer matches, the resource changed after it was read; read it again later</td></tr>
 *   <tr><td>429, 5xx</td><td colspan="2">{@link Meaning#RETRY_LATER}</td></tr>
 *   <tr><td>403</td><td colspan="2">{@link Meaning#PERMISSION_MISSING}</td></tr>
 *   <tr><td>400</td><td colspan="2">{@link Meaning#BAD_REQUEST}; so is a request Baseline Guard would not send
 *       ({@link KeyVaultResponse#NOT_SENT})</td></tr>
 *   <tr><td>anything else (401, 3xx, ...)</td><td colspan="2">{@link Meaning#REFUSED}</td></tr>
 * </table>
 *
 * <p>ARM error codes that change the meaning of their status (the codes ARM documents in "Troubleshoot
 * common Azure deployment errors", learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors):
 * <ul>
 *   <li>{@code ScopeLocked} (409): a read-only lock on the resource or a parent scope blocks updates until
 *       someone removes it (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources):
 *       {@link Meaning#REFUSED}, not a busy resource worth retrying;</li>
 *   <li>{@code MissingSubscriptionRegistration} (409): the resource provider is not registered, which takes
 *       {@code Microsoft.<namespace>/register/action}, an action the least-privilege role does not grant:
 *       {@link Meaning#REFUSED};</li>
 *   <li>{@code RequestDisallowedByPolicy} (403): an Azure Policy assignment denies the request; the identity
 *       has the permission, so {@link Meaning#REFUSED}, not {@link Meaning#PERMISSION_MISSING}.</li>
 * </ul>
 */
public final class Replies {

    /** Who answered. */
    public enum Service {
        ARM("ARM"),
        KEY_VAULT("Key Vault");

        private final String label;

        Service(String label) {
            this.label = label;
        }

        /** The service's name in a reason, e.g. {@code Key Vault answered 429}. */
        public String label() {
            return label;
        }
    }

    /** What was asked. */
    public enum Operation {
        READ,
        WRITE
    }

    /** What an answer means for the work. */
    public enum Meaning {
        /** It worked: a read has its answer, a write was applied. */
        DONE,
        /** A write was accepted and runs on as a long-running operation (202). */
        ACCEPTED,
        /** What the request names does not exist (404). */
        GONE,
        /** A write's precondition failed (412): the resource changed after it was read; read it again later. */
        CHANGED,
        /** Transient: the same request may work later; the work is deferred, not failed. */
        RETRY_LATER,
        /** The identity lacks the permission (403); failed, not retried. */
        PERMISSION_MISSING,
        /** This request is wrong (400) or was not sent; failed, and a later request that does not depend on it may still go. */
        BAD_REQUEST,
        /** Refused for good (a lock, a policy denial, 401, an unexpected status); failed, not retried. */
        REFUSED
    }

    /** Error codes (lower case) that change what their status means; see the class comment. */
    private static final Map<String, Meaning> CODES = Map.of(
            "scopelocked", Meaning.REFUSED,
            "missingsubscriptionregistration", Meaning.REFUSED,
            "requestdisallowedbypolicy", Meaning.REFUSED);

    /** What an adapter's pipeline retries at once, within one request (a few times, short waits). */
    private static final Set<Integer> RETRY_AT_ONCE = Set.of(408, 429, 500, 502, 503, 504);

    private Replies() {
    }

    /**
     * What a reply means.
     *
     * @param status the HTTP status, or {@link KeyVaultResponse#NOT_SENT}
     * @param errorCode the service's error code ({@code error.code} of ARM's error envelope), when it gave one
     */
    public static Meaning of(Service service, Operation operation, int status, Optional<String> errorCode) {
        if (status >= 200 && status < 300) {
            return operation == Operation.WRITE && status == 202 ? Meaning.ACCEPTED : Meaning.DONE;
        }
        Meaning byCode = errorCode.map(c -> CODES.get(c.trim().toLowerCase(Locale.ROOT))).orElse(null);
        if (byCode != null) {
            return byCode;
        }
        if (status == KeyVaultResponse.NOT_SENT || status == 400) {
            return Meaning.BAD_REQUEST;
        }
        if (status == 404) {
            return service == Service.KEY_VAULT && operation == Operation.WRITE ? Meaning.REFUSED : Meaning.GONE;
        }
        if (status == 412) {
            return operation == Operation.WRITE ? Meaning.CHANGED : Meaning.REFUSED;
        }
        if (status == 408 || status == 409 || status == 429 || status >= 500 && status < 600) {
            return Meaning.RETRY_LATER;
        }
        if (status == 403) {
            return Meaning.PERMISSION_MISSING;
        }
        return Meaning.REFUSED;
    }

    /**
     * Whether an adapter's pipeline retries this status at once, within the same request. Every status
     * for which this holds is {@link Meaning#RETRY_LATER} as well: once the pipeline's retries are spent,
     * the work is deferred. The other {@link Meaning#RETRY_LATER} statuses (409, a busy resource; 501, 505
     * and the rest of 5xx) are not retried at once: the next invocation, after the follow-up delay, is.
     */
    public static boolean retryAtOnce(int status) {
        return RETRY_AT_ONCE.contains(status);
    }
}
