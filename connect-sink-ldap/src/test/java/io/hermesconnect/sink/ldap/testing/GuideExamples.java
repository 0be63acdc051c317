package io.hermesconnect.sink.ldap.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example configs of the module's guides, as tests parse and run them. */
public final class GuideExamples {

    public static final Path GUIDE = Path.of("src/main/doc/ldap-sink.md");
    public static final Path AD_GUIDE = Path.of("src/main/doc/active-directory.md");

    private GuideExamples() {
    }

    /** The guide's first properties block, its {@code ${file:...}} secrets resolved to a placeholder. */
    public static Map<String, String> firstExample(Path guide) {
        String text;
        try {
            text = Files.readString(guide, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(text);
        if (!block.find()) {
            throw new IllegalStateException(guide + " has no properties block");
        }
        Properties example = new Properties();
        try {
            example.load(new StringReader(block.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>();
        example.forEach((key, value) -> props.put(key.toString(), value.toString()));
        props.replaceAll((key, value) -> value.startsWith("${file:") ? "resolved-secret" : value);
        return props;
    }
}
