package com.baselineguard.rules.pool;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** BPOOL-005: encryption at host is on. */
public final class BatchPoolEncryptionAtHost extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-005", "BatchPool.EncryptionAtHost")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.MEDIUM)
            .controls("DP-4")
            .synopsis("Azure Batch pools should enable encryption at host so that all node disks, including temporary"
                    + " disks, are encrypted on the host.")
            .recommendation("Set securityProfile.encryptionAtHost to true on pools whose VM size supports host"
                    + " encryption, while the pool is at zero nodes.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition(BatchPoolDrained.PRECONDITION)
            .build();

    private static final PropertyCheck CHECK =
            PropertyCheck.at(BatchPoolVmConfiguration.PATH + ".securityProfile.encryptionAtHost")
                    .expect("true", Values::isTrue)
                    .whenAbsent(false, "absent means false");

    private static final JsonObject FIX =
            JsonParser.parseString("{\"securityProfile\":{\"encryptionAtHost\":true}}").getAsJsonObject();

    public BatchPoolEncryptionAtHost() {
        super(METADATA, BatchPoolVmConfiguration.REQUIRED);
    }

    /** The evaluation of a pool that has a virtual machine configuration. */
    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Evaluation evaluation = CHECK.evaluate(resource);
        if (evaluation.status() != Status.FAIL) {
            return evaluation;
        }
        // Which VM sizes support host encryption is not in the snapshot, so the reason says it is not verified.
        Evaluation failure = Evaluation.fail(evaluation.reason()
                + " (the VM size must support encryption at host; Baseline Guard does not verify that)");
        return BatchPoolVmConfiguration.withFix(failure, resource, FIX);
    }
}
