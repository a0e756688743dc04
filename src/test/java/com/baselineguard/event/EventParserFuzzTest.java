package com.baselineguard.event;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Deterministic mutations of the published payloads: whatever the body, parse returns events or
 * throws {@link EventParseException}, never anything else.
 */
class EventParserFuzzTest {

    private static final long SEED = 20_240_301L;
    private static final int MUTATIONS = 20_000;
    private static final String ALPHABET = "{}[]\":,\\ \n0123456789eE.-+tfnul/%a\u0000\u00e9\uD83D";

    @Test
    void mutatedPayloadsParseOrAreRefusedCleanly() {
        Random random = new Random(SEED);
        List<String> seeds = new ArrayList<>();
        for (String fixture : EventFixtures.ALL) {
            seeds.add(EventFixtures.text(fixture));
        }
        seeds.add("[" + seeds.get(0) + "," + seeds.get(1) + "]");
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String body = seeds.get(random.nextInt(seeds.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                body = mutate(body, random);
            }
            try {
                List<ResourceChange> changes = EventParser.parse(body);
                for (ResourceChange change : changes) {
                    change.ignoredBecause().ifPresent(EventParserHostileInputTest::assertOneLine);
                    change.eventInstant();
                    change.target();
                }
                parsed++;
            } catch (EventParseException e) {
                EventParserHostileInputTest.assertOneLine(e.getMessage());
                if (e.getMessage().startsWith("event body could not be parsed")) {
                    fail("mutation " + i + " hit an unexpected failure inside the parser: " + body, e.getCause());
                }
                refused++;
            } catch (Throwable t) {
                fail("mutation " + i + " threw " + t + " for body: " + body, t);
            }
        }
        if (parsed == 0 || refused == 0) {
            fail("fuzzing did not exercise both outcomes: parsed " + parsed + ", refused " + refused);
        }
    }

    private static String mutate(String body, Random random) {
        if (body.isEmpty()) {
            return String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int at = random.nextInt(body.length());
        switch (random.nextInt(6)) {
            case 0: { // flip one character
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                return body.substring(0, at) + c + body.substring(at + 1);
            }
            case 1: { // delete a run
                int end = Math.min(body.length(), at + 1 + random.nextInt(8));
                return body.substring(0, at) + body.substring(end);
            }
            case 2: { // insert a character
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                return body.substring(0, at) + c + body.substring(at);
            }
            case 3:
                return swapStringValues(body, random);
            case 4: { // replace a string value with another JSON type
                String[] replacements = {"null", "1", "true", "[]", "{}", "\"\"", "{\"a\":[1,{}]}"};
                return replaceStringValue(body, random, replacements[random.nextInt(replacements.length)]);
            }
            default: { // duplicate a slice
                int end = Math.min(body.length(), at + 1 + random.nextInt(40));
                return body.substring(0, end) + body.substring(at, end) + body.substring(end);
            }
        }
    }

    /** Swaps two quoted strings (keys or values), keeping the JSON well formed most of the time. */
    private static String swapStringValues(String body, Random random) {
        List<int[]> spans = quotedSpans(body);
        if (spans.size() < 2) {
            return body;
        }
        int[] a = spans.get(random.nextInt(spans.size()));
        int[] b = spans.get(random.nextInt(spans.size()));
        if (a[0] == b[0]) {
            return body;
        }
        int[] first = a[0] < b[0] ? a : b;
        int[] second = a[0] < b[0] ? b : a;
        if (first[1] > second[0]) {
            return body;
        }
        return body.substring(0, first[0]) + body.substring(second[0], second[1]) + body.substring(first[1], second[0])
                + body.substring(first[0], first[1]) + body.substring(second[1]);
    }

    private static String replaceStringValue(String body, Random random, String replacement) {
        List<int[]> spans = quotedSpans(body);
        if (spans.isEmpty()) {
            return body;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return body.substring(0, span[0]) + replacement + body.substring(span[1]);
    }

    private static List<int[]> quotedSpans(String body) {
        List<int[]> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                if (start < 0) {
                    start = i;
                } else {
                    spans.add(new int[] {start, i + 1});
                    start = -1;
                }
            }
        }
        return spans;
    }
}
