package vn.portal.article.editorial;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems of the editorial API, each with a stable type. */
final class EditorialProblems {

    private EditorialProblems() {
    }

    static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://portal.vn/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }

    static ErrorResponseException draftNotFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "draft-not-found", "No draft " + id);
    }

    static ErrorResponseException conflict(String type, String detail) {
        return problem(HttpStatus.CONFLICT, type, detail);
    }
}
