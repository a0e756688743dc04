package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.ScriptedArm.Kind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import com.baselineguard.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the resource itself; what a read that did not work means. */
class ResourceReaderTest {

    private final ScriptedArm arm = new ScriptedArm();
    private final ResourceReader reader = new ResourceReader();

    private ResourceReader.Read read() {
        return reader.read(arm, ResourceId.parse(Steps.CACHE), ResourceType.REDIS);
    }

    private Verdict ended() {
        return read().ended().orElseThrow();
    }

    @Test
    void theResourceIsReadAsArmHasItNow() {
        arm.store(Steps.cache());
        ResourceReader.Read read = read();
        assertEquals(Steps.cache(), read.snapshot().orElseThrow().resource());
        assertEquals(List.of(Kind.GET), arm.sent.stream().map(ScriptedArm.Sent::kind).toList());
    }

    @Test
    void aResourceThatNoLongerExistsEndsTheWork() {
        Verdict verdict = ended();
        assertEquals(Result.GONE, verdict.result());
        assertEquals("the resource no longer exists", verdict.reason());
        assertEquals(Verdict.FollowUp.NONE, verdict.followUp());
    }

    @Test
    void aForbiddenReadNamesTheMissingPermission() {
        arm.answer(Kind.GET, ScriptedArm.error(403, "AuthorizationFailed", "no read"));
        Verdict verdict = ended();
        assertEquals(Result.FAILED, verdict.result());
        assertEquals("permission missing: Microsoft.Cache/redis/read (AuthorizationFailed: no read)", verdict.reason());
    }

    @Test
    void aThrottledReadIsDeferredForAsLongAsTheServerAsked() {
        arm.answer(Kind.GET, ScriptedArm.error(429, "TooManyRequests", "slow down", Optional.of(Duration.ofMinutes(2))));
        Verdict verdict = ended();
        assertEquals(Result.DEFERRED, verdict.result());
        assertEquals(Verdict.FollowUp.LATER, verdict.followUp());
        assertEquals("read answered 429 (TooManyRequests: slow down); retried later", verdict.reason());
        assertEquals(Optional.of(Duration.ofMinutes(2)), verdict.retryAfter());
    }

    @Test
    void anAnswerThatIsNotAResourceFailsTheWork() {
        arm.answer(Kind.GET, ScriptedArm.reply(200, Fixtures.parse("[]")));
        assertEquals("read refused: HTTP 200", ended().reason());
        arm.answer(Kind.GET, ScriptedArm.reply(200, Fixtures.parse("{\"name\":\"cache1\"}")));
        Verdict verdict = ended();
        assertEquals(Result.FAILED, verdict.result());
        assertTrue(verdict.reason().startsWith("ARM answered with a body Baseline Guard cannot read: "), verdict.reason());
    }
}
