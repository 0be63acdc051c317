package io.hermesconnect.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The plugin ZIP the worker loads, {@code packaging/target/hermes-connect-<version>.zip}: rebuilt when missing or
 * older than a pom or main source file of packaging or of a module of ours it puts into the ZIP.
 */
final class PluginZipBuild {

    private static final List<String> BUILD = List.of("mvn", "-B", "-q", "-Dstyle.color=never", "-DskipTests",
            "-pl", "packaging", "-am", "package");

    private final QuickstartPaths paths;
    private final Console console;

    PluginZipBuild(QuickstartPaths paths, Console console) {
        this.paths = paths;
        this.console = console;
    }

    /** The ZIP, built first if it is stale, unless {@code noBuild} (then it only has to exist). */
    Path zip(boolean noBuild) {
        Element packagingPom = readPom(paths.home().resolve("packaging/pom.xml"));
        Path zip = paths.home().resolve("packaging/target/hermes-connect-" + projectVersion() + ".zip");
        Optional<Path> newer = Files.isRegularFile(zip) ? newerInput(packagingPom, zip) : Optional.empty();
        if (Files.isRegularFile(zip) && newer.isEmpty()) {
            console.say("plugin ZIP up to date: " + paths.show(zip));
            return zip;
        }
        if (noBuild) {
            if (!Files.isRegularFile(zip)) {
                throw new QuickstartException("no " + paths.show(zip) + " to use: build it (drop --no-build)");
            }
            console.say("using " + paths.show(zip) + " as built (--no-build), although "
                    + paths.show(newer.orElseThrow()) + " is newer");
            return zip;
        }
        console.say(newer.map(p -> "sources changed since the ZIP was built (" + paths.show(p) + "...): rebuilding")
                .orElse("building the plugin ZIP (" + String.join(" ", BUILD) + ")"));
        if (!Commands.runInTerminal(paths.home(), BUILD)) {
            throw new QuickstartException("the build failed (see above)");
        }
        if (!Files.isRegularFile(zip)) {
            throw new QuickstartException("the build did not produce " + paths.show(zip));
        }
        console.say("built " + paths.show(zip));
        return zip;
    }

    private String projectVersion() {
        Element root = readPom(paths.home().resolve("pom.xml"));
        return child(root, "version").map(Node::getTextContent).map(String::strip)
                .orElseThrow(() -> new QuickstartException("cannot read the project version from "
                        + paths.show(paths.home().resolve("pom.xml"))));
    }

    /** A pom or main source of packaging or of the modules of ours it depends on, newer than the ZIP. */
    private Optional<Path> newerInput(Element packagingPom, Path zip) {
        List<Path> inputs = new ArrayList<>(List.of(paths.home().resolve("pom.xml")));
        List<String> modules = new ArrayList<>(List.of("packaging"));
        modules.addAll(ourModules(packagingPom));
        for (String module : modules) {
            inputs.add(paths.home().resolve(module).resolve("pom.xml"));
            inputs.add(paths.home().resolve(module).resolve("src/main"));
        }
        try {
            FileTime built = Files.getLastModifiedTime(zip);
            for (Path input : inputs) {
                if (!Files.exists(input)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(input)) {
                    Optional<Path> newer = files.filter(Files::isRegularFile)
                            .filter(f -> modifiedAfter(f, built)).findFirst();
                    if (newer.isPresent()) {
                        return newer;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare the sources with " + zip, e);
        }
    }

    private static boolean modifiedAfter(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }

    /** The artifact ids of packaging's io.hermesconnect dependencies outside test scope: our modules' folders. */
    private static List<String> ourModules(Element packagingPom) {
        List<String> modules = new ArrayList<>();
        Element dependencies = child(packagingPom, "dependencies").map(Element.class::cast).orElseThrow();
        for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element dependency
                    && child(dependency, "groupId").map(Node::getTextContent).orElse("").equals("io.hermesconnect")
                    && !child(dependency, "scope").map(Node::getTextContent).orElse("").equals("test")) {
                child(dependency, "artifactId").map(Node::getTextContent).ifPresent(modules::add);
            }
        }
        return modules;
    }

    private static Optional<Node> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && node.getNodeName().equals(name)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private Element readPom(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new QuickstartException("cannot read " + paths.show(pom) + ": " + e.getMessage(), null, e);
        }
    }
}
