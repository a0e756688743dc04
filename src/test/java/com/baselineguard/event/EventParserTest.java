package com.baselineguard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The published payloads, in both schemas, parse into what the engine needs. */
class EventParserTest {

    private static final String STORAGE =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/resource-group/providers/Microsoft.Storage/storageAccounts/storagename";

    @Test
    void eventGridWriteSuccess() {
        ResourceChange change = single(EventFixtures.EG_WRITE);
        assertEquals(EventSchema.EVENT_GRID, change.schema());
        assertEquals("4db48cba-50a2-455a-93b4-de41a3b5b7f6", change.eventId());
        assertEquals("Microsoft.Resources.ResourceWriteSuccess", change.eventType());
        assertTrue(change.isWriteSuccess());
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resource-group", change.topic());
        assertEquals(STORAGE, change.subject());
        assertEquals("2018-07-19T18:38:04.6117357Z", change.eventTime());
        assertEquals(Optional.of(Instant.parse("2018-07-19T18:38:04.6117357Z")), change.eventInstant());
        assertEquals("Microsoft.Storage/storageAccounts/write", change.operationName());
        assertEquals("Succeeded", change.status());
        assertEquals(STORAGE, change.resourceUri());
        assertEquals("{ID}", change.correlationId());
        assertEquals("00000000-0000-0000-0000-000000000000", change.subscriptionId());
        assertEquals("{tenant-id}", change.tenantId());
        assertEquals(new Caller("{ID}", "", "{ID}"), change.caller());
        assertEquals(Optional.empty(), change.target());
        assertEquals(Optional.of("type Microsoft.Storage/storageAccounts is not evaluated"), change.skipReason());
        assertFalse(change.isActionable());
        assertEquals(change.skipReason(), change.ignoredBecause());
    }

    @Test
    void cloudEventsWriteSuccessCarriesTheSameChange() {
        ResourceChange cloud = single(EventFixtures.CE_WRITE);
        ResourceChange grid = single(EventFixtures.EG_WRITE);
        assertEquals(EventSchema.CLOUD_EVENTS, cloud.schema());
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resource-group", cloud.topic());
        assertTrue(cloud.isWriteSuccess());
        assertEquals(grid.eventId(), cloud.eventId());
        assertEquals(grid.subject(), cloud.subject());
        assertEquals(grid.eventInstant(), cloud.eventInstant());
        assertEquals(grid.operationName(), cloud.operationName());
        assertEquals(grid.resourceUri(), cloud.resourceUri());
        assertEquals(grid.caller(), cloud.caller());
        assertEquals(grid.resolution(), cloud.resolution());
    }

    @Test
    void deleteSuccessParsesButIsNotActedOn() {
        ResourceChange change = single(EventFixtures.EG_DELETE);
        assertEquals(EventKind.OTHER_RESOURCE_EVENT, change.kind());
        assertFalse(change.isWriteSuccess());
        assertEquals("Microsoft.Storage/storageAccounts/delete", change.operationName());
        assertEquals(Optional.of("event type Microsoft.Resources.ResourceDeleteSuccess is not a successful resource write"),
                change.ignoredBecause());
        assertEquals(Optional.of(Instant.parse("2018-07-19T19:24:12.763881Z")), change.eventInstant());
    }

    /** The published CloudEvents delete example spells the attribute "specVersion"; Event Grid sends "specversion". */
    @Test
    void publishedCloudEventsDeleteExampleIsRefusedForItsSpecVersionSpelling() {
        EventParseException e = assertThrows(EventParseException.class,
                () -> EventParser.parse(EventFixtures.text(EventFixtures.CE_DELETE)));
        assertEquals("event: CloudEvents attribute 'specVersion' must be spelled 'specversion' (attribute names are lower case)",
                e.getMessage());
    }

