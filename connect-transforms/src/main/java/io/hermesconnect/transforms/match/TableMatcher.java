package io.hermesconnect.transforms.match;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.event.ChangeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which tables (or diff-source types) a rule or predicate applies to: a glob or a regular expression
 * that must match the whole data collection name, {@code schema.table} (e.g. {@code public.users}),
 * or the bare table or type name where the source has no schema (e.g. {@code Users}).
 */
public final class TableMatcher {

    /** How a pattern is written. */
    public enum Syntax {
        /** {@code *} any characters, {@code ?} one character, {@code {a,b}} alternatives; everything else literal. */
        GLOB,
        /** A Java regular expression. */
        REGEX
    }

    public static final EnumChoice<Syntax> SYNTAXES = EnumChoice.of(Syntax.class);

    /** Pipelines carry few tables: remember up to this many answers, so that most records skip the regex. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Pattern pattern;
    private final Map<String, Boolean> remembered = new ConcurrentHashMap<>();

    private TableMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException when the pattern is not a valid glob or regex, with the reason */
    public static TableMatcher of(String pattern, Syntax syntax) {
        String regex = syntax == Syntax.GLOB ? globToRegex(pattern) : pattern;
        try {
            return new TableMatcher(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription(), e);
        }
    }

    /** @throws ConfigException naming {@code key} when the pattern is not valid */
    public static TableMatcher configured(String key, String pattern, Syntax syntax) {
        try {
            return of(pattern, syntax);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, pattern, e.getMessage());
        }
    }

    public boolean matches(String dataCollection) {
        if (dataCollection == null) {
            return false;
        }
        Boolean answer = remembered.get(dataCollection);
        if (answer == null) {
            answer = pattern.matcher(dataCollection).matches();
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(dataCollection, answer);
            }
        }
        return answer;
    }

    public boolean matches(ChangeEvent event) {
        return matches(event.dataCollection());
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder(glob.length() + 8);
        boolean inAlternatives = false;
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            String special = switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                case '{' -> {
                    if (inAlternatives) {
                        throw new IllegalArgumentException("nested '{' at position " + i + " in glob '" + glob + "'");
                    }
                    inAlternatives = true;
                    yield "(?:";
                }
                case '}' -> {
                    if (!inAlternatives) {
                        throw new IllegalArgumentException("'}' without '{' at position " + i + " in glob '" + glob + "'");
                    }
                    inAlternatives = false;
                    yield ")";
                }
                case ',' -> inAlternatives ? "|" : null;
                default -> null;
            };
            if (special != null) {
                appendLiteral(regex, glob, literalStart, i);
                regex.append(special);
                literalStart = i + 1;
            }
        }
        if (inAlternatives) {
            throw new IllegalArgumentException("'{' without '}' in glob '" + glob + "'");
        }
        appendLiteral(regex, glob, literalStart, glob.length());
        return regex.toString();
    }

    private static void appendLiteral(StringBuilder regex, String glob, int from, int to) {
        if (from < to) {
            regex.append(Pattern.quote(glob.substring(from, to)));
        }
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
