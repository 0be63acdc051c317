package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The templates of {@link MemoryAttackers} rendered in a child JVM with a 256 MB heap: each must fail with the
 * limit's message and none may throw OutOfMemoryError, so that a regression fails this test, not the build's JVM.
 */
class ForkedMemoryTest {

    @Test
    void everyMemoryAttackerFailsOnALimitInASmallHeap() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), MemoryAttackers.class.getName())
                .redirectErrorStream(true)
                .start();
        List<String> lines;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            lines = output.lines().toList();
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(lines).hasSize(MemoryAttackers.TEMPLATES.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i))
                    .as(MemoryAttackers.TEMPLATES.get(i))
                    .startsWith(i + " FAILED Cannot render template")
                    .containsPattern("than the limit|than 4 times the limits")
                    .doesNotContain("OutOfMemoryError");
        }
        assertThat(child.exitValue()).isZero();
    }
}
