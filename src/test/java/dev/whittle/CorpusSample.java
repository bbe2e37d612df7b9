package dev.whittle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A fixed sample of the corpus (every 19th file in archive order: 5,252 files), unpacked once into
 * target/corpus-sample by the first test that asks for it. Nothing of the corpus is committed.
 */
public final class CorpusSample {
    private CorpusSample() {}

    public static final int STRIDE = 19;

    public static synchronized List<Path> files() throws IOException {
        Path dir = Shared.buildDir().resolve("corpus-sample");
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            Path archive = Shared.corpusArchive();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                int index = 0;
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (!e.isFile()) continue;
                    if (index++ % STRIDE != 0) continue;
                    Path target = dir.resolve(String.format("%05d.Dockerfile", index - 1));
                    Files.createDirectories(target.getParent());
                    Files.write(target, tar.readAllBytes());
                }
            }
            Files.writeString(done, "ok");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList());
            return out;
        }
    }
}
