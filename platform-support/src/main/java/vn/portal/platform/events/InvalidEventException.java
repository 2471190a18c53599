package vn.portal.platform.events;

/**
 * A record that no retry can make valid: not JSON, not its schema, the wrong type, unsafe content.
 * The error handler sends it to the dead letter topic at once, with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
