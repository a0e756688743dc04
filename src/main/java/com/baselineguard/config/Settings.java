package com.baselineguard.config;

import com.baselineguard.engine.Policy;
import com.baselineguard.engine.RemediationSettings;
import java.util.Optional;

/**
 * Everything read from the environment, validated.
 *
 * @param outcomeTopicEndpoint the Event Grid topic outcome records are published to, when configured
 */
public record Settings(Policy policy, RemediationSettings remediation, Optional<String> outcomeTopicEndpoint) {

    public Settings(Policy policy, RemediationSettings remediation) {
        this(policy, remediation, Optional.empty());
    }
}
