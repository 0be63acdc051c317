package io.hermesconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the ZIP counts as stale, on a repository of poms and sources made up for the test (no Maven run). */
class PluginZipBuildTest {

    private static final Instant BUILT = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path home;
    private Path zip;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void repository() throws IOException {
        write("pom.xml", "<project><artifactId>parent</artifactId><version>1.2.3</version></project>");
        write("packaging/pom.xml", """
                <project><dependencies>
                  <dependency><groupId>io.hermesconnect</groupId><artifactId>source-a</artifactId></dependency>
                  <dependency><groupId>io.hermesconnect</groupId><artifactId>kit</artifactId><scope>test</scope></dependency>
                  <dependency><groupId>org.other</groupId><artifactId>other</artifactId></dependency>
                </dependencies></project>""");
        write("source-a/src/main/java/A.java", "class A {}");
        write("kit/src/main/java/K.java", "class K {}");
        write("other/src/main/java/O.java", "class O {}");
        zip = write("packaging/target/hermes-connect-1.2.3.zip", "zip");
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
            }
        }
        Files.setLastModifiedTime(zip, FileTime.from(BUILT));
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(originalOut);
    }

    @Test
    void aZipNewerThanEverySourceIsUpToDate() {
        assertThat(build().zip(false)).isEqualTo(zip);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plugin ZIP up to date");
    }

    @Test
    void aChangedMainSourceOfAModuleInTheZipMakesItStale() throws IOException {
        touch("source-a/src/main/java/A.java");

        assertThat(build().zip(true)).isEqualTo(zip);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("as built (--no-build), although source-a/src/main/java/A.java is newer");
    }

    @Test
    void testModulesAndOtherGroupsDoNotCount() throws IOException {
        touch("kit/src/main/java/K.java");
        touch("other/src/main/java/O.java");

        build().zip(false);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plugin ZIP up to date");
    }

    @Test
    void noBuildWithoutAZipSaysToBuildIt() throws IOException {
        Files.delete(zip);

        assertThatThrownBy(() -> build().zip(true)).isInstanceOf(QuickstartException.class)
                .hasMessage("no packaging/target/hermes-connect-1.2.3.zip to use: build it (drop --no-build)");
    }

    private PluginZipBuild build() {
        return new PluginZipBuild(new QuickstartPaths(home, home.resolve(".quickstart")), new Console());
    }

    private void touch(String file) throws IOException {
        Files.setLastModifiedTime(home.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
    }

    private Path write(String file, String content) throws IOException {
        Path path = home.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }
}
