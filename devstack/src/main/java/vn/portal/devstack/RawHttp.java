package vn.portal.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 as a hostile client writes it: the request target goes out byte for byte, so malformed
 * percent-encoding ({@code %zz}) and invalid UTF-8 ({@code %ff}) reach the server, which
 * {@link java.net.http.HttpClient} (it insists on a valid {@link java.net.URI}) never sends.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status and the body (headers dropped) of {@code method target}, the connection closed after it. */
    public static Answer send(int port, String method, String target, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            String head = bodyStart < 0 ? response : response.substring(0, bodyStart);
            String body = bodyStart < 0 ? "" : response.substring(bodyStart + 4);
            return new Answer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param head the status line and headers
     * @param body as sent (chunked transfer coding not undone)
     */
    public record Answer(int status, String head, String body) {

        public boolean isProblem() {
            return head.toLowerCase().contains("content-type: application/problem+json");
        }
    }
}
