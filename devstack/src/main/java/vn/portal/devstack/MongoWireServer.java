package vn.portal.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire server (mongo-java-server): speaks the MongoDB protocol to the real driver.
 * The H2 file backend keeps data across restarts; the memory backend is for tests. Its limits
 * (no $text, no transactions, no TTL) are listed in the README.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private MongoWireServer(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** Data in one H2 file that survives restarts. */
    public static MongoWireServer file(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoWireServer(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    /** Data in memory, on a free port. */
    public static MongoWireServer inMemory() {
        return new MongoWireServer(new MemoryBackend(), FreePorts.next());
    }

    /** {@code mongodb://host:port}, without a database: each service names its own. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
