package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergePatchTest {

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void mergesObjectsMemberByMemberAndReplacesValuesAndArrays() {
        JsonObject base = json("{\"properties\":{\"a\":1,\"list\":[1,2],\"nested\":{\"x\":1,\"y\":2}},\"tags\":{\"t\":\"v\"}}");
        JsonObject patch = json("{\"properties\":{\"list\":[3],\"nested\":{\"y\":3,\"z\":4},\"b\":true}}");

        JsonObject merged = MergePatch.apply(base, patch);

        assertEquals(json("{\"properties\":{\"a\":1,\"nested\":{\"x\":1,\"y\":3,\"z\":4},\"list\":[3],\"b\":true},"
                + "\"tags\":{\"t\":\"v\"}}"), merged);
        // A merged object keeps its place; a replaced member moves to the end, as ARM's merge does.
        assertEquals(List.of("a", "nested", "list", "b"), List.copyOf(merged.getAsJsonObject("properties").keySet()));
    }

    @Test
    void matchesNamesIgnoringCaseAndTakesThePatchSpellingForReplacedValues() {
        JsonObject base = json("{\"Properties\":{\"PublicNetworkAccess\":\"Enabled\",\"keep\":1}}");
        JsonObject patch = json("{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}");

        JsonObject merged = MergePatch.apply(base, patch);

        assertEquals(json("{\"Properties\":{\"keep\":1,\"publicNetworkAccess\":\"Disabled\"}}"), merged);
    }

    @Test
    void leavesBothInputsAloneAndSharesOnlyWhatThePatchDoesNotTouch() {
        String baseText = "{\"properties\":{\"untouched\":{\"deep\":[1]},\"changed\":{\"v\":1}}}";
        String patchText = "{\"properties\":{\"changed\":{\"v\":2},\"added\":{\"w\":3}}}";
        JsonObject base = json(baseText);
        JsonObject patch = json(patchText);

        JsonObject merged = MergePatch.apply(base, patch);

        assertEquals(json(baseText), base);
        assertEquals(json(patchText), patch);
        JsonObject properties = merged.getAsJsonObject("properties");
        assertSame(base.getAsJsonObject("properties").get("untouched"), properties.get("untouched"));
        assertNotSame(base.getAsJsonObject("properties").get("changed"), properties.get("changed"));
        // Nothing in the result is the patch's own object, so a request body built from it cannot alias a fix.
        assertNotSame(patch.getAsJsonObject("properties").get("added"), properties.get("added"));
        assertEquals(json("{\"w\":3}"), properties.get("added"));
    }

    @Test
    void aPatchMemberLandsOnOneBaseMemberOnlyTheExactOneWhenTwoDifferInCase() {
        // ARM bodies do not carry such names; the merge still touches one member, as ARM's own merge would.
        JsonObject merged = MergePatch.apply(json("{\"a\":[2],\"A\":4}"), json("{\"A\":[0]}"));

        assertEquals(json("{\"a\":[2],\"A\":[0]}"), merged);
    }
}
