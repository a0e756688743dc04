package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A deterministic fuzz of ResourceId.parse: it answers a value or IllegalArgumentException, nothing else. */
class ResourceIdFuzzTest {

    private static final String SEED = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    private static final String[] PIECES = {"/", "//", "..", ".", "%2F", "%2f", "\\", "providers", "Microsoft.Batch",
        "batchAccounts", "pools", "subscriptions", "resourceGroups", "?", "#", "\u0000", "\n", " ", "\u00e9", "a", "Z"};

    @Test
    void twentyThousandMutationsOnlyEverParseOrThrowIllegalArgument() {
        Random random = new Random(42);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder(i % 10 == 0 ? "" : SEED);
            int edits = 1 + random.nextInt(5);
            for (int e = 0; e < edits; e++) {
                int at = id.length() == 0 ? 0 : random.nextInt(id.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> id.insert(at, PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> {
                        if (id.length() > 0) {
                            id.delete(Math.min(at, id.length() - 1), Math.min(id.length(), at + 1 + random.nextInt(8)));
                        }
                    }
                    default -> id.insert(at, (char) random.nextInt(0x3000));
                }
            }
            try {
                ResourceId parsedId = ResourceId.parse(id.toString());
                parsed++;
                String text = parsedId.toString();
                assertTrue(!("/" + text + "/").contains("/../") && !text.contains("%") && !text.contains("\\"), text);
            } catch (IllegalArgumentException expected) {
                // the only failure allowed
            } catch (RuntimeException | StackOverflowError e) {
                fail("ResourceId.parse threw " + e + " for " + id);
            }
        }
        assertTrue(parsed > 0, "some mutations are still ids");
    }
}
