package io.hermesconnect.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class-data sharing for the stack's JVMs: a JVM's first run saves the classes it loaded when it exits
 * ({@code ./quickstart stop}), later runs map them instead of loading them again, which starts them faster. An
 * archive is made per class path and JVM build (older ones are deleted); one that no longer fits is ignored by the
 * JVM. {@code QUICKSTART_CDS=0} turns it off.
 */
final class ClassDataSharing {

    private final QuickstartPaths paths;
    private final String classpathKey;
    private final boolean enabled;

    ClassDataSharing(QuickstartPaths paths, String classpathKey, boolean enabled) {
        this.paths = paths;
        this.classpathKey = classpathKey;
        this.enabled = enabled;
    }

    /**
     * The JVM options for the archive of the JVM called {@code name}: use it, or save it at exit.
     *
     * @param service whether the JVM is a service, saving its archive when {@code ./quickstart stop} stops it
     *                (rather than a tool that exits by itself)
     */
    List<String> options(String name, boolean service) {
        if (!enabled) {
            return List.of();
        }
        String jvm = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.]", "_");
        Path dir = paths.cache().resolve("cds");
        Path archive = dir.resolve(name + "-" + classpathKey + "-" + jvm + ".jsa");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> archives = Files.list(dir)) { // made for another class path or JVM
                for (Path other : archives.filter(f -> f.getFileName().toString().startsWith(name + "-")
                        && !f.equals(archive)).toList()) {
                    Files.delete(other);
                }
            }
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive);
            }
            if (service) {
                Files.writeString(paths.archivesPending(), "");
            }
            return List.of("-XX:ArchiveClassesAtExit=" + archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare class-data archives in " + dir, e);
        }
    }
}
