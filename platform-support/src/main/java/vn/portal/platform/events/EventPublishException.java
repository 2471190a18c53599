package vn.portal.platform.events;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.portal.platform.web.Problems;

/**
 * Kafka did not acknowledge an event in time. The write was not accepted; answered as 503 problem
 * details so that the client knows to retry (a retry is safe: consumers are idempotent).
 */
public class EventPublishException extends ErrorResponseException {

    public EventPublishException(String topic, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(topic), cause);
    }

    private static ProblemDetail problem(String topic) {
        ProblemDetail problem = Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "event-log-unavailable",
                "The event log did not acknowledge the write in time, so it was not accepted. Try again shortly.");
        problem.setTitle("Event log unavailable");
        problem.setProperty("topic", topic);
        return problem;
    }
}
