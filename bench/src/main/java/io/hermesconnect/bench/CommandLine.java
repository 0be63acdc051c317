package io.hermesconnect.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --name=value} options and bare {@code --flag}s, checked against the names a benchmark knows.
 * Options under a pass-through prefix (e.g. {@code --worker.producer.linger.ms=5}) are kept apart.
 */
public final class CommandLine {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> passThrough = new LinkedHashMap<>();

    /**
     * @param flags   options without a value; they map to "true"
     * @param prefix  pass-through prefix such as {@code worker.}, or null for none
     * @throws IllegalArgumentException naming the first argument that is not known, with {@code usage}
     */
    public CommandLine(String[] args, Set<String> names, Set<String> flags, String prefix, String usage) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg + "\n" + usage);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (eq < 0 && flags.contains(name)) {
                values.put(name, "true");
            } else if (eq >= 0 && prefix != null && name.startsWith(prefix) && name.length() > prefix.length()) {
                passThrough.put(name.substring(prefix.length()), arg.substring(eq + 1));
            } else if (eq >= 0 && names.contains(name)) {
                values.put(name, arg.substring(eq + 1));
            } else {
                throw new IllegalArgumentException("unknown option: " + arg + "\n" + usage);
            }
        }
    }

    /**
     * A benchmark's options from its {@code main} arguments: empty after printing {@code usage} for {@code --help};
     * a bad option prints why and exits with status 2.
     */
    public static <T> Optional<T> parseOrExit(String[] args, String usage, Function<String[], T> parse) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(usage);
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return Optional.empty();
        }
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** A whole number of at least {@code min}. */
    public long number(String name, long defaultValue, long min) {
        String text = values.get(name);
        long value;
        try {
            value = text == null ? defaultValue : Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not " + text);
        }
        if (value < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ": " + value);
        }
        return value;
    }

    public double decimal(String name, double defaultValue) {
        String text = values.get(name);
        try {
            double value = text == null ? defaultValue : Double.parseDouble(text);
            if (!(value > 0)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a positive number, not " + text);
        }
    }

    /** A comma list whose items must all be {@code allowed}; all of them when the option is absent. */
    public List<String> list(String name, List<String> allowed) {
        if (!values.containsKey(name)) {
            return allowed;
        }
        List<String> chosen = List.of(values.get(name).split(","));
        for (String item : chosen) {
            if (!allowed.contains(item)) {
                throw new IllegalArgumentException("--" + name + " takes some of " + allowed + ", not " + item);
            }
        }
        return chosen.stream().distinct().toList();
    }

    /** The options given under the pass-through prefix, prefix removed. */
    public Map<String, String> passThrough() {
        return passThrough;
    }
}
