package vn.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.devstack.hostile.Caller;
import vn.portal.devstack.hostile.Stored;

/**
 * R7: hostile uploads at media-service with its real limits (20 MB a file, 50 megapixels): a pixel
 * bomb, a metadata bomb (3 x 1 GB of compressed PNG text), a JPEG/HTML polyglot, an SVG with a
 * script, truncated files, an empty one and 100 MB streamed. Each is a 4xx problem within seconds,
 * the heap stays bounded (sampled while they run) and nothing is stored. The single checks of each
 * kind live in {@link MediaFlowContract} with a 2 MB limit; this runs them together at full size,
 * as an editor (the one who may upload).
 */
@EmbeddedPlatform
@WithDevIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileUploadsTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    record Upload(String name, byte[] content, long streamedBytes, String filename, String type, int status, String problem) {
    }

    @Test
    void refusesEveryHostileUploadFastWithBoundedHeapAndStoresNothing() throws Exception {
        byte[] jpeg = TestImages.random("jpg", 64, 48);
        List<Upload> uploads = List.of(
                new Upload("pixel bomb (400 megapixels)", TestImages.bombPng(20_000, 20_000), 0, "bomb.png", "image/png", 413, "too-many-pixels"),
                new Upload("metadata bomb (3 GB inflated)", TestImages.metadataBombPng(1024, 1, "x", "y"), 0, "meta.png", "image/png", 413, "metadata-too-large"),
                new Upload("jpeg/html polyglot", TestImages.concat(jpeg, ascii("<html><script>alert(document.cookie)</script></html>")),
                        0, "photo.jpg", "image/jpeg", 415, "polyglot-image"),
                new Upload("svg with a script", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                        0, "logo.svg", "image/svg+xml", 415, "unsupported-image-type"),
                new Upload("svg claimed as png", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
                        0, "logo.png", "image/png", 415, "unsupported-image-type"),
                new Upload("truncated jpeg", Arrays.copyOf(jpeg, jpeg.length / 2), 0, "cut.jpg", "image/jpeg", 400, "unreadable-image"),
                new Upload("truncated png", Arrays.copyOf(TestImages.random("png", 64, 48), 20), 0, "cut.png", "image/png", 400, "unreadable-image"),
                new Upload("empty", new byte[0], 0, "empty.png", "image/png", 400, "empty-file"),
                new Upload("100 MB streamed", null, HUNDRED_MB, "huge.jpg", "image/jpeg", 413, "file-too-large"));
        Stored before = Stored.snapshot(mongo, environment.getProperty("spring.kafka.bootstrap-servers"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        List<String> lines = new ArrayList<>();
        Map<String, String> breaches = new LinkedHashMap<>();
        int rejected = 0;
        long slowest = 0;
        for (Upload upload : uploads) {
            long started = System.nanoTime();
            Answer answer = send(upload);
            long millis = (System.nanoTime() - started) / 1_000_000;
            slowest = Math.max(slowest, millis);
            lines.add(String.format("  %-32s %d %s in %d ms", upload.name(), answer.status, answer.problemType(), millis));
            if (answer.status >= 400 && answer.status < 500 && answer.isProblem()) {
                rejected++;
            }
            if (answer.status != upload.status() || !answer.problemType().endsWith("/" + upload.problem())) {
                breaches.put(upload.name(), answer.status + " " + answer.body);
            }
            if (millis > 5_000) {
                breaches.put(upload.name() + " (time)", millis + " ms");
            }
        }
        sampling.set(false);
        sampler.join();
        Stored after = Stored.snapshot(mongo, environment.getProperty("spring.kafka.bootstrap-servers"));
        Map<String, Long> grown = before.grownIn(after);
        long heapMb = (peak.get() - baseline) / (1024 * 1024);
        System.out.println(String.format("[R7] media-service: sent %d hostile uploads (%d MB in all), rejected 4xx %d, 5xx %d, "
                        + "stored %s, slowest %d ms, heap peak +%d MB over %d MB%n%s",
                uploads.size(), (HUNDRED_MB + uploads.stream().mapToLong(u -> u.content() == null ? 0 : u.content().length).sum()) / (1024 * 1024),
                rejected, breaches.values().stream().filter(b -> b.startsWith("5")).count(), grown, slowest, heapMb,
                baseline / (1024 * 1024), String.join("\n", lines)));

        assertThat(breaches).isEmpty();
        assertThat(heapMb).as("heap growth while 100 MB and 3 GB of bombs arrive").isLessThan(96);
        assertThat(grown).as("stored").isEmpty();
        assertThat(rejected).isEqualTo(uploads.size());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    record Answer(int status, String head, String body) {

        boolean isProblem() {
            return head.toLowerCase().contains("content-type: application/problem+json");
        }

        String problemType() {
            int at = body.indexOf("\"type\":\"");
            return at < 0 ? "" : body.substring(at + 8, body.indexOf('"', at + 8));
        }
    }

    /**
     * A multipart upload as an editor on a raw socket, the file's bytes streamed (100 MB never in
     * memory). The server may answer 413 and close before the body is through: the answer is read then.
     */
    private Answer send(Upload upload) throws IOException {
        String boundary = "----r7" + UUID.randomUUID().toString().replace("-", "");
        byte[] partHead = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + upload.filename()
                + "\"\r\nContent-Type: " + upload.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long fileBytes = upload.content() != null ? upload.content().length : upload.streamedBytes();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/media HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + Caller.EDITOR.token() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + (partHead.length + fileBytes + tail.length) + "\r\n\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(partHead);
                if (upload.content() != null) {
                    out.write(upload.content());
                } else {
                    byte[] chunk = new byte[64 * 1024];
                    new java.util.Random(7).nextBytes(chunk);
                    chunk[0] = (byte) 0xFF;
                    chunk[1] = (byte) 0xD8; // starts like a JPEG
                    for (long sent = 0; sent < fileBytes; sent += chunk.length) {
                        out.write(chunk);
                    }
                }
                out.write(tail);
                out.flush();
            } catch (SocketException answeredEarly) {
                // refused before the body was through
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (SocketException reset) {
                // what arrived before the reset
            }
            String response = all.toString(StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.")) {
                return new Answer(0, response, "");
            }
            int split = response.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(response.substring(9, 12)), response.substring(0, Math.max(split, 0)),
                    split < 0 ? "" : response.substring(split + 4));
        }
    }
}
