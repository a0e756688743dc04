package com.baselineguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metadata is built by name; a missing member or a malformed id or name is refused at class load, not in a report. */
class RuleMetadataTest {

    private static RuleMetadata.Builder complete() {
        return RuleMetadata.rule("REDIS-999", "Redis.TestOnly").resourceType(ResourceType.REDIS).severity(Severity.LOW)
                .controls("1.1", "7.1").synopsis("synopsis").recommendation("recommendation").fixClass(FixClass.SAFE);
    }

    @Test
    void everyMemberIsReadBackAndThePreconditionIsOptional() {
        RuleMetadata m = complete().build();
        assertEquals("REDIS-999", m.id());
        assertEquals("Redis.TestOnly", m.name());
        assertEquals(ResourceType.REDIS, m.resourceType());
        assertEquals(Severity.LOW, m.severity());
        assertEquals(List.of("1.1", "7.1"), m.controls());
        assertEquals("synopsis", m.synopsis());
        assertEquals("recommendation", m.recommendation());
        assertEquals(FixClass.SAFE, m.fixClass());
        assertEquals("", m.precondition());
        assertEquals("pre", complete().precondition("pre").build().precondition());
        assertEquals("docs/rules/REDIS-999.md", m.docPath());
        assertEquals(m, complete().build());
    }

    @Test
    void aMissingMemberIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleMetadata.rule("REDIS-999",
                "Redis.TestOnly").controls("1.1").synopsis("s").build());
        assertTrue(e.getMessage().contains("resourceType, severity, recommendation, fixClass"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleMetadata.rule("REDIS-999", "Redis.TestOnly")
                .resourceType(ResourceType.REDIS).severity(Severity.LOW).synopsis("s").recommendation("r")
                .fixClass(FixClass.NONE).build(), "no control");
    }

    @Test
    void idsAndNamesKeepTheirShape() {
        assertThrows(IllegalArgumentException.class, () -> RuleMetadata.rule("REDIS-1", "Redis.TestOnly").build());
        assertThrows(IllegalArgumentException.class, () -> RuleMetadata.rule("REDIS-999", "redis.testOnly").build());
    }
}
