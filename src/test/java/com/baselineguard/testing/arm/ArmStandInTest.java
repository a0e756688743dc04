package com.baselineguard.testing.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArmStandInTest {

    private static final String REDIS = "Microsoft.Cache/redis/2023-08-01_RedisCacheGet.json";
    private static final String CACHE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    private static final String BATCH_LIST = "Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountList.json";
    private static final String ACCOUNT_ID = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/"
            + "default-azurebatch-japaneast/providers/Microsoft.Batch/batchAccounts/sampleacct";
    private static final String API = "?api-version=2024-11-01";
    private static final String DIAGNOSTICS = "/providers/Microsoft.Insights/diagnosticSettings";
    private static final String DIAGNOSTICS_API = "?api-version=2021-05-01-preview";
    private static final String GRAPH = "/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01";

    private final HttpClient client = HttpClient.newBuilder().sslContext(ArmStandIn.clientSslContext())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ArmStandIn arm;
    private String token;

    @BeforeEach
    void start() throws Exception {
        arm = ArmStandIn.start();
        arm.putFixture(REDIS);
        token = JsonParser.parseString(identity("resource=https://management.azure.com/", arm.identityHeader()).body())
                .getAsJsonObject().get("access_token").getAsString();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    // ---- managed identity

    @Test
    void identityEndpointIssuesAnOpaqueBearerTokenForTheResource() throws Exception {
        HttpResponse<String> response = identity("resource=https%3A%2F%2Fmanagement.azure.com%2F&client_id=abc",
                arm.identityHeader());

        assertEquals(200, response.statusCode());
        JsonObject body = json(response);
        assertEquals("Bearer", body.get("token_type").getAsString());
        assertEquals("https://management.azure.com/", body.get("resource").getAsString());
        long expiresOn = Long.parseLong(body.get("expires_on").getAsString());
        assertTrue(Math.abs(expiresOn - Instant.now().plusSeconds(3600).getEpochSecond()) < 60);
        assertNotEquals(token, body.get("access_token").getAsString());
        assertTrue(arm.issued(body.get("access_token").getAsString()));
        assertEquals(2, arm.tokenRequestCount());
        assertEquals("abc", arm.tokenRequests().get(1).clientId());
    }

    @Test
    void identityEndpointRejectsAWrongOrMissingSecret() throws Exception {
        HttpResponse<String> wrong = identity("resource=https://management.azure.com/", "not-the-secret");
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(arm.identityEndpoint()
                + "?resource=x&api-version=2019-08-01")).build(), BodyHandlers.ofString());

        assertEquals(401, wrong.statusCode());
        assertEquals(401, missing.statusCode());
        assertEquals("unauthorized_client", json(wrong).get("error").getAsString());
        assertEquals(401, arm.tokenRequests().get(2).status());
    }

    // ---- authentication and api-version

    @Test
    void armRequiresATokenThisStandInIssued() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri(CACHE_ID + API)).GET().build());
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri(CACHE_ID + API))
                .header("Authorization", "Bearer someone-elses-token").GET().build());

        assertEquals(401, none.statusCode());
        assertEquals("AuthenticationFailed", errorCode(none));
        assertEquals(401, foreign.statusCode());
        assertEquals("AuthenticationFailed", errorCode(foreign));
    }

    @Test
    void aMissingApiVersionIsABadRequest() throws Exception {
        HttpResponse<String> response = arm("GET", CACHE_ID, null);

        assertEquals(400, response.statusCode());
        assertEquals("MissingApiVersionParameter", errorCode(response));
    }

    // ---- GET

    @Test
    void getAnswersTheStoredResourceWhateverTheIdCase() throws Exception {
        HttpResponse<String> response = arm("GET", CACHE_ID.toLowerCase() + API, null);

        assertEquals(200, response.statusCode());
        assertEquals(Fixtures.json(REDIS), JsonParser.parseString(response.body()));
    }

    @Test
    void getOfAMissingCacheAnswersArmResourceNotFound() throws Exception {
        HttpResponse<String> response = arm("GET", CACHE_ID.replace("cache1", "x") + API, null);

        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.Cache/Redis/x'"
                + " under resource group 'rg1' was not found.\"}}", response.body());
    }

    @Test
    void getOfAMissingBatchAccountAnswersAccountNotFound() throws Exception {
        HttpResponse<String> response = arm("GET", ACCOUNT_ID + API, null);

        assertEquals(404, response.statusCode());
        JsonObject error = json(response).getAsJsonObject("error");
        assertEquals("AccountNotFound", error.get("code").getAsString());
        assertEquals("BatchAccount", error.get("target").getAsString());
        assertTrue(error.get("message").getAsString().startsWith("The specified account does not exist.\nRequestId:"));
    }

    // ---- PATCH

    @Test
    void patchMergesAndReportsUpdatingUntilTheNextGetsHavePassed() throws Exception {
        HttpResponse<String> patched = arm("PATCH", CACHE_ID + API, "{\"properties\":{\"EnableNonSslPort\":false,"
                + "\"sku\":{\"capacity\":1},\"minimumTlsVersion\":\"1.2\",\"linkedServers\":[]}}");

        assertEquals(200, patched.statusCode());
        JsonObject properties = json(patched).getAsJsonObject("properties");
        assertEquals("Updating", properties.get("provisioningState").getAsString());
        assertFalse(properties.get("enableNonSslPort").getAsBoolean(), "merged under the stored spelling");
        assertEquals(1, properties.getAsJsonObject("sku").get("capacity").getAsInt());
        assertEquals("Premium", properties.getAsJsonObject("sku").get("name").getAsString(),
                "members the patch does not name are kept");
        assertEquals("1.2", properties.get("minimumTlsVersion").getAsString());
        assertEquals(new JsonArray(), properties.get("linkedServers"), "arrays are replaced");
        assertEquals("cache1.redis.cache.windows.net", properties.get("hostName").getAsString());
        assertEquals("Updating", provisioningState(arm("GET", CACHE_ID + API, null)));
        assertEquals("Succeeded", provisioningState(arm("GET", CACHE_ID + API, null)));
    }

    @Test
    void patchCanSettleAtOnceOrAfterMoreGets() throws Exception {
        arm.settleAfterGets(CACHE_ID, 0);
        assertEquals("Succeeded", provisioningState(arm("PATCH", CACHE_ID + API, "{\"tags\":{\"a\":\"b\"}}")));

        arm.settleAfterGets(CACHE_ID, 2);
        assertEquals("Updating", provisioningState(arm("PATCH", CACHE_ID + API, "{\"tags\":{\"a\":\"c\"}}")));
        assertEquals("Updating", provisioningState(arm("GET", CACHE_ID + API, null)));
        assertEquals("Updating", provisioningState(arm("GET", CACHE_ID + API, null)));
        assertEquals("Succeeded", provisioningState(arm("GET", CACHE_ID + API, null)));
    }

    @Test
    void patchOfAMissingResourceIsNotFound() throws Exception {
        HttpResponse<String> response = arm("PATCH", CACHE_ID.replace("cache1", "gone") + API, "{}");

        assertEquals(404, response.statusCode());
        assertEquals("ResourceNotFound", errorCode(response));
    }

    @Test
    void aLongRunningPatchAnswers202AndItsOperationIsPolledToSucceeded() throws Exception {
        arm.patchAsynchronously(CACHE_ID, 1);

        HttpResponse<String> accepted = arm("PATCH", CACHE_ID + API, "{\"properties\":{\"enableNonSslPort\":false}}");

        assertEquals(202, accepted.statusCode());
        String operation = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertTrue(operation.startsWith(arm.endpoint() + "/operations/") && operation.endsWith(API), operation);
        assertEquals("InProgress", json(armUrl(operation)).get("status").getAsString());
        assertEquals("Updating", provisioningState(arm("GET", CACHE_ID + API, null)));
        assertEquals("Succeeded", json(armUrl(operation)).get("status").getAsString());
        HttpResponse<String> result = armUrl(location);
        assertEquals(200, result.statusCode());
        assertEquals("Succeeded", provisioningState(result));
        assertFalse(arm.resource(CACHE_ID).orElseThrow().getAsJsonObject("properties")
                .get("enableNonSslPort").getAsBoolean());
    }

    // ---- related collections

    @Test
    void diagnosticSettingsArePutListedAndRead() throws Exception {
        assertEquals("{\"value\":[]}", arm("GET", CACHE_ID + DIAGNOSTICS + DIAGNOSTICS_API, null).body());

        String body = "{\"properties\":{\"workspaceId\":\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
                + "Microsoft.OperationalInsights/workspaces/ws\",\"logs\":[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]}}";
        HttpResponse<String> put = arm("PUT", CACHE_ID + DIAGNOSTICS + "/guard" + DIAGNOSTICS_API, body);

        assertEquals(200, put.statusCode());
        JsonObject setting = json(put);
        assertEquals(CACHE_ID + "/providers/microsoft.insights/diagnosticSettings/guard", setting.get("id").getAsString());
        assertEquals("guard", setting.get("name").getAsString());
        assertEquals("Microsoft.Insights/diagnosticSettings", setting.get("type").getAsString());
        assertEquals(JsonParser.parseString(body).getAsJsonObject().get("properties"), setting.get("properties"));
        assertEquals(setting, json(arm("GET", CACHE_ID + DIAGNOSTICS + "/guard" + DIAGNOSTICS_API, null)));
        assertEquals(1, json(arm("GET", CACHE_ID + DIAGNOSTICS + DIAGNOSTICS_API, null)).getAsJsonArray("value").size());
        assertEquals(404, arm("GET", ACCOUNT_ID + DIAGNOSTICS + DIAGNOSTICS_API, null).statusCode());
    }

    @Test
    void storedDiagnosticSettingsAndFirewallRulesAreListed() throws Exception {
        arm.putDiagnosticSettings(CACHE_ID,
                Fixtures.items("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json"));
        List<JsonObject> rules = Fixtures.items("Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json");
        arm.putFirewallRules(CACHE_ID, rules);

        JsonArray settings = json(arm("GET", CACHE_ID + DIAGNOSTICS + DIAGNOSTICS_API, null)).getAsJsonArray("value");
        assertEquals("mysetting", settings.get(0).getAsJsonObject().get("name").getAsString());
        JsonArray listed = json(arm("GET", CACHE_ID + "/firewallRules" + API, null)).getAsJsonArray("value");
        assertEquals(rules, listed.asList());
    }

    // ---- Resource Graph

    @Test
    void resourceGraphPagesTheSweptTypesOfTheRequestedSubscriptions() throws Exception {
        arm.remove(CACHE_ID);
        JsonObject cache = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheList.json").getAsJsonObject()
                .getAsJsonArray("value").get(0).getAsJsonObject();
        for (int i = 1; i <= 3; i++) {
            JsonObject copy = cache.deepCopy();
            copy.addProperty("id", cache.get("id").getAsString().replace("cache1", "cache" + i));
            arm.put(copy);
        }
        arm.putFixture(BATCH_LIST);
        arm.putFixture("Microsoft.KeyVault/vaults/2024-11-01_getVault.json");
        String query = "resources | where type =~ 'microsoft.cache/redis'";

        List<JsonObject> pages = new ArrayList<>();
        String skipToken = null;
        do {
            String options = "{\"$top\":2,\"resultFormat\":\"objectArray\""
                    + (skipToken == null ? "" : ",\"$skipToken\":\"" + skipToken + "\"") + "}";
            JsonObject page = json(arm("POST", GRAPH, "{\"subscriptions\":[\"00000000-0000-0000-0000-000000000000\"],"
                    + "\"query\":\"" + query + "\",\"options\":" + options + "}"));
            pages.add(page);
            skipToken = page.has("$skipToken") ? page.get("$skipToken").getAsString() : null;
        } while (skipToken != null);

        assertEquals(2, pages.size());
        assertEquals(3, pages.get(0).get("totalRecords").getAsInt());
        assertEquals(2, pages.get(0).get("count").getAsInt());
        assertEquals(1, pages.get(1).get("count").getAsInt());
        assertEquals("false", pages.get(1).get("resultTruncated").getAsString());
        JsonObject row = pages.get(0).getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals("microsoft.cache/redis", row.get("type").getAsString());
        assertEquals("00000000-0000-0000-0000-000000000000", row.get("subscriptionId").getAsString());
        assertEquals("rg1", row.get("resourceGroup").getAsString());
        assertEquals(ArmStandIn.TENANT_ID, row.get("tenantId").getAsString());
        assertEquals(query, arm.requests().get(0).json().getAsJsonObject().get("query").getAsString());

        JsonObject everywhere = json(arm("POST", GRAPH, "{\"managementGroups\":[\"root\"],\"query\":\"" + query + "\"}"));
        assertEquals(4, everywhere.get("totalRecords").getAsInt(), "3 caches and the Batch account, not the vault");
    }

    // ---- faults

    @Test
    void throttlingAppliesTheGivenNumberOfTimes() throws Exception {
        arm.inject(Fault.on("PATCH", ".*/Redis/.*").throttled(1).times(2));

        HttpResponse<String> first = arm("PATCH", CACHE_ID + API, "{}");
        HttpResponse<String> second = arm("PATCH", CACHE_ID + API, "{}");
        HttpResponse<String> third = arm("PATCH", CACHE_ID + API, "{}");

        assertEquals(429, first.statusCode());
        assertEquals("1", first.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("TooManyRequests", errorCode(first));
        assertEquals(429, second.statusCode());
        assertEquals(200, third.statusCode());
        assertEquals(200, arm("GET", CACHE_ID + API, null).statusCode(), "the rule matched PATCH only");
    }

    @Test
    void serverErrorsAndConflictsAnswerTheirStatusUntilCleared() throws Exception {
        arm.inject(Fault.on("GET", ".*").status(503).times(1));
        arm.inject(Fault.on("GET", ".*").status(500).times(1));
        arm.inject(Fault.on("PATCH", ".*").conflict("The cache is busy processing a previous update request.").always());

        HttpResponse<String> unavailable = arm("GET", CACHE_ID + API, null);
        assertEquals(503, unavailable.statusCode());
        assertEquals("ServiceUnavailable", errorCode(unavailable));
        assertEquals(500, arm("GET", CACHE_ID + API, null).statusCode());
        assertEquals(200, arm("GET", CACHE_ID + API, null).statusCode());
        assertEquals("Conflict", errorCode(arm("PATCH", CACHE_ID + API, "{}")));
        assertEquals(409, arm("PATCH", CACHE_ID + API, "{}").statusCode());
        arm.clearFaults();
        assertEquals(200, arm("PATCH", CACHE_ID + API, "{}").statusCode());
    }

    @Test
    void authorizationFailuresUseArmWordingWithTheRequestScope() throws Exception {
        arm.inject(Fault.on("PATCH", ".*").authorizationFailed("Microsoft.Cache/redis/write"));

        HttpResponse<String> response = arm("PATCH", CACHE_ID + API, "{}");

        assertEquals(403, response.statusCode());
        assertEquals("AuthorizationFailed", errorCode(response));
        assertEquals("The client '" + Fault.CLIENT_ID + "' with object id '" + Fault.OBJECT_ID + "' does not have "
                + "authorization to perform action 'Microsoft.Cache/redis/write' over scope '" + CACHE_ID + "' or the "
                + "scope is invalid. If access was recently granted, please refresh your credentials.",
                json(response).getAsJsonObject("error").get("message").getAsString());
    }

    @Test
    void badRequestsCarryTheGivenCodeAndMessage() throws Exception {
        arm.inject(Fault.on("PATCH", ".*").badRequest("BadRequest",
                "Invalid update request: properties.sku.name cannot be updated to Basic."));

        HttpResponse<String> response = arm("PATCH", CACHE_ID + API, "{}");

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid update request: properties.sku.name "
                + "cannot be updated to Basic.\"}}", response.body());
    }

    @Test
    void aDroppedConnectionGivesTheClientNoAnswer() throws Exception {
        // always(): java.net.http retries a GET once when the connection closes before an answer.
        arm.inject(Fault.on("GET", ".*").drop().always());

        assertThrows(IOException.class, () -> arm("GET", CACHE_ID + API, null));
        assertEquals(Request.DROPPED, arm.requests().get(0).status());
        arm.clearFaults();
        assertEquals(200, arm("GET", CACHE_ID + API, null).statusCode());
    }

    @Test
    void delayIsAddedToEveryRequest() throws Exception {
        arm.delay(Duration.ofMillis(300));

        long started = System.nanoTime();
        arm("GET", CACHE_ID + API, null);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    }

    // ---- request log

    @Test
    void everyArmRequestIsRecorded() throws Exception {
        arm("PATCH", CACHE_ID + API, "{\"tags\":{}}");
        arm("GET", CACHE_ID + API, null);

        Request patch = arm.requests().get(0);
        assertEquals("PATCH", patch.method());
        assertEquals(CACHE_ID, patch.path());
        assertEquals("2024-11-01", patch.apiVersion());
        assertEquals("Bearer " + token, patch.header("authorization"));
        assertEquals("{\"tags\":{}}", patch.body());
        assertEquals(200, patch.status());
        assertFalse(patch.timestamp().isAfter(Instant.now()));
        assertEquals(1, arm.count("GET"));
        assertEquals(1, arm.count("patch"));
        arm.clearRequests();
        assertTrue(arm.requests().isEmpty());
    }

    // ---- helpers

    private HttpResponse<String> identity(String query, String secret) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(arm.identityEndpoint() + "?" + query
                + "&api-version=2019-08-01")).header("X-IDENTITY-HEADER", secret).GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> arm(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, publisher).build());
    }

    private HttpResponse<String> armUrl(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(arm.endpoint() + pathAndQuery);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String errorCode(HttpResponse<String> response) {
        return json(response).getAsJsonObject("error").get("code").getAsString();
    }

    private static String provisioningState(HttpResponse<String> response) {
        return json(response).getAsJsonObject("properties").get("provisioningState").getAsString();
    }
}
