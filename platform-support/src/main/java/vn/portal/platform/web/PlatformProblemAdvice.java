package vn.portal.platform.web;

import java.net.URI;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.portal.platform.events.InvalidEventException;

/**
 * Every error a service answers is problem details with a stable {@code type}: Spring MVC's own
 * (malformed JSON, a missing parameter, 405, 415...) get one by status, an event the API would
 * produce that fails its contract is 400 {@code invalid-event}, and anything unexpected is 500
 * {@code internal-error} without internals.
 */
@RestControllerAdvice
public class PlatformProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemAdvice.class);
    private static final URI BLANK = URI.create("about:blank");
    private static final Map<Integer, String> TYPES = Map.of(
            400, "bad-request", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable",
            413, "content-too-large", 415, "unsupported-media-type", 503, "service-unavailable");

    @ExceptionHandler(InvalidEventException.class)
    ResponseEntity<ProblemDetail> invalidEvent(InvalidEventException e) {
        return ResponseEntity.badRequest().body(Problems.detail(HttpStatus.BAD_REQUEST, "invalid-event", e.getMessage()));
    }

    /**
     * Tomcat parses the query string when a parameter is first read; malformed percent-encoding
     * ({@code %zz}) or invalid UTF-8 ({@code %ff}) then throws: the client's mistake, not ours.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedParameters(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(Problems.detail(HttpStatus.BAD_REQUEST, "malformed-query",
                "The query string is not valid percent-encoded UTF-8"));
    }

    /**
     * A multipart body that cannot be parsed (no closing boundary, sent to an endpoint that takes
     * JSON): the client's mistake. A too-large upload is the framework's 413, handled on its own.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(Problems.detail(HttpStatus.BAD_REQUEST, "malformed-multipart",
                "The multipart body cannot be read"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Something went wrong on our side; the request id identifies it in our logs"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || BLANK.equals(problem.getType()))) {
            problem.setType(URI.create(Problems.TYPE_BASE + TYPES.getOrDefault(status.value(), "http-" + status.value())));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
