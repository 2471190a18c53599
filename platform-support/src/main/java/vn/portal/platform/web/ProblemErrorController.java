package vn.portal.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: what is refused before a controller runs and answered with
 * {@code sendError} (Spring Security's firewall: an encoded slash or dot segment, a method it does
 * not know; Tomcat's TRACE refusal) is an RFC 9457 problem with a stable type, like every other
 * refusal, instead of Boot's plain JSON map. A 501 (a method no server here implements) is
 * answered 405: the method is not allowed on any target. Replaces Boot's {@code BasicErrorController}.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Map<Integer, String> TYPES = Map.of(400, "bad-request", 401, "unauthenticated",
            403, "forbidden", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable",
            413, "content-too-large", 415, "unsupported-media-type", 503, "service-unavailable");

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == HttpStatus.NOT_IMPLEMENTED) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "The request is malformed or not allowed (its path, method or headers)";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case NOT_FOUND -> "There is nothing at this address";
            default -> status.is5xxServerError() ? "Something went wrong on our side; the request id identifies it in our logs"
                    : status.getReasonPhrase();
        };
        String type = status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal-error"
                : TYPES.getOrDefault(status.value(), "http-" + status.value());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.detail(status, type, detail));
    }
}
