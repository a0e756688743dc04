package com.baselineguard.event;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * The token claims of whoever made the change that identify an application or a principal. Each
 * is {@code ""} when the token did not carry it.
 *
 * @param appId {@code appid} (v1 tokens): the client id of the calling application or managed identity
 * @param authorizedParty {@code azp} (v2 tokens): the same, under its v2 name
 * @param objectId {@code http://schemas.microsoft.com/identity/claims/objectidentifier} or {@code oid}:
 *     the object id of the calling principal
 */
public record Caller(String appId, String authorizedParty, String objectId) {

    public static final Caller UNKNOWN = new Caller("", "", "");

    public Caller {
        appId = appId == null ? "" : appId.trim();
        authorizedParty = authorizedParty == null ? "" : authorizedParty.trim();
        objectId = objectId == null ? "" : objectId.trim();
    }

    /**
     * True when {@code clientOrObjectId} equals one of the claims, ignoring case (GUIDs arrive in
     * either case). A blank id matches nothing.
     */
    public boolean is(String clientOrObjectId) {
        if (clientOrObjectId == null || clientOrObjectId.isBlank()) {
            return false;
        }
        String wanted = clientOrObjectId.trim().toLowerCase(Locale.ROOT);
        return Stream.of(appId, authorizedParty, objectId)
                .anyMatch(claim -> !claim.isEmpty() && claim.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
