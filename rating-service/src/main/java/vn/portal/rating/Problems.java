package vn.portal.rating;

import static vn.portal.platform.web.Problems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The problems more than one rating feature answers. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException articleNotFound(String articleId) {
        return problem(HttpStatus.NOT_FOUND, "article-not-found", "No published article " + articleId + " can be rated");
    }
}
