package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.port.KeyVaultResponse;
import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.engine.port.Replies.Service;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an outcome quotes of an answer, and which table row each answer lands on. */
class ReplyTest {

    @Test
    void armsErrorEnvelopeIsQuotedAsCodeAndMessage() {
        Reply reply = Reply.of(ScriptedArm.error(409, "ScopeLocked", "locked", Optional.of(Duration.ofSeconds(5))));
        assertEquals(Service.ARM, reply.service());
        assertEquals(Optional.of("ScopeLocked"), reply.code());
        assertEquals("ScopeLocked: locked", reply.detail());
        assertEquals(Optional.of(Duration.ofSeconds(5)), reply.retryAfter());
        assertEquals(Meaning.REFUSED, reply.meaning(Operation.WRITE));
        assertEquals("HTTP 503", Reply.of(ScriptedArm.reply(503, null)).detail());
    }

    @Test
    void keyVaultsAnswerIsItsOwnNotDressedAsArms() {
        Reply notFound = Reply.of(new KeyVaultResponse(404, Optional.empty(), "KeyNotFound: no key"));
        assertEquals(Service.KEY_VAULT, notFound.service());
        assertEquals("KeyVault: KeyNotFound: no key", notFound.detail());
        assertEquals(Meaning.GONE, notFound.meaning(Operation.READ));
        assertEquals(Meaning.REFUSED, notFound.meaning(Operation.WRITE));
        Reply notSent = Reply.of(KeyVaultResponse.notSent("not a Key Vault host"));
        assertEquals(KeyVaultResponse.NOT_SENT, notSent.status());
        assertEquals("NotSent: not a Key Vault host", notSent.detail());
        assertEquals(Meaning.BAD_REQUEST, notSent.meaning(Operation.WRITE));
    }

    @Test
    void aRefusedReadReadsAsTheTableSays() {
        assertEquals(Result.FAILED, Reply.of(ScriptedArm.error(401, "InvalidAuthenticationToken", "expired"))
                .refused(Operation.READ, "read", "x/read", List.of(), List.of()).result());
        Verdict later = Reply.of(ScriptedArm.error(408, "RequestTimeout", "slow"))
                .refused(Operation.READ, "read", "x/read", List.of(), List.of());
        assertEquals(Result.DEFERRED, later.result());
        assertEquals("read answered 408 (RequestTimeout: slow); retried later", later.reason());
    }
}
