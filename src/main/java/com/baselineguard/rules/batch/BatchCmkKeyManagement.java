package com.baselineguard.rules.batch;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BATCH-010: the customer-managed key is referenced without a version and lives in a vault that cannot
 * lose it (soft delete and purge protection, prerequisites of Batch CMK [SP-B], [D-B5]). Detect only.
 */
public final class BatchCmkKeyManagement implements Rule {

    private static final RuleMetadata METADATA = new RuleMetadata("BATCH-010", "Batch.CmkKeyManagement",
            ResourceType.BATCH_ACCOUNT, Severity.MEDIUM, List.of("DP-6"),
            "A Batch customer-managed key should be a versionless RSA key of 2048 bits or more in a Key Vault with"
                    + " soft delete and purge protection.",
            "Enable soft delete and purge protection on the vault, use an RSA key of 2048 bits or more, and reference"
                    + " it with a versionless key identifier.",
            FixClass.NONE, "");

    private static final String KEY_IDENTIFIER = "properties.encryption.keyVaultProperties.keyIdentifier";
    private static final JsonPath VAULT_URI = JsonPath.of("properties.vaultUri");

    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.KEY_VAULTS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        Optional<JsonElement> keySource = resource.value(BatchCustomerManagedKey.KEY_SOURCE);
        if (!keySource.map(v -> Values.textEquals(v, BatchCustomerManagedKey.KEY_VAULT)).orElse(false)) {
            return Evaluation.notApplicable(BatchCustomerManagedKey.KEY_SOURCE + " is "
                    + keySource.map(Values::display).orElse("not set (Microsoft.Batch)")
                    + ", so the account uses no customer-managed key");
        }
        Optional<String> keyIdentifier = resource.string(KEY_IDENTIFIER).filter(k -> !k.isBlank());
        Optional<URI> keyUri = keyIdentifier.flatMap(BatchCmkKeyManagement::uri);
        if (keyUri.isEmpty() || keyUri.get().getHost() == null) {
            return Evaluation.fail(KEY_IDENTIFIER + " is " + keyIdentifier.map(k -> "\"" + k + "\"").orElse("not set")
                    + ", so the key and its vault cannot be identified");
        }
        String vaultHost = keyUri.get().getHost();
        List<String> problems = new ArrayList<>();
        versionOf(keyUri.get()).ifPresent(version -> problems.add(KEY_IDENTIFIER + " names key version " + version
                + ", which pins the key and prevents automatic rotation; reference it without the version"));
        Optional<JsonObject> vault = resource.related(RelatedKind.KEY_VAULTS).orElse(List.of()).stream()
                .filter(v -> VAULT_URI.readString(v).flatMap(BatchCmkKeyManagement::uri).map(URI::getHost)
                        .map(vaultHost::equalsIgnoreCase).orElse(false))
                .findFirst();
        if (vault.isEmpty()) {
            String missing = "the snapshot does not carry the Key Vault " + vaultHost + " ("
                    + RelatedKind.KEY_VAULTS.description()
                    + "), so its soft delete and purge protection are not checked";
            return problems.isEmpty() ? Evaluation.notEvaluated(missing)
                    : Evaluation.fail(String.join("; ", problems) + "; " + missing);
        }
        // Soft delete is on by default for vaults created since 2020, but an absent property is not
        // proof of it: absent counts as not set.
        checkEnabled(vault.get(), "enableSoftDelete", vaultHost).ifPresent(problems::add);
        checkEnabled(vault.get(), "enablePurgeProtection", vaultHost).ifPresent(problems::add);
        if (problems.isEmpty()) {
            return Evaluation.pass("the versionless key is in Key Vault " + vaultHost
                    + ", which has soft delete and purge protection enabled");
        }
        return Evaluation.fail(String.join("; ", problems));
    }

    private static Optional<String> checkEnabled(JsonObject vault, String property, String vaultHost) {
        Optional<JsonElement> value = JsonPath.of("properties." + property).read(vault);
        if (value.map(Values::isTrue).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("Key Vault " + vaultHost + " properties." + property + " is "
                + value.map(Values::display).orElse("not set (unverified in the snapshot)") + "; expected true");
    }

    /** The version segment of {@code https://<vault>/keys/<name>/<version>}, if any. */
    private static Optional<String> versionOf(URI key) {
        List<String> segments = Arrays.stream(key.getPath().split("/")).filter(s -> !s.isBlank()).toList();
        return segments.size() >= 3 && segments.get(0).equalsIgnoreCase("keys")
                ? Optional.of(segments.get(2)) : Optional.empty();
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(URI.create(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
