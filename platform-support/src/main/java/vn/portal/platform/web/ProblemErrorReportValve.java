package vn.portal.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.json.JSONFilter;

/**
 * What Tomcat answers itself, before any servlet runs (a request target that is not valid
 * percent-encoded UTF-8, an invalid URI, a header too large): an RFC 9457 problem with a stable
 * {@code type} instead of Tomcat's HTML page. Never a stack trace nor the server's version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Map<Integer, String> TYPES = Map.of(400, "bad-request", 404, "not-found",
            405, "method-not-allowed", 408, "request-timeout", 413, "content-too-large", 414, "uri-too-long",
            431, "request-header-fields-too-large", 500, "internal-error", 503, "service-unavailable");

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return; // not an error, or the application answered it already
        }
        if (status == 501) {
            // Tomcat's answer to CONNECT (or another method it implements for no target): for a
            // client the method is simply not allowed here, a 4xx like every other refusal
            response.setStatus(405);
            status = 405;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        String detail = status == 400
                ? "The request is malformed: its target must be valid percent-encoded UTF-8"
                : status >= 500 ? "Something went wrong on our side" : "The request cannot be answered";
        String body = "{\"type\":\"" + Problems.TYPE_BASE + TYPES.getOrDefault(status, "http-" + status)
                + "\",\"title\":\"" + JSONFilter.escape(title(status)) + "\",\"status\":" + status
                + ",\"detail\":\"" + JSONFilter.escape(detail) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot be written: nothing more to do
        }
    }

    private static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
