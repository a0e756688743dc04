package com.baselineguard.config;

import com.baselineguard.engine.Policy;
import com.baselineguard.engine.RemediationSettings;

/** Everything read from the environment, validated. */
public record Settings(Policy policy, RemediationSettings remediation) {
}
