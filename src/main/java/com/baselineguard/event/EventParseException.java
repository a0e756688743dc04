package com.baselineguard.event;

/**
 * The body handed to {@link EventParser} is not an Event Grid or CloudEvents 1.0 delivery this
 * parser accepts. The message is one line and names what is wrong.
 */
public final class EventParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public EventParseException(String message) {
        super(message);
    }

    public EventParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
