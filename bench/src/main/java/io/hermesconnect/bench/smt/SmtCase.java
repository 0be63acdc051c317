package io.hermesconnect.bench.smt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The comparisons: each runs one of our transforms and the closest chain of Connect's built-in transforms on
 * the same {@link SampleEvents}. Where the built-ins cannot express the work (Jinja conditions, computed
 * attributes), the built-in chain is the nearest thing a user could configure instead, and the ratio is the
 * price of the extra expressiveness.
 */
enum SmtCase {

    /** Five rules that look at the table only, none matching: every event passes all five. */
    FILTER_TABLES("Filter: 5 table rules", "5 x Filter + TopicNameMatches",
            () -> hermesFilter(
                    "rules", "audit,internal,tmp,sessions,logs",
                    "rules.audit.table", "app.public.audit_*", "rules.audit.action", "ignore",
                    "rules.internal.table", "app.internal.*", "rules.internal.action", "ignore",
                    "rules.tmp.table", "*.tmp_*", "rules.tmp.action", "ignore",
                    "rules.sessions.table", "app.public.sessions", "rules.sessions.action", "ignore",
                    "rules.logs.table", "app.public.logs_*", "rules.logs.action", "ignore"),
            SmtCase::connectTopicFilters),

    /** Five Jinja conditions over before/after/op; about a third of the events are dropped by the last rule. */
    FILTER_JINJA("Filter: 5 Jinja condition rules", "5 x Filter + TopicNameMatches",
            () -> hermesFilter(
                    "rules", "root,quarantine,minors,nomail,inactive",
                    "rules.root.operations", "d", "rules.root.condition", "{{ before.login == 'root' }}",
                    "rules.root.action", "ignore",
                    "rules.quarantine.operations", "c,u", "rules.quarantine.condition",
                    "{{ after.department == 'quarantine' }}", "rules.quarantine.action", "ignore",
                    "rules.minors.operations", "c,u", "rules.minors.condition", "{{ after.age < 0 }}",
                    "rules.minors.action", "ignore",
                    "rules.nomail.operations", "c,u", "rules.nomail.condition", "{{ after.email is none }}",
                    "rules.nomail.action", "ignore",
                    "rules.inactive.operations", "c,u", "rules.inactive.condition", "{{ not after.active }}",
                    "rules.inactive.action", "ignore"),
            SmtCase::connectTopicFilters),

    /**
     * Five conditions of membership ({@code in}, {@code not in}: in a list, in a string) with {@code default} on
     * fields and on a row that may be null; the last rule drops the events of two departments (~40%). The built-ins
     * cannot look into the row: their nearest membership test is a topic name in a set, a regex alternation.
     */
    FILTER_MEMBERSHIP("Filter: 5 rules with in / not in / default", "5 x Filter + TopicNameMatches (alternations)",
            () -> hermesFilter(
                    "rules", "admins,quarantine,nomail,unknown,backoffice",
                    "rules.admins.operations", "d", "rules.admins.condition",
                    "{{ before.login in ['root', 'admin', 'postgres'] }}", "rules.admins.action", "ignore",
                    "rules.quarantine.condition",
                    "{{ (after | default(before)).department in ['quarantine', 'blocked', 'suspended'] }}",
                    "rules.quarantine.action", "ignore",
                    "rules.nomail.operations", "c,u", "rules.nomail.condition",
                    "{{ '@' not in (after.email | default('')) }}", "rules.nomail.action", "ignore",
                    "rules.unknown.operations", "c,u", "rules.unknown.condition",
                    "{{ (after.department | default('none')) not in ['sales', 'engineering', 'support', 'finance', 'legal'] }}",
                    "rules.unknown.action", "ignore",
                    "rules.backoffice.operations", "c,u", "rules.backoffice.condition",
                    "{{ after.department in ['finance', 'legal'] }}", "rules.backoffice.action", "ignore"),
            SmtCase::connectTopicSetFilters),

    /**
     * Like for like: both sides unwrap {@code after} and reshape that row. Ours computes five templates (a reference,
     * a concatenation, two filters, a boolean) and drops three fields; the built-ins rename five fields.
     */
    MAPPING_TEMPLATES("ExtractField(after) + JinjaMapping (5 templates)", "ExtractField(after) + ReplaceField (5 renames)",
            () -> unwrapped().then(Mapping.CLASS, config(Mapping.TEMPLATES)),
            SmtCase::connectRenames),

    /** Like for like: both sides unwrap {@code after} and rename the same five fields. */
    MAPPING_RENAMES("ExtractField(after) + JinjaMapping (5 renames)", "ExtractField(after) + ReplaceField (5 renames)",
            () -> unwrapped().then(Mapping.CLASS, config(Mapping.RENAMES)),
            SmtCase::connectRenames),

    /**
     * More work than the built-ins can do: the five templates on {@code before} and {@code after}, the envelope kept.
     * The built-in side is still the unwrap and five renames of one row.
     */
    ENVELOPE_TEMPLATES("JinjaMapping (5 templates) on before and after", "ExtractField(after) + ReplaceField (5 renames)",
            () -> new TransformChain().then(Mapping.CLASS, config(Mapping.TEMPLATES)),
            SmtCase::connectRenames),

