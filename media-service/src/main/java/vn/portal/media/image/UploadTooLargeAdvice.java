package vn.portal.media.image;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.portal.platform.web.Problems;

/**
 * The container streams a multipart upload to a temporary file and stops reading it at
 * {@code spring.servlet.multipart.max-file-size}: the file is never held whole in memory, and a
 * larger one is answered 413 with problem details of a stable type. Ahead of the framework's own
 * problem details handler, which would answer it with {@code about:blank}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final DataSize maxFileSize;
    private final MeterRegistry meters;

    UploadTooLargeAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
                         MeterRegistry meters) {
        this.maxFileSize = maxFileSize;
        this.meters = meters;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        meters.counter("media.uploads", "outcome", "file-too-large").increment();
        ProblemDetail problem = Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
                "The file is larger than the " + maxFileSize.toMegabytes() + " MB an upload may have");
        problem.setProperty("maxBytes", maxFileSize.toBytes());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
