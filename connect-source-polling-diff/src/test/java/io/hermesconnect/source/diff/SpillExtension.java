package io.hermesconnect.source.diff;

import io.hermesconnect.source.diff.spill.PollSpill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A poll's spill for each test, in a temporary directory, deleted after it: {@code @RegisterExtension}. */
public final class SpillExtension implements BeforeEachCallback, AfterEachCallback {

    private Path directory;
    private PollSpill spill;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("poll-spill");
        spill = PollSpill.open(directory);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        spill.close();
        Files.delete(directory);
    }

    /** The current test's spill. */
    public PollSpill spill() {
        return spill;
    }
}
