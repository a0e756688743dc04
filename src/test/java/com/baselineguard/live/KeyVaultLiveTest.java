package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Action;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.keyvault.KeyVaultStandIn;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BATCH-010 end to end: the production graph (DefaultAzureCredential over the managed-identity
 * protocol, the real azure-security-keyvault-keys client answering Key Vault's bearer challenge)
 * against the ARM stand-in (account, vault, Resource Graph) and the Key Vault keys stand-in.
 */
class KeyVaultLiveTest {

    private static final String KEY = "batchkey";
    private static final String VERSION = "78deebed173b48e48f55abf87ed4cf71";

    private LiveHarness live;
    private KeyVaultStandIn vault;
    private String accountId;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
        vault = KeyVaultStandIn.start(live.arm);
        live.with("AZURE_KEY_VAULT_DNS_SUFFIX", "127.0.0.1")
                // The account's other safe fixes would come first in the plan; only BATCH-010 is under test here.
                .with("BG_RULE_MODE_BATCH_007", "audit")
                .with("BG_RULE_MODE_BATCH_012", "audit");
        JsonObject account = Fixtures.json("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json").getAsJsonObject();
        account.getAsJsonObject("properties").add("encryption", Fixtures.parse("{\"keySource\":\"Microsoft.KeyVault\","
                + "\"keyVaultProperties\":{\"keyIdentifier\":\"" + vault.vaultUrl() + "/keys/" + KEY + "\"}}"));
        accountId = live.store(account);
        JsonObject keyVault = Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").getAsJsonObject();
        JsonObject properties = keyVault.getAsJsonObject("properties");
        properties.addProperty("vaultUri", vault.vaultUrl() + "/");
        properties.addProperty("enableSoftDelete", true);
        properties.addProperty("enablePurgeProtection", true);
        live.store(keyVault);
        vault.putKey(KEY, VERSION, Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject());
    }

    @AfterEach
    void stop() {
        vault.close();
        live.close();
    }

    private Outcome handle(Remediator remediator) {
        return LiveHarness.remediate(remediator, accountId, false);
    }

    private static Finding batch010(Outcome outcome) {
        return outcome.findings().stream().filter(f -> f.rule().id().equals("BATCH-010")).findFirst().orElseThrow();
    }

    private static WorkItem due(WorkItem item) {
        return new WorkItem(item.resourceId(), item.trigger(), item.eventId(), item.correlationId(), item.dryRun(),
                item.attempt(), Instant.EPOCH);
    }

    @Test
    void aKeyWithoutARotationPolicyIsReportedAndLeftAloneByDefault() {
        Outcome outcome = handle(live.composition().remediator());
        Finding finding = batch010(outcome);
        assertEquals(Status.FAIL, finding.status(), finding.evaluation().reason());
        assertEquals("the key batchkey in Key Vault 127.0.0.1 has no rotation policy, so it is never rotated"
                + " automatically", finding.evaluation().reason());
        assertEquals(Result.AUDITED, outcome.result(), outcome.reason());
        assertTrue(vault.requests().stream().noneMatch(r -> r.method().equals("PUT")), "audit sends nothing");
        // Account GET, Resource Graph lookup of the vault, vault GET (diagnostic settings: BATCH-012 audit still reads them).
        assertTrue(live.arm.requests().stream().anyMatch(r -> r.path().toLowerCase().endsWith("/vaults/sample-vault")
                && "2023-07-01".equals(r.apiVersion())), "the vault is read from ARM at 2023-07-01");
        KeyVaultStandIn.Request keyRead = vault.authenticated().get(0);
        assertEquals("/keys/" + KEY, keyRead.path().replaceAll("/+$", ""));
        assertEquals("7.5", keyRead.query().get("api-version"));
        assertTrue(live.arm.tokenRequests().stream().anyMatch(t -> t.resource().startsWith(vault.audience())),
                "the managed identity was asked for a Key Vault token after the challenge");
    }

    @Test
    void underEnforceTheKeyGetsARotationPolicyAndVerifies() {
        live.with("BG_RULE_MODE_BATCH_010", "enforce");
        Remediator remediator = live.composition().remediator();
        Outcome first = handle(remediator);
        assertEquals(Result.REMEDIATED, first.result(), first.reason());
        Action action = first.actions().get(0);
        assertEquals("BATCH-010", action.ruleId());
        assertEquals(Action.Status.APPLIED, action.status(), action.detail());
        assertEquals(vault.vaultUrl() + "/keys/batchkey/rotationpolicy", action.target());
        KeyVaultStandIn.Request put = vault.authenticated().stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow();
        assertEquals("/keys/batchkey/rotationpolicy", put.path());
        assertEquals("7.5", put.query().get("api-version"));
        // The plan says "Rotate" as the REST examples do; the SDK's KeyRotationPolicyAction sends its own
        // lower-case constant, which Key Vault accepts (action types compare without case).
        assertEquals(Fixtures.parse("{\"lifetimeActions\":[{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},"
                + "\"action\":{\"type\":\"rotate\"}}],\"attributes\":{\"expiryTime\":\"P1Y\"}}"), put.json());
        assertTrue(vault.rotationPolicy(KEY).isPresent());

        Outcome verified = remediator.handle(due(first.followUp().orElseThrow()));
        assertEquals(Status.PASS, batch010(verified).status(), batch010(verified).evaluation().reason());
    }

    @Test
    void aKeyVaultRetryAfterLongerThanTheLongestBackoffIsNotWaitedWithinTheRequest() {
        // azure-core would wait the server's Retry-After whatever its length; 30 s is past the 5 s backoff cap.
        vault.throttleNext("GET", "/keys/batchkey/?", 30);
        long started = System.nanoTime();
        Finding finding = batch010(handle(live.composition().remediator()));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.NOT_EVALUATED, finding.status(), finding.evaluation().reason());
        assertTrue(finding.evaluation().reason().contains("HTTP 429"), finding.evaluation().reason());
        assertEquals(1, vault.requests().stream().filter(r -> r.status() == 429).count());
        assertEquals(0, vault.authenticated().stream().filter(r -> r.method().equals("GET") && r.status() == 200
                && r.path().matches("/keys/batchkey/?")).count(), "not retried");
        assertTrue(tookMillis < 20_000, "took " + tookMillis + " ms");

        vault.throttleNext("GET", "/keys/batchkey/?", 1);
        assertEquals(Status.FAIL, batch010(handle(live.composition().remediator())).status(),
                "a Retry-After within the cap is waited and the read retried");
    }

    @Test
    void aForbiddenRotationPolicyWriteIsAPermissionFailureNamingTheDataAction() {
        live.with("BG_RULE_MODE_BATCH_010", "enforce");
        vault.failNext("PUT", "/keys/batchkey/rotationpolicy", 403);
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.FAILED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("permission missing: Microsoft.KeyVault/vaults/keys/rotationpolicy/write"),
                outcome.reason());
    }

    @Test
    void aKeyGoneWhenItsRotationPolicyIsWrittenFailsTheFixNotTheAccount() {
        live.with("BG_RULE_MODE_BATCH_010", "enforce");
        vault.failNext("PUT", "/keys/batchkey/rotationpolicy", 404);
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.FAILED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("PUT refused: "), outcome.reason());
        assertTrue(outcome.followUp().isEmpty(), outcome.reason());
        assertEquals(Action.Status.FAILED, outcome.actions().get(0).status());
    }

    @Test
    void expiredSmallDisabledAndMissingKeysGetTheRightStatuses() {
        vault.putRotationPolicy(KEY, Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKeyRotationPolicy.json").getAsJsonObject());
        assertEquals(Status.PASS, batch010(handle(live.composition().remediator())).status());

        JsonObject expired = Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject();
        expired.getAsJsonObject("attributes").addProperty("exp", Instant.now().minus(2, ChronoUnit.DAYS).getEpochSecond());
        vault.putKey(KEY, VERSION, expired);
        Finding finding = batch010(handle(live.composition().remediator()));
        assertEquals(Status.FAIL, finding.status());
        assertTrue(finding.evaluation().reason().contains(" expired on "), finding.evaluation().reason());

        JsonObject soon = Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject();
        soon.getAsJsonObject("attributes").addProperty("exp", Instant.now().plus(10, ChronoUnit.DAYS).getEpochSecond());
        vault.putKey(KEY, VERSION, soon);
        finding = batch010(handle(live.composition().remediator()));
        assertTrue(finding.evaluation().reason().contains("within the 30-day warning window"), finding.evaluation().reason());
        live.with("BG_KEY_EXPIRY_WARNING_DAYS", "5");
        assertEquals(Status.PASS, batch010(handle(live.composition().remediator())).status());

        JsonObject small = Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject();
        small.getAsJsonObject("key").addProperty("n", small.getAsJsonObject("key").get("n").getAsString().substring(0, 171));
        vault.putKey(KEY, VERSION, small);
        finding = batch010(handle(live.composition().remediator()));
        assertEquals("the key batchkey in Key Vault 127.0.0.1 is RSA of 1024 bits; use 2048 bits or more (3072"
                + " recommended)", finding.evaluation().reason());

        JsonObject disabled = Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject();
        disabled.getAsJsonObject("attributes").addProperty("enabled", false);
        vault.putKey(KEY, VERSION, disabled);
        finding = batch010(handle(live.composition().remediator()));
        assertEquals("the key batchkey in Key Vault 127.0.0.1 is disabled (attributes.enabled is false); Batch cannot"
                + " use a disabled key", finding.evaluation().reason());
    }

    @Test
    void aMissingKeyFailsAndAnUnreadableOneIsNotEvaluated() {
        JsonObject account = live.arm.resource(accountId).orElseThrow();
        account.getAsJsonObject("properties").getAsJsonObject("encryption").getAsJsonObject("keyVaultProperties")
                .addProperty("keyIdentifier", vault.vaultUrl() + "/keys/gone");
        live.store(account);
        Finding finding = batch010(handle(live.composition().remediator()));
        assertEquals(Status.FAIL, finding.status());
        assertEquals("the key gone in Key Vault 127.0.0.1 does not exist (Key Vault answered 404); Batch cannot use a"
                + " missing key", finding.evaluation().reason());

        account.getAsJsonObject("properties").getAsJsonObject("encryption").getAsJsonObject("keyVaultProperties")
                .addProperty("keyIdentifier", vault.vaultUrl() + "/keys/" + KEY);
        live.store(account);
        vault.failNext("GET", "/keys/batchkey/?", 403);
        finding = batch010(handle(live.composition().remediator()));
        assertEquals(Status.NOT_EVALUATED, finding.status(), finding.evaluation().reason());
        assertTrue(finding.evaluation().reason().contains("could not be read (GET key: HTTP 403"), finding.evaluation().reason());
    }

    @Test
    void aKeyIdentifierOutsideTheKeyVaultHostsNeverGetsAToken() {
        live.with("AZURE_KEY_VAULT_DNS_SUFFIX", "");
        Finding finding = batch010(handle(live.composition().remediator()));
        assertEquals(Status.NOT_EVALUATED, finding.status(), finding.evaluation().reason());
        assertTrue(finding.evaluation().reason().contains("is not a Key Vault endpoint of this cloud"),
                finding.evaluation().reason());
        assertTrue(vault.requests().isEmpty(), "nothing was sent to the host the account names");
    }
}
