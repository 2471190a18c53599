package vn.portal.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details with a stable {@code type} per error ({@value #TYPE_BASE}&lt;slug&gt;),
 * answered by Spring MVC as {@code application/problem+json}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://portal.vn/problems/";

    private Problems() {
    }

    public static ProblemDetail detail(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        return problem;
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        return new ErrorResponseException(status, detail(status, type, detail), null);
    }
}
