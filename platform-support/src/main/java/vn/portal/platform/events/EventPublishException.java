package vn.portal.platform.events;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka did not acknowledge an event in time. The caller's write was not accepted; answered as
 * 503 problem details so that the client knows to retry.
 */
public class EventPublishException extends ErrorResponseException {

    public EventPublishException(String topic, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(topic), cause);
    }

    private static ProblemDetail problem(String topic) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event log did not accept the write; nothing was stored. Try again shortly.");
        problem.setType(URI.create("https://portal.vn/problems/event-log-unavailable"));
        problem.setTitle("Event log unavailable");
        problem.setProperty("topic", topic);
        return problem;
    }
}