    @Test
    void publishedCloudEventsDeleteExampleParsesOnceTheAttributeIsSpelledAsSent() {
        JsonObject event = EventFixtures.object(EventFixtures.CE_DELETE);
        event.add("specversion", event.remove("specVersion"));
        ResourceChange change = EventParser.parse(event.toString()).get(0);
        assertEquals(EventSchema.CLOUD_EVENTS, change.schema());
        assertEquals("Microsoft.Resources.ResourceDeleteSuccess", change.eventType());
        assertEquals(Optional.of(Instant.parse("2018-07-19T19:24:12.7638810Z")), change.eventInstant());
    }

    @ParameterizedTest
    @FieldSource("ACTIONS")
    void actionSuccessInBothSchemas(String fixture) {
        ResourceChange change = single(fixture);
        assertEquals("{ID}", change.eventId());
        assertEquals(EventKind.OTHER_RESOURCE_EVENT, change.kind());
        assertEquals("Microsoft.EventHub/namespaces/AuthorizationRules/listKeys/action", change.operationName());
        assertEquals(Optional.of("type Microsoft.EventHub/namespaces/AuthorizationRules is not evaluated"), change.skipReason());
        assertEquals(Optional.of("event type Microsoft.Resources.ResourceActionSuccess is not a successful resource write"),
                change.ignoredBecause());
    }

    static final List<String> ACTIONS = List.of(EventFixtures.EG_ACTION, EventFixtures.CE_ACTION);

    @Test
    void sdkWriteEventFromASubscriptionTopic() {
        List<ResourceChange> changes = EventParser.parse(EventFixtures.text(EventFixtures.SDK_WRITE_SUBSCRIPTION_TOPIC));
        assertEquals(1, changes.size());
        ResourceChange change = changes.get(0);
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000", change.topic());
        assertTrue(change.isWriteSuccess());
        assertEquals("54ef1e39-6a82-44b3-abc1-bdeb6ce4d3c6", change.correlationId());
        assertEquals("72f988bf-86f1-41af-91ab-2d7cd011db47", change.tenantId());
        assertEquals(Caller.UNKNOWN, change.caller());
        assertFalse(change.causedBy("claimValue1"));
        assertEquals(Optional.of("type Microsoft.EventGrid/eventSubscriptions is not evaluated"), change.skipReason());
    }

    @Test
    void batchOfOtherEventsParsesEveryElement() {
        List<ResourceChange> changes = EventParser.parse(EventFixtures.text(EventFixtures.SDK_BATCH));
        assertEquals(4, changes.size());
        assertEquals(List.of("Microsoft.Storage.BlobCreated", "Microsoft.Storage.BlobDeleted", "Microsoft.Storage.BlobDeleted",
                "Microsoft.ServiceBus.DeadletterMessagesAvailableWithNoListeners"),
                changes.stream().map(ResourceChange::eventType).toList());
        for (ResourceChange change : changes) {
            assertEquals(EventKind.OTHER, change.kind());
            assertEquals(Optional.of("event type " + change.eventType() + " is not a resource change event"),
                    change.ignoredBecause());
            assertTrue(change.skipReason().orElseThrow().startsWith("subject is not a resource id: "),
                    change.skipReason().orElseThrow());
            assertEquals("", change.resourceUri());
        }
    }

    @Test
    void subscriptionValidationIsRecognised() {
        ResourceChange change = single(EventFixtures.VALIDATION);
        assertTrue(change.isSubscriptionValidation());
        assertEquals("", change.subject());
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000", change.topic());
        assertEquals(Optional.of("subscription validation handshake; the Functions host answers it"), change.ignoredBecause());
        assertEquals(Optional.of("the event names no resource (no data.resourceUri, no subject)"), change.skipReason());
    }

    @Test
    void eventGridBatchOfMixedSchemasKeepsOrder() {
        JsonArray batch = new JsonArray();
        for (String fixture : List.of(EventFixtures.EG_WRITE, EventFixtures.CE_ACTION, EventFixtures.EG_DELETE)) {
            batch.add(EventFixtures.object(fixture));
        }
        List<ResourceChange> changes = EventParser.parse(batch.toString());
        assertEquals(List.of(EventSchema.EVENT_GRID, EventSchema.CLOUD_EVENTS, EventSchema.EVENT_GRID),
                changes.stream().map(ResourceChange::schema).toList());
        assertEquals(List.of(EventKind.WRITE_SUCCESS, EventKind.OTHER_RESOURCE_EVENT, EventKind.OTHER_RESOURCE_EVENT),
                changes.stream().map(ResourceChange::kind).toList());
    }

