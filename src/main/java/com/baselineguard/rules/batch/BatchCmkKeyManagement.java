package com.baselineguard.rules.batch;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * BATCH-010: the customer-managed key is referenced without a version, lives in a vault that cannot
 * lose it (soft delete and purge protection, prerequisites of Batch CMK in the 2025-06-01
 * REST spec and https://learn.microsoft.com/azure/batch/batch-customer-managed-key), and is a
 * usable key with a managed lifecycle: it exists, is enabled, is RSA of 2048 bits or more, is not
 * expired or about to expire, and has a rotation policy that rotates it (DP-5, DP-6). The fix, opt-in,
 * sets that rotation policy on the key.
 */
public final class BatchCmkKeyManagement extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-010", "Batch.CmkKeyManagement")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("DP-5", "DP-6")
            .synopsis("A Batch customer-managed key should be an enabled, unexpired RSA key of 2048 bits or more with"
                    + " a rotation policy, referenced without a version, in a Key Vault with soft delete and purge"
                    + " protection.")
            .recommendation("Enable soft delete and purge protection on the vault, use an enabled RSA key of 2048 bits"
                    + " or more (3072 recommended) that is not about to expire, give it a rotation policy that rotates"
                    + " it before expiry, and reference it with a versionless key identifier.")
            .fixClass(FixClass.DISRUPTIVE)
            .build();

    private static final String KEY_IDENTIFIER = "properties.encryption.keyVaultProperties.keyIdentifier";
    private static final JsonPath VAULT_URI = JsonPath.of("properties.vaultUri");
    private static final List<String> RSA_TYPES = List.of("RSA", "RSA-HSM");
    private static final int MINIMUM_RSA_BITS = 2048;
    private static final int RECOMMENDED_RSA_BITS = 3072;
    /** The key lifetime the fix's policy gives new versions when the key has no policy expiry yet. */
    static final String DEFAULT_EXPIRY_TIME = "P1Y";

    private static final Applicability USES_CUSTOMER_MANAGED_KEY = Applicability.unless(
            account -> !account.value(BatchCustomerManagedKey.KEY_SOURCE)
                    .map(v -> Values.textEquals(v, BatchCustomerManagedKey.KEY_VAULT)).orElse(false),
            account -> BatchCustomerManagedKey.KEY_SOURCE + " is " + account.value(BatchCustomerManagedKey.KEY_SOURCE)
                    .map(Values::display).orElse("not set (Microsoft.Batch)")
                    + ", so the account uses no customer-managed key");

    public BatchCmkKeyManagement() {
        super(METADATA, USES_CUSTOMER_MANAGED_KEY);
    }

    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.KEY_VAULTS, RelatedKind.KEYS);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<String> keyIdentifier = resource.string(KEY_IDENTIFIER).filter(k -> !k.isBlank());
        Optional<URI> keyUri = keyIdentifier.flatMap(BatchCmkKeyManagement::uri);
        if (keyUri.isEmpty() || keyUri.get().getHost() == null || keyName(keyUri.get()).isEmpty()) {
            return Evaluation.fail(KEY_IDENTIFIER + " is " + keyIdentifier.map(k -> "\"" + k + "\"").orElse("not set")
                    + ", so the key and its vault cannot be identified");
        }
        String vaultHost = keyUri.get().getHost();
        String keyName = keyName(keyUri.get()).get();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Optional<String> pinnedVersion = versionOf(keyUri.get());
        pinnedVersion.ifPresent(version -> problems.add(KEY_IDENTIFIER + " names key version " + version
                + ", which pins the key and prevents automatic rotation; reference it without the version"));

        checkVault(resource, vaultHost, problems, missing);
        KeyFindings key = checkKey(resource, keyUri.get(), vaultHost, keyName, settings);
        problems.addAll(key.problems());
        missing.addAll(key.missing());

        if (problems.isEmpty() && missing.isEmpty()) {
            return Evaluation.pass("the versionless key " + keyName + " is in Key Vault " + vaultHost
                    + ", which has soft delete and purge protection enabled; " + key.summary());
        }
        if (problems.isEmpty()) {
            return Evaluation.notEvaluated(String.join("; ", missing));
        }
        List<String> reasons = new ArrayList<>(problems);
        reasons.addAll(missing);
        String reason = String.join("; ", reasons);
        if (key.fix().isEmpty()) {
            return Evaluation.fail(reason);
        }
        Fix fix = key.fix().get().blockedBy(pinnedVersion.map(v -> "the account pins key version " + v
                + ", so a rotated key would not reach it; reference the key without the version first"));
        return Evaluation.fail(reason, fix);
    }

    private static void checkVault(ResourceSnapshot resource, String vaultHost, List<String> problems,
            List<String> missing) {
        Optional<JsonObject> vault = resource.related(RelatedKind.KEY_VAULTS).orElse(List.of()).stream()
                .filter(v -> VAULT_URI.readString(v).flatMap(BatchCmkKeyManagement::uri).map(URI::getHost)
                        .map(vaultHost::equalsIgnoreCase).orElse(false))
                .findFirst();
        if (vault.isEmpty()) {
            missing.add("the snapshot does not carry the Key Vault " + vaultHost + " ("
                    + RelatedKind.KEY_VAULTS.description() + "), so its soft delete and purge protection are not checked");
            return;
        }
        // Soft delete is on by default for vaults created since 2020, but an absent property is not
        // proof of it: absent counts as not set.
        checkEnabled(vault.get(), "enableSoftDelete", vaultHost).ifPresent(problems::add);
        checkEnabled(vault.get(), "enablePurgeProtection", vaultHost).ifPresent(problems::add);
    }

    /** What the key summary shows: problems, data that is missing, words for a pass, and the fix. */
    private record KeyFindings(List<String> problems, List<String> missing, String summary, Optional<Fix> fix) {
    }

    private static KeyFindings checkKey(ResourceSnapshot resource, URI keyUri, String vaultHost, String keyName,
            RuleSettings settings) {
        String versionless = "https://" + keyUri.getAuthority() + "/keys/" + keyName;
        Optional<JsonObject> summary = resource.related(RelatedKind.KEYS).orElse(List.of()).stream()
                .filter(k -> text(k, "keyIdentifier").flatMap(BatchCmkKeyManagement::uri)
                        .map(u -> u.getAuthority() != null && u.getAuthority().equalsIgnoreCase(keyUri.getAuthority())
                                && keyName(u).map(keyName::equalsIgnoreCase).orElse(false))
                        .orElse(false))
                .findFirst();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String label = "key " + keyName + " in Key Vault " + vaultHost;
        if (summary.isEmpty()) {
            missing.add("the snapshot does not carry the " + label + " (" + RelatedKind.KEYS.description()
                    + "), so its state, type, size, expiry and rotation policy are not checked");
            return new KeyFindings(problems, missing, "", Optional.empty());
        }
        JsonObject s = summary.get();
        String read = text(s, "read").orElse("");
        if (read.equals("not_found")) {
            problems.add("the " + label + " does not exist (Key Vault answered 404); Batch cannot use a missing key");
            return new KeyFindings(problems, missing, "", Optional.empty());
        }
        if (!read.equals("ok")) {
            missing.add("the " + label + " could not be read (" + text(s, "error").orElse("no detail")
                    + "), so its state, type, size, expiry and rotation policy are not checked");
            return new KeyFindings(problems, missing, "", Optional.empty());
        }
        JsonObject key = JsonPath.of("key").readObject(s).orElse(new JsonObject());
        Optional<JsonElement> enabled = JsonPath.of("enabled").read(key);
        if (!enabled.map(Values::isTrue).orElse(false)) {
            problems.add("the " + label + " is " + (enabled.isPresent() ? "disabled (attributes.enabled is "
                    + Values.display(enabled.get()) + ")" : "not shown as enabled (attributes.enabled not set)")
                    + "; Batch cannot use a disabled key");
        }
        String keyType = text(key, "kty").orElse("not set");
        Optional<Integer> bits = JsonPath.of("keySize").read(key).filter(JsonElement::isJsonPrimitive)
                .flatMap(BatchCmkKeyManagement::integer);
        String strength;
        if (!RSA_TYPES.contains(keyType.toUpperCase(Locale.ROOT))) {
            problems.add("the " + label + " has key type " + keyType + "; Batch customer-managed keys must be RSA"
                    + " or RSA-HSM of " + MINIMUM_RSA_BITS + " bits or more (" + RECOMMENDED_RSA_BITS + " recommended)");
            strength = keyType;
        } else if (bits.isEmpty()) {
            missing.add("the size of the " + label + " is not known, so the " + MINIMUM_RSA_BITS
                    + "-bit minimum is not checked");
            strength = keyType;
        } else if (bits.get() < MINIMUM_RSA_BITS) {
            problems.add("the " + label + " is " + keyType + " of " + bits.get() + " bits; use " + MINIMUM_RSA_BITS
                    + " bits or more (" + RECOMMENDED_RSA_BITS + " recommended)");
            strength = keyType + " " + bits.get() + " bits";
        } else {
            strength = keyType + " " + bits.get() + " bits" + (bits.get() < RECOMMENDED_RSA_BITS
                    ? " (" + RECOMMENDED_RSA_BITS + " recommended)" : "");
        }
        Optional<Integer> daysToExpiry = JsonPath.of("daysToExpiry").read(key).filter(JsonElement::isJsonPrimitive)
                .flatMap(BatchCmkKeyManagement::integer);
        String expires = text(key, "expires").orElse("");
        String expiry = "no expiry date";
        if (daysToExpiry.isPresent()) {
            if (daysToExpiry.get() < 0) {
                problems.add("the " + label + " expired on " + expires + "; Batch cannot use an expired key");
            } else if (daysToExpiry.get() <= settings.keyExpiryWarningDays()) {
                problems.add("the " + label + " expires on " + expires + ", in " + daysToExpiry.get()
                        + " days (within the " + settings.keyExpiryWarningDays() + "-day warning window)");
            }
            expiry = "expires on " + expires;
        }

        Optional<Fix> fix = Optional.empty();
        String rotation;
        Optional<String> policyError = text(s, "rotationPolicyError");
        JsonElement policy = s.get("rotationPolicy");
        if (policyError.isPresent()) {
            missing.add("the rotation policy of the " + label + " could not be read (" + policyError.get() + ")");
            rotation = "rotation policy unknown";
        } else if (policy == null || !policy.isJsonObject()) {
            problems.add("the " + label + " has no rotation policy, so it is never rotated automatically");
            fix = Optional.of(rotationFix(versionless, null, settings));
            rotation = "";
        } else if (!rotates(policy.getAsJsonObject())) {
            problems.add("the rotation policy of the " + label + " has no Rotate action (only "
                    + actions(policy.getAsJsonObject()) + "), so it is never rotated automatically");
            fix = Optional.of(rotationFix(versionless, policy.getAsJsonObject(), settings));
            rotation = "";
        } else {
            rotation = "rotation policy rotates it";
        }
        return new KeyFindings(problems, missing, "the key is enabled, " + strength + ", " + expiry + ", "
                + rotation, fix);
    }

    /**
     * The policy the fix sets: Rotate {@code keyRotateBeforeExpiryDays} before expiry, new versions
     * expiring after the existing policy's expiryTime (else one year); other actions (Notify) are kept.
     */
    private static Fix rotationFix(String versionless, JsonObject before, RuleSettings settings) {
        JsonArray actions = new JsonArray();
        JsonObject rotate = new JsonObject();
        JsonObject trigger = new JsonObject();
        trigger.addProperty("timeBeforeExpiry", "P" + settings.keyRotateBeforeExpiryDays() + "D");
        rotate.add("trigger", trigger);
        JsonObject action = new JsonObject();
        action.addProperty("type", "Rotate");
        rotate.add("action", action);
        actions.add(rotate);
        String expiryTime = DEFAULT_EXPIRY_TIME;
        if (before != null) {
            JsonPath.of("lifetimeActions").readArray(before).ifPresent(existing -> existing.forEach(a -> {
                if (a.isJsonObject() && !isRotate(a.getAsJsonObject())) {
                    actions.add(a.deepCopy());
                }
            }));
            expiryTime = JsonPath.of("attributes.expiryTime").readString(before).filter(t -> !t.isBlank())
                    .orElse(DEFAULT_EXPIRY_TIME);
        }
        JsonObject after = new JsonObject();
        after.add("lifetimeActions", actions);
        JsonObject attributes = new JsonObject();
        attributes.addProperty("expiryTime", expiryTime);
        after.add("attributes", attributes);
        return Fix.of(FixStage.KEY_VAULT, new Change.KeyRotationPolicy(versionless,
                before == null ? JsonNull.INSTANCE : before.deepCopy(), after));
    }

    private static boolean rotates(JsonObject policy) {
        return JsonPath.of("lifetimeActions").readArray(policy).map(a -> a.asList().stream()
                .anyMatch(e -> e.isJsonObject() && isRotate(e.getAsJsonObject()))).orElse(false);
    }

    private static boolean isRotate(JsonObject lifetimeAction) {
        return JsonPath.of("action.type").readString(lifetimeAction).map("rotate"::equalsIgnoreCase).orElse(false);
    }

    private static String actions(JsonObject policy) {
        List<String> types = JsonPath.of("lifetimeActions").readArray(policy).map(a -> a.asList().stream()
                .filter(JsonElement::isJsonObject)
                .map(e -> JsonPath.of("action.type").readString(e.getAsJsonObject()).orElse("?")).toList())
                .orElse(List.of());
        return types.isEmpty() ? "no actions" : String.join(", ", types);
    }

    private static Optional<String> checkEnabled(JsonObject vault, String property, String vaultHost) {
        Optional<JsonElement> value = JsonPath.of("properties." + property).read(vault);
        if (value.map(Values::isTrue).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("Key Vault " + vaultHost + " properties." + property + " is "
                + value.map(Values::display).orElse("not set (unverified in the snapshot)") + "; expected true");
    }

    /** The name segment of {@code https://<vault>/keys/<name>[/<version>]}, if any. */
    static Optional<String> keyName(URI key) {
        List<String> segments = segments(key);
        return segments.size() >= 2 && segments.get(0).equalsIgnoreCase("keys")
                ? Optional.of(segments.get(1)) : Optional.empty();
    }

    /** The version segment of {@code https://<vault>/keys/<name>/<version>}, if any. */
    private static Optional<String> versionOf(URI key) {
        List<String> segments = segments(key);
        return segments.size() >= 3 && segments.get(0).equalsIgnoreCase("keys")
                ? Optional.of(segments.get(2)) : Optional.empty();
    }

    private static List<String> segments(URI key) {
        return key.getPath() == null ? List.of()
                : Arrays.stream(key.getPath().split("/")).filter(s -> !s.isBlank()).toList();
    }

    private static Optional<String> text(JsonObject object, String member) {
        return JsonPath.of(member).readString(object);
    }

    private static Optional<Integer> integer(JsonElement value) {
        try {
            return Optional.of(value.getAsInt());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(URI.create(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
