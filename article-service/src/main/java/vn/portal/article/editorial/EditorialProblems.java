package vn.portal.article.editorial;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.portal.platform.web.Problems;

/** The editorial API's problems that more than one place answers, each with a stable type. */
final class EditorialProblems {

    static final String ARTICLE_REJECTED = "article-rejected";

    private EditorialProblems() {
    }

    static ErrorResponseException draftNotFound(String id) {
        return Problems.problem(HttpStatus.NOT_FOUND, "draft-not-found", "No draft " + id);
    }

    static ErrorResponseException conflict(String type, String detail) {
        return Problems.problem(HttpStatus.CONFLICT, type, detail);
    }

    /**
     * 400 {@code article-rejected}: the event this would produce is one the ingest would
     * dead-letter, so nothing was produced. {@code reasons} lists what is wrong.
     */
    static ErrorResponseException rejected(List<String> reasons) {
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, ARTICLE_REJECTED,
                "This cannot be published as it is: " + String.join("; ", reasons));
        problem.setTitle("Article rejected");
        problem.setProperty("reasons", List.copyOf(reasons));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
