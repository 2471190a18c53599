package vn.portal.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.portal.media.TestImages;

class EmbeddedMetadataTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRightsOfAPngWithoutInflatingItsCompressedChunks() throws Exception {
        byte[] bomb = TestImages.metadataBombPng(1024, 6, "(c) Bao Kon Tum", "Thai Hoan");
        Path file = Files.write(dir.resolve("bomb.png"), bomb);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        long started = System.nanoTime();
        EmbeddedMetadata metadata = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> EmbeddedMetadata.of(file));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;
        System.out.printf("PNG of %d KB with 3 x 1 GB of compressed metadata: read in %d ms, heap grew %d MB%n",
                bomb.length / 1024, millis, heapGrowth / (1024 * 1024));

        assertThat(metadata.orientation()).isEqualTo(6);
        assertThat(metadata.credit()).isEqualTo("Thai Hoan");
        assertThat(heapGrowth).isLessThan(64L * 1024 * 1024);
    }
}
