package com.baselineguard.eventgrid;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.baselineguard.engine.port.OutcomeEvent;
import com.baselineguard.engine.port.OutcomeSink;
import com.baselineguard.identity.AzureHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Publishes outcome records as CloudEvents to an Event Grid custom topic with the managed identity
 * (Microsoft Entra authentication; the topic's access keys are never used, so the identity needs the
 * "EventGrid Data Sender" role on the topic). Failures come back as one warning line naming the topic
 * host and the HTTP status or exception type: never a token, never the response body.
 */
public final class EventGridOutcomeSink implements OutcomeSink {

    /** The longest the one retry of a publish waits. */
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(1);

    private final EventGridPublisherClient<CloudEvent> client;
    private final String host;

    EventGridOutcomeSink(EventGridPublisherClient<CloudEvent> client, String host) {
        this.client = client;
        this.host = host;
    }

    /**
     * @param endpoint the topic endpoint, e.g. {@code https://<topic>.<region>-1.eventgrid.azure.net/api/events}
     */
    public static EventGridOutcomeSink create(String endpoint, TokenCredential credential) {
        EventGridPublisherClient<CloudEvent> client = new EventGridPublisherClientBuilder()
                .endpoint(endpoint)
                .credential(credential)
                // One quick retry: publishing must not hold the invocation (Event Grid gives it 30 s), nor the
                // command line past its --max-wait: an answer asking to wait longer than the backoff is not retried.
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(1)
                        .setBaseDelay(Duration.ofMillis(200)).setMaxDelay(MAX_RETRY_WAIT))
                        .setShouldRetryCondition(AzureHttp.retryUnlessWaitExceeds(MAX_RETRY_WAIT)))
                .buildCloudEventPublisherClient();
        return new EventGridOutcomeSink(client, URI.create(endpoint).getHost());
    }

    @Override
    public Optional<String> publish(OutcomeEvent event) {
        try {
            CloudEvent cloudEvent = new CloudEvent(event.source(), event.type(),
                    BinaryData.fromString(event.data().toString()), CloudEventDataFormat.JSON, "application/json")
                    .setId(event.id());
            event.subject().ifPresent(cloudEvent::setSubject);
            client.sendEvent(cloudEvent);
            return Optional.empty();
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            return Optional.of(warning(event, "HTTP " + status));
        } catch (RuntimeException e) {
            return Optional.of(warning(event, e.getClass().getSimpleName()));
        }
    }

    private String warning(OutcomeEvent event, String why) {
        return "BaselineGuardOutcomeNotPublished outcomeId=" + event.id() + " topic=" + host + " error=" + why
                + " (the outcome record above is the record of truth)";
    }
}
