package com.baselineguard.testing.arm;

import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The App Service / Functions managed-identity endpoint (protocol api-version 2019-08-01): a GET
 * with the {@code X-IDENTITY-HEADER} secret and a {@code resource} answers an opaque bearer token
 * that the ARM side then accepts.
 */
final class IdentityEndpoint {

    static final String PATH = "/msi/token";
    static final String API_VERSION = "2019-08-01";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String secret = randomText(24);
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Map<String, String> audiences = new ConcurrentHashMap<>();
    private final List<TokenRequest> requests = new ArrayList<>();

    String secret() {
        return secret;
    }

    java.util.Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    boolean issued(String token) {
        return token != null && issued.contains(token);
    }

    /** The resource a token was issued for, or null. */
    String audienceOf(String token) {
        return token == null ? null : audiences.get(token);
    }

    synchronized List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Records an answered request. */
    synchronized void record(Request answered) {
        requests.add(new TokenRequest(answered.query().get("resource"), answered.query().get("client_id"),
                answered.query().get("mi_res_id"), answered.query(), answered.status()));
    }

    Reply respond(Request request) {
        if (!request.method().equalsIgnoreCase("GET") || !request.path().equals(PATH)) {
            return identityError(404, "invalid_request", "No managed-identity endpoint at " + request.path());
        }
        if (!secret.equals(request.header("X-IDENTITY-HEADER"))) {
            return identityError(401, "unauthorized_client", "The X-IDENTITY-HEADER header is missing or wrong.");
        }
        String resource = request.query().get("resource");
        if (resource == null || resource.isBlank()) {
            return identityError(400, "invalid_request", "The 'resource' query parameter is required.");
        }
        if (!API_VERSION.equals(request.apiVersion())) {
            return identityError(400, "invalid_request", "api-version must be " + API_VERSION + ".");
        }
        String token = randomText(32);
        issued.add(token);
        audiences.put(token, resource);
        JsonObject body = new JsonObject();
        body.addProperty("access_token", token);
        body.addProperty("expires_on", Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()));
        body.addProperty("resource", resource);
        body.addProperty("token_type", "Bearer");
        return Reply.json(200, body);
    }

    private static Reply identityError(int status, String error, String description) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("error_description", description);
        return Reply.json(status, body);
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
