package com.baselineguard.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an ARM PATCH does to a resource body: objects are merged member by member, with names matched
 * ignoring case as ARM does (a patch of {@code publicNetworkAccess} replaces {@code PublicNetworkAccess});
 * arrays and values are replaced, and a replaced member moves to the end under the patch's spelling.
 *
 * <p>The result is a new object that shares every member the patch does not touch with {@code base}.
 * That is safe because snapshots and fixes are never modified once made (and what leaves the process is
 * copied first), and it keeps planning cheap: a step changes a few properties of a body of dozens.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** {@code base} with {@code patch} applied; neither argument is modified. */
    public static JsonObject apply(JsonObject base, JsonObject patch) {
        // Which member of base each patch member lands on: the same name, else the first one equal ignoring case.
        Map<String, String> patchKeyByBaseKey = new HashMap<>();
        for (String patchKey : patch.keySet()) {
            String baseKey = JsonPath.memberName(base, patchKey);
            if (baseKey != null) {
                patchKeyByBaseKey.putIfAbsent(baseKey, patchKey);
            }
        }
        JsonObject result = new JsonObject();
        Set<String> mergedInPlace = new HashSet<>();
        for (Map.Entry<String, JsonElement> entry : base.entrySet()) {
            String patchKey = patchKeyByBaseKey.get(entry.getKey());
            if (patchKey == null) {
                result.add(entry.getKey(), entry.getValue());
                continue;
            }
            JsonElement replacement = patch.get(patchKey);
            if (entry.getValue().isJsonObject() && replacement.isJsonObject()) {
                result.add(entry.getKey(), apply(entry.getValue().getAsJsonObject(), replacement.getAsJsonObject()));
                mergedInPlace.add(patchKey);
            }
        }
        for (Map.Entry<String, JsonElement> entry : patch.entrySet()) {
            if (!mergedInPlace.contains(entry.getKey())) {
                result.add(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return result;
    }
}
