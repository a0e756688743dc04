package com.baselineguard.engine.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.engine.port.Replies.Service;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reply table, row by row: who answered, to what, with which status and error code, and what it means. */
class RepliesTest {

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            ARM,       READ,  200, -,                               DONE
            ARM,       READ,  202, -,                               DONE
            ARM,       WRITE, 200, -,                               DONE
            ARM,       WRITE, 201, -,                               DONE
            ARM,       WRITE, 202, -,                               ACCEPTED
            ARM,       WRITE, 204, -,                               DONE
            ARM,       READ,  404, ResourceNotFound,                GONE
            ARM,       WRITE, 404, ResourceNotFound,                GONE
            KEY_VAULT, READ,  404, -,                               GONE
            KEY_VAULT, WRITE, 404, -,                               REFUSED
            ARM,       READ,  408, -,                               RETRY_LATER
            ARM,       WRITE, 408, -,                               RETRY_LATER
            ARM,       READ,  409, Conflict,                        RETRY_LATER
            ARM,       WRITE, 409, AnotherOperationInProgress,      RETRY_LATER
            ARM,       WRITE, 409, -,                               RETRY_LATER
            KEY_VAULT, WRITE, 409, -,                               RETRY_LATER
            ARM,       WRITE, 409, ScopeLocked,                     REFUSED
            ARM,       WRITE, 409, scopelocked,                     REFUSED
            ARM,       WRITE, 409, MissingSubscriptionRegistration, REFUSED
            ARM,       READ,  412, -,                               REFUSED
            ARM,       WRITE, 412, PreconditionFailed,              CHANGED
            KEY_VAULT, WRITE, 412, -,                               CHANGED
            ARM,       READ,  429, -,                               RETRY_LATER
            ARM,       WRITE, 429, -,                               RETRY_LATER
            KEY_VAULT, WRITE, 429, -,                               RETRY_LATER
            ARM,       READ,  500, InternalServerError,             RETRY_LATER
            ARM,       WRITE, 501, -,                               RETRY_LATER
            ARM,       WRITE, 503, -,                               RETRY_LATER
            KEY_VAULT, READ,  503, -,                               RETRY_LATER
            ARM,       READ,  403, AuthorizationFailed,             PERMISSION_MISSING
            ARM,       WRITE, 403, AuthorizationFailed,             PERMISSION_MISSING
            ARM,       WRITE, 403, LinkedAuthorizationFailed,       PERMISSION_MISSING
            KEY_VAULT, WRITE, 403, -,                               PERMISSION_MISSING
            ARM,       WRITE, 403, RequestDisallowedByPolicy,       REFUSED
            ARM,       READ,  400, BadRequest,                      BAD_REQUEST
            ARM,       WRITE, 400, InvalidRequestBody,              BAD_REQUEST
            KEY_VAULT, WRITE, 400, -,                               BAD_REQUEST
            KEY_VAULT, WRITE, 0,   -,                               BAD_REQUEST
            KEY_VAULT, READ,  0,   -,                               BAD_REQUEST
            ARM,       READ,  401, InvalidAuthenticationToken,      REFUSED
            KEY_VAULT, WRITE, 401, -,                               REFUSED
            ARM,       READ,  301, -,                               REFUSED
            ARM,       WRITE, 405, -,                               REFUSED
            ARM,       WRITE, 422, -,                               REFUSED
            """)
    void aReplyMeansWhatTheTableSays(Service service, Operation operation, int status, String code, Meaning meaning) {
        assertEquals(meaning, Replies.of(service, operation, status, Optional.ofNullable(code)));
    }

    @ParameterizedTest(name = "{0} is retried at once")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void whatThePipelinesRetryAtOnceIsTransientForEveryServiceAndOperation(int status) {
        assertTrue(Replies.retryAtOnce(status));
        for (Service service : Service.values()) {
            for (Operation operation : Operation.values()) {
                assertEquals(Meaning.RETRY_LATER, Replies.of(service, operation, status, Optional.empty()));
            }
        }
    }

    @ParameterizedTest(name = "{0} waits for the next invocation")
    @ValueSource(ints = {200, 202, 400, 401, 403, 404, 409, 412, 501, 505})
    void everythingElseIsNotRetriedWithinTheRequest(int status) {
        assertEquals(false, Replies.retryAtOnce(status));
    }
}
