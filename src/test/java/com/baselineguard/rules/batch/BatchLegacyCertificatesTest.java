package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLegacyCertificatesTest {

    private final BatchLegacyCertificates rule = new BatchLegacyCertificates();

    @Test
    void notEvaluatedWhenCertificatesAreNotLoaded() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Accounts.get());
        assertEquals("the snapshot does not carry the account's certificates"
                + " (Microsoft.Batch/batchAccounts/certificates, listed with api-version 2024-07-01)",
                evaluation.reason());
    }

    @Test
    void failsWhenThePublishedCertificateListHasOne() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.related(Accounts.get(), RelatedKind.CERTIFICATES,
                Fixtures.items(Accounts.DIR + "certificates/2024-07-01_CertificateList.json")));
        assertEquals("the account has 1 Batch certificate(s) (sha1-0a0e4f50d51beadeac1d35afc5116098e7902e6e), a"
                + " feature retired on 2024-02-29", evaluation.reason());
    }

    @Test
    void failsWithTheSingleCertificateGetShapeToo() {
        assertStatus(Status.FAIL, rule, Fixtures.related(Accounts.get(), RelatedKind.CERTIFICATES, List.of(
                Fixtures.json(Accounts.DIR + "certificates/2024-07-01_CertificateGet.json").getAsJsonObject())));
    }

    @Test
    void passesWhenLoadedAndEmpty() {
        var evaluation = assertStatus(Status.PASS, rule,
                Fixtures.related(Accounts.get(), RelatedKind.CERTIFICATES, List.of()));
        assertEquals("the account has no Batch certificates", evaluation.reason());
    }
}