    /** The five renames on {@code before} and {@code after}, the envelope kept, against the same built-in chain. */
    ENVELOPE_RENAMES("JinjaMapping (5 renames) on before and after", "ExtractField(after) + ReplaceField (5 renames)",
            () -> new TransformChain().then(Mapping.CLASS, config(Mapping.RENAMES)),
            SmtCase::connectRenames);

    /** The JinjaMapping configurations the mapping cases share (in a class of their own: enum constants come first). */
    private static final class Mapping {
        static final String CLASS = "io.hermesconnect.transforms.JinjaMapping";
        static final String[] TEMPLATES = {
            "attrs", "uid,cn,mail,dept,adult",
            "attrs.uid.template", "{{ login }}",
            "attrs.cn.template", "{{ first_name }} {{ last_name }}",
            "attrs.mail.template", "{{ email | lower }}",
            "attrs.dept.template", "{{ department | upper }}",
            "attrs.adult.template", "{{ age >= 18 }}", "attrs.adult.type", "boolean",
            "drop", "login,email,department"};
        static final String[] RENAMES = {"rename", "login:uid,email:mail,department:dept,first_name:given,last_name:sn"};
    }

    static final String HERMES = "hermes";
    static final String CONNECT = "connect";
    /** The sides of every case, in the order they run: Connect's built-ins, then ours. */
    static final List<String> SIDES = List.of(CONNECT, HERMES);

    private final String hermesWork;
    private final String connectWork;
    private final Supplier<TransformChain> hermes;
    private final Supplier<TransformChain> connect;

    SmtCase(String hermesWork, String connectWork, Supplier<TransformChain> hermes, Supplier<TransformChain> connect) {
        this.hermesWork = hermesWork;
        this.connectWork = connectWork;
        this.hermes = hermes;
        this.connect = connect;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** What the side's chain does, for the report. */
    String work(String side) {
        return side.equals(HERMES) ? hermesWork : connectWork;
    }

    /** The chain of one side: {@code hermes} or {@code connect}. */
    TransformChain chain(String side) {
        return switch (side) {
            case HERMES -> hermes.get();
            case CONNECT -> connect.get();
            default -> throw new IllegalArgumentException("side is hermes or connect, not " + side);
        };
    }

    /**
     * The share of the sample events the side's chain keeps, from one pass over the events the benchmark replays, in
     * the same order: exact, and measured apart so that nothing is counted in the timed loop. A chain that cannot be
     * configured or fails on an event fails here, with its own message, before any fork starts.
     */
    double keptPercent(String side) {
        TransformChain chain = chain(side);
        List<SourceRecord> events = SampleEvents.build(SmtBenchmark.EVENTS);
        long kept = events.stream().filter(record -> chain.apply(record) != null).count();
        return 100.0 * kept / events.size();
    }

    private static TransformChain hermesFilter(String... config) {
        return new TransformChain().then("io.hermesconnect.transforms.Filter", config(config));
    }

    /** A chain that starts as Connect's does: {@code after} taken out of the envelope. */
    private static TransformChain unwrapped() {
        return new TransformChain().then("org.apache.kafka.connect.transforms.ExtractField$Value", Map.of("field", "after"));
    }

    /** A config map from alternating keys and values, in order. */
    private static Map<String, String> config(String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    static SmtCase forId(String id) {
        for (SmtCase c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }

    /** Connect's way to drop by table: five Filter stages, each behind a TopicNameMatches predicate (none matching). */
    private static TransformChain connectTopicFilters() {
        return topicFilters("app\\.public\\.audit_.*", "app\\.internal\\..*", ".*\\.tmp_.*",
                "app\\.public\\.sessions", "app\\.public\\.logs_.*");
    }

    /** Connect's nearest membership test: five topic filters whose patterns are sets of names (none matching). */
    private static TransformChain connectTopicSetFilters() {
        return topicFilters("app\\.public\\.(root|admin|postgres)", "app\\.(quarantine|blocked|suspended)\\..*",
                "app\\.public\\.(audit|history|changelog)", "(staging|test|dev)\\..*",
                "app\\.public\\.(finance|legal)_.*");
    }

    private static TransformChain topicFilters(String... patterns) {
        TransformChain chain = new TransformChain();
        for (String pattern : patterns) {
            chain.then("org.apache.kafka.connect.transforms.Filter", Map.of(),
                    "org.apache.kafka.connect.transforms.predicates.TopicNameMatches", Map.of("pattern", pattern), false);
        }
        return chain;
    }

    /** Connect's way to reshape a row: unwrap {@code after} (losing the envelope), then five renames. */
    private static TransformChain connectRenames() {
        return unwrapped()
                .then("org.apache.kafka.connect.transforms.ReplaceField$Value",
                        Map.of("renames", "login:uid,email:mail,department:dept,first_name:given,last_name:sn"));
    }
}
