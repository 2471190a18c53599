package vn.portal.devstack.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request written byte for byte on a socket, so that it can carry what a well-behaved
 * client refuses to send (invalid percent-encoding and UTF-8 in the target, CR LF inside a header
 * value, any method, a body of any bytes). Hand-written for that reason: java.net.http validates
 * all of these away.
 *
 * @param name what the request tries, for the figures and failure messages
 */
public record RawRequest(String name, String method, String target, List<String> headers, byte[] body) {

    public RawRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public RawRequest withHeaders(List<String> more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(more);
        return new RawRequest(name, method, target, all, body);
    }

    public String describe() {
        String shown = target.length() > 120 ? target.substring(0, 120) + "..." : target;
        return name + ": " + method + " " + shown;
    }

    /** Sends it and reads the whole answer (the connection is closed after it). */
    public Answer send(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            boolean length = false;
            for (String header : headers) {
                head.append(header).append("\r\n");
                String lower = header.toLowerCase(Locale.ROOT);
                length |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
            }
            if (!length && (body.length > 0 || !method.equals("GET") && !method.equals("HEAD"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            // the head as bytes 1:1 (ISO-8859-1), so a target can carry any byte
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // a server may answer (413) and close before reading a big body: read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (SocketTimeoutException | java.net.SocketException cut) {
                // what arrived before the server reset the connection
            }
            return Answer.parse(all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(describe(), e);
        }
    }

    /** A request with a UTF-8 text body. */
    public static RawRequest of(String name, String method, String target, List<String> headers, String body) {
        return new RawRequest(name, method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param status 0 when the server closed the connection without an answer
     * @param head   the status line and headers
     * @param body   as sent (a chunked body not undone)
     */
    public record Answer(int status, String head, String body) {

        static Answer parse(String response) {
            if (response.length() < 12 || !response.startsWith("HTTP/1.")) {
                return new Answer(0, response, "");
            }
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? response : response.substring(0, bodyStart),
                    bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }

        public boolean isProblem() {
            return head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json");
        }

        public boolean hasBody() {
            return !body.isEmpty();
        }
    }
}
