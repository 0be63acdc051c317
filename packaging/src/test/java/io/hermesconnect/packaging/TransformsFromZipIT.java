package io.hermesconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our transforms and predicates loaded from the ZIP, chained on the change events of the WAL source (also from
 * the ZIP) with Kafka's built-in transforms, and driven through the REST API only, as a user would:
 * <ol>
 *   <li>{@code Filter} drops a whole table ({@code ignore.tables}) and, by a rule with a Jinja condition, the
 *       service accounts ({@code login} starting with {@code svc_}, any case);
 *   <li>{@code JinjaMapping}, gated by {@code TableMatches}, adds {@code full_name}, lower-cases {@code login},
 *       hashes {@code password} into a secret {@code ldap_password_hash} and drops {@code password};
 *   <li>Kafka's {@code InsertField$Value}, gated by {@code ExpressionIs}, flags the updates that change a last name;
 *   <li>Kafka's {@code RegexRouter}, gated by {@code OperationIs d}, routes deletes to their own topic.
 * </ol>
 * The source reads its own database as a dedicated non-superuser role (LOGIN REPLICATION, owner of the tables,
 * publication created by the connector in {@code filtered} mode). Every record in Kafka is checked field by field.
 */
class TransformsFromZipIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String WAL_CONNECTOR = "io.hermesconnect.source.wal.WalSourceConnector";
    private static final String ROLE_PASSWORD = "cdc-secret";

    private static PluginZipFixture zip;
    private static PostgresServer pg;

    @BeforeAll
    static void start() {
        zip = PluginZipFixture.shared();
        pg = PostgresServer.shared(PostgresVersion.V17);
    }

    @Test
    void filtersMapsAndGatesBuiltInTransformsOnWalChangeEvents() {
        try (UsersDatabase db = UsersDatabase.create()) {
            // in the snapshot: one person, one service account, one audit row, one group
            db.sql("INSERT INTO users VALUES (1, 'Ada', 'Lovelace', 'ALovelace', 'analytical')",
                    "INSERT INTO users VALUES (2, 'Backup', 'Robot', 'svc_backup', 'b4ckup')",
                    "INSERT INTO audit_log (user_id, action) VALUES (1, 'seed')",
                    "INSERT INTO groups VALUES (1, 'admins')");
            // the delete route's topic and the dropped table's topic exist, so reading them empty means something
            zip.connect().createTopic(db.topic("audit_log"));
            zip.connect().createTopic(db.deletesTopic());

            db.startConnector(chain(db));

            db.sql("INSERT INTO users VALUES (3, 'Grace', 'Hopper', 'GHopper', 'cobol')",
                    "INSERT INTO users VALUES (4, 'Deploy', 'Bot', 'SVC_Deploy', 'd3ploy')",
                    // one transaction: the audit row is dropped, the rename kept (and flagged)
                    "BEGIN; INSERT INTO audit_log (user_id, action) VALUES (1, 'rename');"
                            + " UPDATE users SET last_name = 'King', login = 'Ada.King' WHERE id = 1; COMMIT",
                    "UPDATE users SET password = 'hopper2' WHERE id = 3",
                    "UPDATE users SET password = 'n3w' WHERE id = 2",
                    "DELETE FROM users WHERE id = 3",
                    "DELETE FROM users WHERE id = 4",
                    "INSERT INTO audit_log (user_id, action) VALUES (3, 'delete')",
                    "INSERT INTO groups VALUES (2, 'auditors')",
                    // the last change: once it is in Kafka, every earlier one went through the task
                    "INSERT INTO users VALUES (5, 'Alan', 'Turing', 'ATuring', 'enigma')");

            try (TopicReader users = zip.connect().reader(db.topic("users"));
                 TopicReader deletes = zip.connect().reader(db.deletesTopic());
                 TopicReader groups = zip.connect().reader(db.topic("groups"));
                 TopicReader audit = zip.connect().reader(db.topic("audit_log"))) {
                users.awaitRecord("the last insert (id 5)", r -> r.value() != null && id(users.key(r).value()) == 5,
                        TIMEOUT);
                deletes.awaitCount(1, TIMEOUT);
                groups.awaitCount(2, TIMEOUT);
                // one task and one producer write in source order: nothing that came before id 5 is still on its way
                for (TopicReader reader : List.of(users, deletes, groups, audit)) {
                    reader.awaitUntil("one more poll", records -> true, TIMEOUT);
                }

                checkUsersTopic(users);
                checkDeletesTopic(deletes);
                checkGroupsTopic(groups);
                assertThat(audit.records()).as("records of the ignored table audit_log").isEmpty();
            }
        }
    }

    /**
     * Validation of a connector config with a transform chain (PUT /connector-plugins/{connector}/config/validate,
     * which also validates the declared keys of every transform and predicate): a template that does not compile
     * in ExpressionIs's {@code expression}, a bad regex in Filter's {@code ignore.tables} and a bad pair in
     * JinjaMapping's {@code rename} are each reported on their own key, and nothing else is.
     */
    @Test
    void validateReportsBadTransformAndPredicateSettingsOnTheirKeys() {
        try (UsersDatabase db = UsersDatabase.create()) {
            Map<String, String> config = chain(db);
            config.put("name", db.prefix); // validate, unlike POST /connectors, reads the name from the config
            JsonNode valid = zip.rest().validate(WAL_CONNECTOR, config);
            assertThat(valid.path("error_count").asInt()).as("errors of the valid chain: %s", valid.toPrettyString())
                    .isZero();

            config.put("predicates.isRenamed.expression", "{{ op == 'u' and before.last_name | nosuchfilter }}");
            config.put("transforms.filter.ignore.tables", "public\\.(audit_.*");
            config.put("transforms.map.rename", "login");
            JsonNode invalid = zip.rest().validate(WAL_CONNECTOR, config);

            assertThat(errors(invalid, "predicates.isRenamed.expression")).singleElement().asString()
                    .contains("unknown filter 'nosuchfilter'");
            assertThat(errors(invalid, "transforms.filter.ignore.tables")).hasSize(1);
            assertThat(errors(invalid, "transforms.map.rename")).singleElement().asString()
                    .contains("'login' is not an old:new pair");
            assertThat(errors(invalid, "transforms.map.attrs")).isEmpty();
            assertThat(invalid.path("error_count").asInt()).as(invalid.toPrettyString()).isEqualTo(3);

            config.put("predicates.isRenamed.expression", "{{ op == }}");
            JsonNode syntax = zip.rest().validate(WAL_CONNECTOR, config);
            assertThat(errors(syntax, "predicates.isRenamed.expression")).singleElement().asString()
                    .contains("syntax error");
        }
    }

    // ===== the connector =====

    private static Map<String, String> chain(UsersDatabase db) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", WAL_CONNECTOR);
        config.put("tasks.max", "1");
        config.put("database.hostname", pg.host());
        config.put("database.port", Integer.toString(pg.port()));
        config.put("database.user", db.role);
        config.put("database.password", ROLE_PASSWORD);
        config.put("database.dbname", db.name);
        config.put("database.sslmode", "disable");
        config.put("topic.prefix", db.prefix);
        config.put("slot.name", db.prefix);
        config.put("publication.name", db.prefix + "_pub");
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", "public\\.users,public\\.audit_log,public\\.groups");
        config.put("snapshot.mode", "initial");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");

        config.put("transforms", "filter,map,flagRename,routeDeletes");

        config.put("transforms.filter.type", "io.hermesconnect.transforms.Filter");
        config.put("transforms.filter.ignore.tables", "public\\.audit_.*");
        config.put("transforms.filter.rules", "service_accounts");
        config.put("transforms.filter.rules.service_accounts.table", "public.users");
        // users has REPLICA IDENTITY FULL: a delete's before holds the login too
        config.put("transforms.filter.rules.service_accounts.condition",
                "{{ ((after if after is not none else before).login | regex_search('(?i)^svc_')) is not none }}");
        config.put("transforms.filter.rules.service_accounts.action", "ignore");

        config.put("transforms.map.type", "io.hermesconnect.transforms.JinjaMapping");
        config.put("transforms.map.predicate", "isUsers");
        config.put("transforms.map.attrs", "full_name,login,ldap_password_hash");
        config.put("transforms.map.attrs.full_name.template", "{{ first_name }} {{ last_name }}");
        config.put("transforms.map.attrs.login.template", "{{ login | lower }}");
        config.put("transforms.map.attrs.ldap_password_hash.template", "{{ password | ldap_password_hash('SSHA') }}");
        config.put("transforms.map.attrs.ldap_password_hash.secret", "true");
        config.put("transforms.map.drop", "password");

        config.put("transforms.flagRename.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        config.put("transforms.flagRename.predicate", "isRenamed");
        config.put("transforms.flagRename.static.field", "renamed");
        config.put("transforms.flagRename.static.value", "yes");

        config.put("transforms.routeDeletes.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.routeDeletes.predicate", "isDelete");
        config.put("transforms.routeDeletes.regex", db.prefix + "\\.public\\.(.*)");
        config.put("transforms.routeDeletes.replacement", db.prefix + ".deletes.$1");

        config.put("predicates", "isUsers,isRenamed,isDelete");
        config.put("predicates.isUsers.type", "io.hermesconnect.transforms.predicates.TableMatches");
        config.put("predicates.isUsers.table", "public.users");
        config.put("predicates.isRenamed.type", "io.hermesconnect.transforms.predicates.ExpressionIs");
        config.put("predicates.isRenamed.expression",
                "{{ table == 'public.users' and op == 'u' and before.last_name != after.last_name }}");
        config.put("predicates.isDelete.type", "io.hermesconnect.transforms.predicates.OperationIs");
        config.put("predicates.isDelete.operations", "d");
        return config;
    }

    // ===== what reached Kafka =====

    private static void checkUsersTopic(TopicReader users) {
        List<ConsumerRecord<byte[], byte[]>> records = users.records();
        assertThat(records.stream().map(r -> describe(users, r)).toList())
                .as("users topic: Ada's snapshot, Grace created, Ada renamed, Grace's password, the tombstones of "
                        + "Grace (her delete was routed) and of svc account 4 (tombstones never reach Filter's rules), "
                        + "Alan created; no event of the service accounts 2 and 4")
                .containsExactly("r 1", "c 3", "u 1", "u 3", "tombstone 3", "tombstone 4", "c 5");

        Struct adaRead = value(users, records.get(0));
        assertThat(adaRead.getStruct("before")).isNull();
        assertUser(adaRead.getStruct("after"), 1, "Ada", "Lovelace", "alovelace", "analytical");

        Struct graceCreated = value(users, records.get(1));
        assertThat(graceCreated.getStruct("before")).isNull();
        assertUser(graceCreated.getStruct("after"), 3, "Grace", "Hopper", "ghopper", "cobol");

        Struct adaRenamed = value(users, records.get(2));
        assertUser(adaRenamed.getStruct("before"), 1, "Ada", "Lovelace", "alovelace", "analytical");
        assertUser(adaRenamed.getStruct("after"), 1, "Ada", "King", "ada.king", "analytical");
        assertThat(adaRenamed.getString("renamed")).as("InsertField gated by ExpressionIs on a rename").isEqualTo("yes");

        Struct gracePassword = value(users, records.get(3));
        assertUser(gracePassword.getStruct("before"), 3, "Grace", "Hopper", "ghopper", "cobol");
        assertUser(gracePassword.getStruct("after"), 3, "Grace", "Hopper", "ghopper", "hopper2");

        Struct alanCreated = value(users, records.get(6));
        assertThat(alanCreated.getStruct("before")).isNull();
        assertUser(alanCreated.getStruct("after"), 5, "Alan", "Turing", "aturing", "enigma");

        for (Struct event : List.of(adaRead, graceCreated, gracePassword, alanCreated)) {
            assertThat(event.schema().field("renamed")).as("renamed flag on %s", event.getString("op")).isNull();
        }
        for (Struct event : List.of(adaRead, graceCreated, adaRenamed, gracePassword, alanCreated)) {
            assertSource(event, "users");
        }
    }

    private static void checkDeletesTopic(TopicReader deletes) {
        List<ConsumerRecord<byte[], byte[]>> records = deletes.records();
        assertThat(records).as("deletes routed by RegexRouter gated by OperationIs d (not svc account 4's)").hasSize(1);
        assertThat(records.get(0).topic()).endsWith(".deletes.users");
        assertThat(id(deletes.key(records.get(0)).value())).isEqualTo(3);
        Struct graceDeleted = value(deletes, records.get(0));
        assertThat(graceDeleted.getString("op")).isEqualTo("d");
        assertThat(graceDeleted.getStruct("after")).isNull();
        assertUser(graceDeleted.getStruct("before"), 3, "Grace", "Hopper", "ghopper", "hopper2");
        assertThat(graceDeleted.schema().field("renamed")).isNull();
        assertSource(graceDeleted, "users");
    }

    private static void checkGroupsTopic(TopicReader groups) {
        List<ConsumerRecord<byte[], byte[]>> records = groups.records();
        assertThat(records.stream().map(r -> describe(groups, r)).toList()).containsExactly("r 1", "c 2");
        String[] names = {"admins", "auditors"};
        for (int i = 0; i < 2; i++) {
            Struct event = value(groups, records.get(i));
            Struct group = event.getStruct("after");
            assertThat(fieldNames(group.schema())).as("groups row: JinjaMapping is gated by TableMatches public.users")
                    .containsExactly("id", "name");
            assertThat(group.getInt32("id")).isEqualTo(i + 1);
            assertThat(group.getString("name")).isEqualTo(names[i]);
            assertThat(event.schema().field("renamed")).isNull();
            assertSource(event, "groups");
        }
    }

    /** A users row after JinjaMapping: the password dropped, the computed attributes in their place. */
    private static void assertUser(Struct row, int id, String first, String last, String login, String password) {
        assertThat(row).as("users row %s", id).isNotNull();
        assertThat(fieldNames(row.schema())).as("fields of users row %s", id)
                .containsExactly("id", "first_name", "last_name", "login", "full_name", "ldap_password_hash");
        assertThat(row.getInt32("id")).isEqualTo(id);
        assertThat(row.getString("first_name")).isEqualTo(first);
        assertThat(row.getString("last_name")).isEqualTo(last);
        assertThat(row.getString("login")).as("login of %s, lower-cased", id).isEqualTo(login);
        assertThat(row.getString("full_name")).isEqualTo(first + " " + last);
        assertSsha(row.getString("ldap_password_hash"), password);
        assertThat(row.schema().field("ldap_password_hash").schema().parameters())
                .as("schema parameters of ldap_password_hash").containsEntry("hermes.secret", "true");
        for (String plain : List.of("login", "full_name")) {
            Map<String, String> parameters = row.schema().field(plain).schema().parameters();
            assertThat(parameters == null ? null : parameters.get("hermes.secret")).as("%s is not secret", plain).isNull();
        }
    }

    /** {@code {SSHA}base64(SHA-1(password + salt) + salt)} with an 8-byte salt, as OpenLDAP stores it. */
    private static void assertSsha(String hash, String password) {
        assertThat(hash).as("ldap_password_hash").matches("\\{SSHA\\}[A-Za-z0-9+/]+={0,2}");
        byte[] digestAndSalt = Base64.getDecoder().decode(hash.substring("{SSHA}".length()));
        assertThat(digestAndSalt).hasSize(20 + 8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(digestAndSalt, 20, 8);
            assertThat(Arrays.copyOf(digestAndSalt, 20)).as("SSHA digest of the password with the hash's salt")
                    .isEqualTo(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSource(Struct event, String table) {
        Struct source = event.getStruct("source");
        assertThat(source.getString("connector")).isEqualTo("wal");
        assertThat(source.getString("schema")).isEqualTo("public");
        assertThat(source.getString("table")).isEqualTo(table);
    }

    /** "op id" for a change event, "tombstone id" for a tombstone. */
    private static String describe(TopicReader reader, ConsumerRecord<byte[], byte[]> record) {
        int id = id(reader.key(record).value());
        if (record.value() == null) {
            return "tombstone " + id;
        }
        Struct value = value(reader, record);
        String login = loginOf(value.getStruct("after"));
        if (login == null) {
            login = loginOf(value.getStruct("before"));
        }
        assertThat(login == null ? "" : login.toLowerCase(Locale.ROOT)).as("login in a record").doesNotStartWith("svc_");
        return value.getString("op") + " " + id;
    }

    private static String loginOf(Struct row) {
        return row == null || row.schema().field("login") == null ? null : row.getString("login");
    }

    private static int id(Object key) {
        return ((Struct) key).getInt32("id");
    }

    private static Struct value(TopicReader reader, ConsumerRecord<byte[], byte[]> record) {
        return (Struct) reader.value(record).value();
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).toList();
    }

    private static List<String> errors(JsonNode validation, String key) {
        for (JsonNode config : validation.path("configs")) {
            JsonNode value = config.path("value");
            if (key.equals(value.path("name").asText())) {
                List<String> errors = new ArrayList<>();
                value.path("errors").forEach(error -> errors.add(error.asText()));
                return errors;
            }
        }
        throw new AssertionError("no key " + key + " in " + validation.toPrettyString());
    }

    /**
     * One test's database on the shared PostgreSQL, read by its own role (LOGIN REPLICATION, owner of the database
     * and its tables, no superuser), with unique names for role, database, slot, publication and topic prefix.
     * Closing it deletes the connector if it was started, drops the slot, the database (publication included) and
     * the role, so tests sharing the server see nothing of it.
     */
    private static final class UsersDatabase implements AutoCloseable {

        final String name = UniqueNames.of("zipdb");
        final String role = UniqueNames.of("zipcdc");
        final String prefix = UniqueNames.of("ziptx");
        private boolean connectorCreated;

        static UsersDatabase create() {
            UsersDatabase db = new UsersDatabase();
            try {
                pg.execute("CREATE ROLE " + db.role + " LOGIN REPLICATION PASSWORD '" + ROLE_PASSWORD + "'",
                        "CREATE DATABASE " + db.name + " OWNER " + db.role);
                pg.executeIn(db.name, "SET ROLE " + db.role,
                        "CREATE TABLE users (id int PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL, "
                                + "login text NOT NULL, password text)",
                        "ALTER TABLE users REPLICA IDENTITY FULL",
                        "CREATE TABLE audit_log (id serial PRIMARY KEY, user_id int NOT NULL, action text NOT NULL)",
                        "CREATE TABLE groups (id int PRIMARY KEY, name text NOT NULL)");
                return db;
            } catch (RuntimeException | Error e) {
                db.close();
                throw e;
            }
        }

        void sql(String... statements) {
            pg.executeIn(name, statements);
        }

        String topic(String table) {
            return prefix + ".public." + table;
        }

        String deletesTopic() {
            return prefix + ".deletes.users";
        }

        /** Creates the connector and waits until its task streams from the slot, after the snapshot. */
        void startConnector(Map<String, String> config) {
            connectorCreated = true;
            zip.rest().createConnector(prefix, config);
            zip.rest().awaitRunning(prefix, 1, TIMEOUT);
            Wait.until("connector " + prefix + " streaming from slot " + prefix, TIMEOUT,
                    () -> "true".equals(slotActive()));
        }

        private String slotActive() {
            return pg.queryString("postgres", "SELECT active::text FROM pg_replication_slots WHERE slot_name = '"
                    + prefix + "'");
        }

        @Override
        public void close() {
            if (connectorCreated) {
                zip.rest().request("DELETE", "connectors/" + prefix, null);
                Wait.until("slot " + prefix + " released", TIMEOUT, () -> !"true".equals(slotActive()));
                pg.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                        + prefix + "'");
            }
            pg.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role);
        }
    }
}
