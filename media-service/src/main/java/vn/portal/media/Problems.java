package vn.portal.media;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem details with a stable {@code type} per error, for every feature's API. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://portal.vn/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
