package com.baselineguard.event;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;

/** The published event payloads under {@code fixtures/Microsoft.EventGrid/events} (see SOURCES.md). */
final class EventFixtures {

    static final String EG_WRITE = "event-grid-schema_resource_write_success.json";
    static final String CE_WRITE = "cloud-events-schema_resource_write_success.json";
    static final String EG_DELETE = "event-grid-schema_resource_delete_success.json";
    static final String CE_DELETE = "cloud-events-schema_resource_delete_success.json";
    static final String EG_ACTION = "event-grid-schema_resource_action_success.json";
    static final String CE_ACTION = "cloud-events-schema_resource_action_success.json";
    static final String SDK_WRITE_SUBSCRIPTION_TOPIC = "sdk-java_resource_write_success_subscription_topic.json";
    static final String SDK_BATCH = "sdk-java_multiple_events_in_same_batch.json";
    static final String VALIDATION = "docs_subscription_validation_event.json";

    static final List<String> ALL = List.of(EG_WRITE, CE_WRITE, EG_DELETE, CE_DELETE, EG_ACTION, CE_ACTION,
            SDK_WRITE_SUBSCRIPTION_TOPIC, SDK_BATCH, VALIDATION);

    private EventFixtures() {
    }

    static String text(String name) {
        return Fixtures.text("Microsoft.EventGrid/events/" + name);
    }

    static JsonObject object(String name) {
        return JsonParser.parseString(text(name)).getAsJsonObject();
    }

    /**
     * The published Event Grid write event with its subject and {@code data.resourceUri} replaced
     * (a variant of a real shape); a null value removes the field.
     */
    static String writeEventAbout(String subject, String resourceUri) {
        JsonObject event = object(EG_WRITE);
        if (subject == null) {
            event.remove("subject");
        } else {
            event.addProperty("subject", subject);
        }
        JsonObject data = event.getAsJsonObject("data");
        if (resourceUri == null) {
            data.remove("resourceUri");
        } else {
            data.addProperty("resourceUri", resourceUri);
        }
        return event.toString();
    }

    /** The published CloudEvents write event with subject replaced and no resourceUri. */
    static String cloudWriteEventAbout(String subject) {
        JsonObject event = object(CE_WRITE);
        event.addProperty("subject", subject);
        event.getAsJsonObject("data").remove("resourceUri");
        return event.toString();
    }
}
