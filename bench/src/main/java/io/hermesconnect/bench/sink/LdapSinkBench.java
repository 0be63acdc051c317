package io.hermesconnect.bench.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import io.hermesconnect.bench.stack.KafkaBroker;
import io.hermesconnect.bench.stack.KafkaRuntime;
import io.hermesconnect.sink.ldap.LdapSinkTask;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The LDAP sink benchmark (issue 16): entries/s of creates, modifies and membership adds against a real slapd, for the
 * sink task as a worker drives it (put() with batches of {@link HttpSinkBench#BATCH} records) and for a plain
 * UnboundID connection sending the writes those events call for, both one operation at a time (the sink core applies
 * one event at a time); then the same creates through the sink while objects sit parked in its error queue. The task
 * runs in this JVM, fed SinkRecords: what is compared is the sink's work per entry, not Kafka's consumer. Its
 * parked-event store needs a broker: one runs beside. Run it with bench/ldap-sink-bench.sh.
 */
public final class LdapSinkBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEOPLE = "ou=people,dc=example,dc=org";
    private static final String GROUPS = "ou=groups,dc=example,dc=org";
    private static final String PLACEHOLDER = "cn=nobody";
    /** Members per group: large groups are what membership adds meet in practice, and slapd's cost grows with them. */
    private static final int MEMBERS_PER_GROUP = 1000;

    private final LdapSinkBenchOptions options;
    private final LdapSinkTask task = new LdapSinkTask();
    private final LDAPConnection plain;
    private final HrRecords records = new HrRecords();

    private LdapSinkBench(LdapSinkBenchOptions options, OpenLdapServer ldap, String bootstrapServers) throws LDAPException {
        this.options = options;
        Map<String, String> props = sinkConfig(ldap.url(), bootstrapServers);
        Set<org.apache.kafka.common.TopicPartition> partitions = Set.of(HrRecords.USERS_TOPIC, HrRecords.GROUPS_TOPIC,
                HrRecords.MEMBERSHIPS_TOPIC);
        task.initialize(new BenchSinkTaskContext(props, partitions));
        task.start(props);
        task.open(partitions);
        plain = ldap.connect();
    }

    public static void main(String[] args) throws IOException, LDAPException {
        Optional<LdapSinkBenchOptions> parsed = CommandLine.parseOrExit(args, LdapSinkBenchOptions.USAGE, LdapSinkBenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        LdapSinkBenchOptions options = parsed.get();
        Machine machine = Machine.describe();
        log("machine: " + machine.summary());
        Path workDir = options.workDir().toAbsolutePath();
        KafkaRuntime runtime = KafkaRuntime.prepareFresh(options.kafkaClasspath(), workDir);
        List<LdapRun> runs;
        try (KafkaBroker broker = KafkaBroker.start(runtime, workDir.resolve("kafka"));
                OpenLdapServer ldap = OpenLdapServer.start()) {
            LdapSinkBench bench = new LdapSinkBench(options, ldap, broker.bootstrapServers());
            try {
                runs = bench.runAll();
            } finally {
                bench.task.stop();
                bench.plain.close();
            }
        }
        TextTable table = LdapRun.table(runs);
        System.out.println();
        System.out.print(table);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("options", options);
        document.put("runs", runs);
        document.put("loadAtEnd", Machine.load());
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.output().toFile(), document);
        Files.writeString(options.output().resolveSibling("ldap-sink-bench.md"), table.markdown());
        log("results written to " + options.output());
    }

    private List<LdapRun> runAll() throws LDAPException {
        int n = options.entries();
        int groups = Math.max(1, (n + MEMBERS_PER_GROUP - 1) / MEMBERS_PER_GROUP);
        log(String.format("warm-up: %,d creates per side; %d groups per side", options.warmupEntries(), groups));
        List<SinkRecord> setup = new ArrayList<>();
        for (int i = 0; i < options.warmupEntries(); i++) {
            setup.add(records.userCreate(HrRecords.user("w-s" + i, null)));
            plainAdd("w-p" + i, null);
        }
        for (int g = 0; g < groups; g++) {
            setup.add(records.groupCreate("s-g" + g));
            plain.add(new AddRequest("cn=p-g" + g + "," + GROUPS, List.of(new Attribute("objectClass", "top", "groupOfNames"),
                    new Attribute("cn", "p-g" + g), new Attribute("businessCategory", "p-g" + g), new Attribute("member", PLACEHOLDER))));
        }
        put(setup);

        List<LdapRun> runs = new ArrayList<>();
        List<SinkRecord> creates = new ArrayList<>();
        List<SinkRecord> modifies = new ArrayList<>();
        List<SinkRecord> memberships = new ArrayList<>();
        // one loop per list: a list's records follow the previous list's on their topic, as the task expects offsets
        for (int i = 0; i < n; i++) {
            creates.add(records.userCreate(HrRecords.user("s" + i, "s" + i + "@example.com")));
        }
        for (int i = 0; i < n; i++) {
            modifies.add(records.userUpdate(HrRecords.user("s" + i, "s" + i + "@example.com"),
                    HrRecords.user("s" + i, "s" + i + "@example.net")));
        }
        for (int i = 0; i < n; i++) {
            memberships.add(records.membershipCreate("s" + i, "s-g" + i % groups));
        }
        runs.add(measure("creates", LdapRun.CONNECTOR, "plain creates", () -> put(creates)));
        runs.add(measure("creates", LdapRun.PLAIN, null, () -> {
            for (int i = 0; i < n; i++) {
                plainAdd("p" + i, "p" + i + "@example.com");
            }
        }));
        expect("(mail=*@example.com)", 2L * n);
        runs.add(measure("modifies", LdapRun.CONNECTOR, "plain modifies", () -> put(modifies)));
        runs.add(measure("modifies", LdapRun.PLAIN, null, () -> {
            for (int i = 0; i < n; i++) {
                plain.modify("uid=p" + i + "," + PEOPLE, new Modification(ModificationType.REPLACE, "mail", "p" + i + "@example.net"));
            }
        }));
        expect("(mail=*@example.net)", 2L * n);
        runs.add(measure("membership adds", LdapRun.CONNECTOR, "plain membership adds", () -> put(memberships)));
        runs.add(measure("membership adds", LdapRun.PLAIN, null, () -> {
            for (int i = 0; i < n; i++) {
                plain.modify("cn=p-g" + i % groups + "," + GROUPS,
                        new Modification(ModificationType.ADD, "member", "uid=p" + i + "," + PEOPLE));
            }
        }));
        expectMembers(2L * n);

        if (options.parked() > 0) {
            log(String.format("parking %,d objects: creates whose mail slapd refuses (not IA5)", options.parked()));
            List<SinkRecord> refused = new ArrayList<>();
            for (int i = 0; i < options.parked(); i++) {
                refused.add(records.userCreate(HrRecords.user("x" + i, "x" + i + "@exämple.com")));
            }
            put(refused);
            expect("(uid=x*)", 0);
            List<SinkRecord> more = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                more.add(records.userCreate(HrRecords.user("q" + i, "q" + i + "@example.org")));
            }
            runs.add(measure(String.format("creates, %,d parked", options.parked()), LdapRun.CONNECTOR, "connector creates",
                    () -> put(more)));
            expect("(mail=*@example.org)", n);
        }
        return LdapRun.withRatios(runs);
    }

    /** Work that throws what UnboundID throws. */
    private interface Work {
        void run() throws LDAPException;
    }

    private LdapRun measure(String operation, String side, String baseline, Work work) throws LDAPException {
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        LdapRun run = new LdapRun(operation, side, baseline, options.entries(), seconds, options.entries() / seconds, null,
                Machine.load());
        log(String.format("%s, %s: %,.0f entries/s (load %s)", operation, side, run.entriesPerSecond(), run.load()));
        return run;
    }

    private void put(List<SinkRecord> batch) {
        for (int from = 0; from < batch.size(); from += HttpSinkBench.BATCH) {
            task.put(batch.subList(from, Math.min(batch.size(), from + HttpSinkBench.BATCH)));
        }
    }

    /** The entry the sink's users kind makes of user {@code id}. */
    private void plainAdd(String id, String mail) throws LDAPException {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", id), new Attribute("cn", "First Last " + id), new Attribute("sn", "Last " + id),
                new Attribute("employeeNumber", id)));
        if (mail != null) {
            attributes.add(new Attribute("mail", mail));
        }
        plain.add(new AddRequest("uid=" + id + "," + PEOPLE, attributes));
    }

    /** Checks that {@code count} entries match the filter. */
    private void expect(String filter, long count) throws LDAPException {
        long found = plain.search(new SearchRequest(PEOPLE, SearchScope.ONE, filter, "1.1")).getEntryCount();
        if (found != count) {
            throw new IllegalStateException(found + " entries match " + filter + ", not " + count);
        }
    }

    /** Checks that the groups hold {@code count} members besides their placeholders. */
    private void expectMembers(long count) throws LDAPException {
        long found = plain.search(new SearchRequest(GROUPS, SearchScope.ONE, "(objectClass=groupOfNames)", "member"))
                .getSearchEntries().stream().flatMap(entry -> Arrays.stream(entry.getAttributeValues("member")))
                .filter(member -> !member.equals(PLACEHOLDER)).count();
        if (found != count) {
            throw new IllegalStateException("the groups hold " + found + " members, not " + count);
        }
    }

    private static Map<String, String> sinkConfig(String url, String bootstrapServers) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "ldap-sink-bench");
        props.put("topics", String.join(",", HrRecords.USERS_TOPIC.topic(), HrRecords.GROUPS_TOPIC.topic(),
                HrRecords.MEMBERSHIPS_TOPIC.topic()));
        props.put("errors.queue.kafka.bootstrap.servers", bootstrapServers);
        props.put("ldap.url", url);
        props.put("ldap.bind.dn", OpenLdapServer.ADMIN_DN);
        props.put("ldap.bind.password", OpenLdapServer.ADMIN_PASSWORD);
        props.put("ldap.base.dn", OpenLdapServer.BASE_DN);
        props.put("kinds", "users,groups,memberships");
        props.put("kinds.users.events", "hr.users");
        props.put("kinds.users.rdn.attribute", "uid");
        props.put("kinds.users.rdn.value", "{{ id }}");
        props.put("kinds.users.container", "ou=people");
        props.put("kinds.users.object.classes", "top,person,organizationalPerson,inetOrgPerson");
        props.put("kinds.users.attrs.cn", "{{ first }} {{ last }}");
        props.put("kinds.users.attrs.sn", "{{ last }}");
        props.put("kinds.users.attrs.mail", "{{ email }}");
        props.put("kinds.users.attrs.employeeNumber", "{{ id }}");
        props.put("kinds.users.lookup.attribute", "employeeNumber");
        props.put("kinds.groups.events", "hr.groups");
        props.put("kinds.groups.rdn.attribute", "cn");
        props.put("kinds.groups.rdn.value", "{{ id }}");
        props.put("kinds.groups.container", "ou=groups");
        props.put("kinds.groups.object.classes", "top,groupOfNames");
        props.put("kinds.groups.attrs.businessCategory", "{{ id }}");
        props.put("kinds.groups.lookup.attribute", "businessCategory");
        props.put("kinds.groups.member.placeholder", PLACEHOLDER);
        props.put("kinds.memberships.events", "hr.memberships");
        props.put("kinds.memberships.shape", "membership");
        props.put("kinds.memberships.group.kind", "groups");
        props.put("kinds.memberships.group.value", "{{ group_id }}");
        props.put("kinds.memberships.member.kind", "users");
        props.put("kinds.memberships.member.value", "{{ user_id }}");
        return props;
    }

    private static void log(String message) {
        System.out.println("[ldap-sink-bench] " + message);
    }
}
