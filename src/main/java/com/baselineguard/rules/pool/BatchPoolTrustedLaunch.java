package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BPOOL-006: nodes use Trusted Launch (or confidential VMs) with secure boot and vTPM. */
public final class BatchPoolTrustedLaunch extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-006", "BatchPool.TrustedLaunch")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.MEDIUM)
            .controls("PV-3")
            .synopsis("Azure Batch pools should use Trusted Launch (or confidential VMs) with secure boot and vTPM"
                    + " enabled.")
            .recommendation("Set securityProfile securityType to trustedLaunch with uefiSettings secureBootEnabled and"
                    + " vTpmEnabled true, on an image and VM size that support it.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition(BatchPoolDrained.PRECONDITION)
            .build();

    private static final JsonPath SECURITY_TYPE = JsonPath.of("securityProfile.securityType");
    private static final JsonPath SECURE_BOOT = JsonPath.of("securityProfile.uefiSettings.secureBootEnabled");
    private static final JsonPath VTPM = JsonPath.of("securityProfile.uefiSettings.vTpmEnabled");

    public BatchPoolTrustedLaunch() {
        super(METADATA, BatchPoolVmConfiguration.REQUIRED);
    }

    /** The evaluation of a pool that has a virtual machine configuration. */
    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        JsonObject vm = BatchPoolVmConfiguration.of(resource);
        Optional<JsonElement> type = SECURITY_TYPE.read(vm);
        boolean confidential = type.map(t -> Values.textEquals(t, "confidentialVM")).orElse(false);
        boolean hardenedType = confidential || type.map(t -> Values.textEquals(t, "trustedLaunch")).orElse(false);
        boolean secureBoot = SECURE_BOOT.read(vm).map(Values::isTrue).orElse(false);
        boolean vtpm = VTPM.read(vm).map(Values::isTrue).orElse(false);
        String observed = BatchPoolVmConfiguration.PATH + " has " + describe(vm, SECURITY_TYPE) + ", "
                + describe(vm, SECURE_BOOT) + " and " + describe(vm, VTPM);
        if (hardenedType && secureBoot && vtpm) {
            return Evaluation.pass(observed);
        }
        List<String> missing = new ArrayList<>();
        if (!hardenedType) {
            missing.add("securityType trustedLaunch or confidentialVM");
        }
        if (!secureBoot) {
            missing.add("secureBootEnabled true");
        }
        if (!vtpm) {
            missing.add("vTpmEnabled true");
        }
        Evaluation failure = Evaluation.fail(observed + "; expected " + String.join(", ", missing)
                + " (the image and VM size must support it; Baseline Guard does not verify that)");
        // confidentialVM is kept: it already meets the type requirement. The type is always sent because it
        // "has to be set to any specified value to enable UefiSettings" (Batch 2025-06-01 REST spec, SecurityProfile).
        JsonObject uefi = new JsonObject();
        uefi.addProperty("secureBootEnabled", true);
        uefi.addProperty("vTpmEnabled", true);
        JsonObject securityProfile = new JsonObject();
        securityProfile.addProperty("securityType", confidential ? type.get().getAsString() : "trustedLaunch");
        securityProfile.add("uefiSettings", uefi);
        JsonObject member = new JsonObject();
        member.add("securityProfile", securityProfile);
        return BatchPoolVmConfiguration.withFix(failure, resource, member);
    }

    private static String describe(JsonObject vm, JsonPath path) {
        String name = path.segments().get(path.segments().size() - 1);
        return name + " " + path.read(vm).map(Values::display).orElse("not set");
    }
}
