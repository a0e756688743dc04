package com.baselineguard.event;

/** The envelope an event arrived in; an event subscription delivers one or the other. */
public enum EventSchema {
    /** {@code id, topic, subject, eventType, eventTime, data, dataVersion, metadataVersion}. */
    EVENT_GRID,
    /** CloudEvents 1.0 JSON: {@code specversion, id, source, subject, type, time, data}. */
    CLOUD_EVENTS
}
