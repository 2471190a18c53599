package vn.portal.article.editorial;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import vn.portal.platform.web.Problems;

/** RFC 9457 problems of the editorial API, each with a stable type. */
final class EditorialProblems {

    private EditorialProblems() {
    }

    static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        return Problems.problem(status, type, detail);
    }

    static ErrorResponseException draftNotFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "draft-not-found", "No draft " + id);
    }

    static ErrorResponseException conflict(String type, String detail) {
        return problem(HttpStatus.CONFLICT, type, detail);
    }
}
