package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ResourceId} tests its segments with character tests, not regular expressions (they were a
 * fifth of reading a resource). This holds them to the REST API patterns they stand for, quoted in its
 * class comment: random segments over an alphabet of the characters that matter (ASCII letters and
 * digits, the separators, letters and digits outside ASCII), accepted exactly when the pattern accepts.
 */
class ResourceIdPatternsTest {

    private static final String GUID = "00000000-0000-0000-0000-000000000000";
    private static final String ALPHABET = "aZ09-_.é٣Ａ()";

    private static final Pattern SUBSCRIPTION =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9]+(\\.[A-Za-z0-9]+)+");
    private static final Pattern TYPE_SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern REDIS = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]|[a-zA-Z0-9]");
    private static final Pattern REDIS_ENTERPRISE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final Pattern BATCH_ACCOUNT = Pattern.compile("[a-zA-Z0-9]+");
    private static final Pattern POOL = Pattern.compile("[a-zA-Z0-9_-]+");

    @Test
    void segmentsAreAcceptedExactlyWhenTheirPatternAccepts() {
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 40_000; i++) {
            String s = segment(random);
            String group = "/subscriptions/" + GUID + "/resourceGroups/rg";
            accepted += check(group + "/providers/" + s + "/things/x", NAMESPACE.matcher(s).matches());
            accepted += check(group + "/providers/Contoso.Things/" + s + "/x", TYPE_SEGMENT.matcher(s).matches());
            accepted += check(group + "/providers/Microsoft.Cache/Redis/" + s, name(REDIS, s, 1, 63));
            accepted += check(group + "/providers/Microsoft.Cache/redisEnterprise/" + s, name(REDIS_ENTERPRISE, s, 1, 60));
            accepted += check(group + "/providers/Microsoft.Cache/redisEnterprise/c1/databases/" + s,
                    name(REDIS_ENTERPRISE, s, 1, 60));
            accepted += check(group + "/providers/Microsoft.Batch/batchAccounts/" + s, name(BATCH_ACCOUNT, s, 3, 24));
            accepted += check(group + "/providers/Microsoft.Batch/batchAccounts/a1b/pools/" + s, name(POOL, s, 1, 64));
        }
        assertTrue(accepted > 10_000, accepted + " accepted");
    }

    @Test
    void subscriptionsAreGuids() {
        Random random = new Random(8);
        String hexAndMore = "0aF9-gG٣ ";
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder(GUID);
            for (int e = random.nextInt(3); e >= 0; e--) {
                int at = random.nextInt(s.length());
                char c = hexAndMore.charAt(random.nextInt(hexAndMore.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, c);
                    case 1 -> s.insert(at, c);
                    default -> s.deleteCharAt(at);
                }
            }
            String text = s.toString();
            assertEquals(SUBSCRIPTION.matcher(text).matches(), ResourceId.isSubscriptionId(text), text);
        }
    }

    private static int check(String id, boolean expected) {
        boolean parsed;
        try {
            ResourceId.parse(id);
            parsed = true;
        } catch (IllegalArgumentException e) {
            parsed = false;
        }
        assertEquals(expected, parsed, id);
        return parsed ? 1 : 0;
    }

    /** A segment that is not "." or ".." (refused for every segment, before any pattern). */
    private static boolean name(Pattern pattern, String s, int min, int max) {
        return s.length() >= min && s.length() <= max && pattern.matcher(s).matches();
    }

    private static String segment(Random random) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 70 : 6);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String text = s.toString();
        return text.equals(".") || text.equals("..") ? "a" : text;
    }
}
