package vn.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** Which failures wait for the infrastructure and which ones go to the dead letter topic. */
class ErrorHandlingTest {

    @Test
    void treatsAnUnreachableDatabaseOrEventLogAsAnOutageToWaitFor() {
        assertThat(EventsConfiguration.isOutage(new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("timed out", new MongoSocketOpenException("refused",
                        new ServerAddress()))))).isTrue();
        assertThat(EventsConfiguration.isOutage(new ListenerExecutionFailedException("listener failed",
                new EventPublishException("ArticleRatingSummary", new RuntimeException("no ack"))))).isTrue();
    }

    @Test
    void doesNotTreatAnInvalidEventOrABugAsAnOutage() {
        assertThat(EventsConfiguration.isOutage(new ListenerExecutionFailedException("listener failed",
                new InvalidEventException("not JSON")))).isFalse();
        assertThat(EventsConfiguration.isOutage(new ListenerExecutionFailedException("listener failed",
                new NullPointerException()))).isFalse();
    }
}
