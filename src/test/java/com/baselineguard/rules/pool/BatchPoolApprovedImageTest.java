package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.SECURITY_PROFILE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.approvedImages;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class BatchPoolApprovedImageTest {

    private static final String GALLERY_IMAGE = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups"
            + "/networking-group/providers/Microsoft.Compute/galleries/testgallery/images/testimagedef/versions/0.0.1";

    private final BatchPoolApprovedImage rule = new BatchPoolApprovedImage();

    @Test
    void isNotEvaluatedWithoutAnAllowList() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, pool(SECURITY_PROFILE));
        assertEquals("no approved pool images are configured (setting BG_APPROVED_POOL_IMAGES)", evaluation.reason());
    }

    @Test
    void passesWhenAMarketplaceImageMatchesWithAWildcardSku() {
        var evaluation = assertStatus(Status.PASS, rule, pool(SECURITY_PROFILE),
                approvedImages("MicrosoftWindowsServer:WindowsServer:*", "canonical:ubuntuserver:*"));
        assertEquals(VM_PATH + ".imageReference \"Canonical:UbuntuServer:18_04-lts-gen2\" matches approved image"
                + " \"canonical:ubuntuserver:*\"", evaluation.reason());
    }

    @Test
    void passesWhenAGalleryImageIdStartsWithAnApprovedPrefix() {
        assertStatus(Status.PASS, rule, pool(GALLERY), approvedImages(
                "/SUBSCRIPTIONS/12345678-1234-1234-1234-123456789012/resourceGroups/networking-group/providers"
                        + "/Microsoft.Compute/galleries/testgallery/"));
    }

    @Test
    void failsWhenTheImageIsNotApproved() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(SECURITY_PROFILE),
                approvedImages("Canonical:UbuntuServer:22_04-lts-gen2", "Canonical:*"));
        assertEquals(VM_PATH + ".imageReference \"Canonical:UbuntuServer:18_04-lts-gen2\" is not among the approved pool"
                + " images (BG_APPROVED_POOL_IMAGES)", evaluation.reason());
    }

    @Test
    void failsWhenAGalleryImageIsFromAnotherGallery() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(GALLERY), approvedImages(
                "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/networking-group/providers"
                        + "/Microsoft.Compute/galleries/hardened/", "*:*:*"));
        assertEquals(VM_PATH + ".imageReference id \"" + GALLERY_IMAGE + "\" is not among the approved pool images"
                + " (BG_APPROVED_POOL_IMAGES)", evaluation.reason());
    }

    @Test
    void sharedAndCommunityGalleryImageIdsAreMatchedByPrefixToo() {
        // Member names from the 2025-06-01 ImageReference; the values follow the Compute gallery id forms.
        var shared = Fixtures.with(pool(SECURITY_PROFILE), VM_PATH + ".imageReference",
                Fixtures.parse("{\"sharedGalleryImageId\":\"/SharedGalleries/contoso-1234/Images/ubuntu/Versions/1.0.0\"}"));
        var evaluation = assertStatus(Status.PASS, rule, shared, approvedImages("/sharedgalleries/contoso-1234/"));
        assertEquals(VM_PATH + ".imageReference sharedGalleryImageId \"/SharedGalleries/contoso-1234/Images/ubuntu"
                + "/Versions/1.0.0\" matches approved image \"/sharedgalleries/contoso-1234/\"", evaluation.reason());
        assertStatus(Status.FAIL, rule, shared, approvedImages("/SharedGalleries/other/", "*:*:*"));

        var community = Fixtures.with(pool(SECURITY_PROFILE), VM_PATH + ".imageReference",
                Fixtures.parse("{\"communityGalleryImageId\":\"/CommunityGalleries/public-5678/Images/alma/Versions/latest\"}"));
        evaluation = assertStatus(Status.FAIL, rule, community, approvedImages("/SharedGalleries/contoso-1234/"));
        assertEquals(VM_PATH + ".imageReference communityGalleryImageId \"/CommunityGalleries/public-5678/Images/alma"
                + "/Versions/latest\" is not among the approved pool images (BG_APPROVED_POOL_IMAGES)", evaluation.reason());
        assertStatus(Status.PASS, rule, community, approvedImages("/CommunityGalleries/public-5678/Images/alma/"));
    }

    @Test
    void isNotApplicableToARetiredCloudServicesPool() {
        assertStatus(Status.NOT_APPLICABLE, rule, pool(CLOUD_SERVICE), approvedImages("*:*:*"));
    }
}