    @Test
    void aSingleEventMayArriveWrappedInAnArray() {
        JsonArray batch = new JsonArray();
        batch.add(EventFixtures.object(EventFixtures.CE_WRITE));
        assertEquals(EventParser.parse(EventFixtures.text(EventFixtures.CE_WRITE)), EventParser.parse(batch.toString()));
    }

    @Test
    void eventTypeIsComparedIgnoringCase() {
        JsonObject event = EventFixtures.object(EventFixtures.EG_WRITE);
        event.addProperty("eventType", "microsoft.resources.resourcewritesuccess");
        assertTrue(EventParser.parse(event.toString()).get(0).isWriteSuccess());
        event.addProperty("eventType", "Microsoft.Resources.ResourceWriteFailure");
        assertFalse(EventParser.parse(event.toString()).get(0).isWriteSuccess());
    }

    /**
     * A diagnostic-setting write as the activity log spells it (lower-case provider namespace, the
     * setting under the cache's own provider path), in any casing Event Grid's case-insensitive filter
     * lets through: the operation is kept as sent and the target is the cache.
     */
    @ParameterizedTest
    @FieldSource("DIAGNOSTIC_SETTING_SPELLINGS")
    void aDiagnosticSettingWriteInAnyCasingIsHandledAndTargetsItsResource(String operationName) {
        String cache = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Cache/Redis/c1";
        String setting = cache + "/providers/microsoft.insights/diagnosticSettings/baseline-guard";
        JsonObject event = EventFixtures.object(EventFixtures.EG_WRITE);
        event.addProperty("subject", setting);
        event.getAsJsonObject("data").addProperty("resourceUri", setting);
        event.getAsJsonObject("data").addProperty("operationName", operationName);
        for (String body : List.of(event.toString(), cloudEventOf(event))) {
            ResourceChange change = EventParser.parse(body).get(0);
            assertEquals(operationName, change.operationName(), "kept as sent");
            assertEquals(cache, change.target().orElseThrow().toString());
            assertTrue(change.isActionable(), change.ignoredBecause().toString());
        }
    }

    static final List<String> DIAGNOSTIC_SETTING_SPELLINGS = List.of(
            "microsoft.insights/diagnosticSettings/write",
            "Microsoft.Insights/diagnosticSettings/write",
            "MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/WRITE");

    /** The same event in the CloudEvents 1.0 envelope Event Grid delivers for a system topic. */
    private static String cloudEventOf(JsonObject eventGrid) {
        JsonObject cloud = EventFixtures.object(EventFixtures.CE_WRITE);
        cloud.addProperty("subject", eventGrid.get("subject").getAsString());
        cloud.add("data", eventGrid.getAsJsonObject("data").deepCopy());
        return cloud.toString();
    }

    @Test
    void anUnparseableTimeIsKeptAsGiven() {
        JsonObject event = EventFixtures.object(EventFixtures.EG_WRITE);
        event.addProperty("eventTime", "yesterday");
        ResourceChange change = EventParser.parse(event.toString()).get(0);
        assertEquals("yesterday", change.eventTime());
        assertEquals(Optional.empty(), change.eventInstant());
        event.addProperty("eventTime", "2024-03-01T10:00:00+02:00");
        assertEquals(Optional.of(Instant.parse("2024-03-01T08:00:00Z")), EventParser.parse(event.toString()).get(0).eventInstant());
    }

    private static ResourceChange single(String fixture) {
        List<ResourceChange> changes = EventParser.parse(EventFixtures.text(fixture));
        assertEquals(1, changes.size());
        return changes.get(0);
    }
}
