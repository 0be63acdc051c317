package io.hermesconnect.sink.http.config;

import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.JinjaTemplateValidator;
import io.hermesconnect.sink.http.request.HttpOperation;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The keys of one kind of object, {@code kinds.<K>.*}. */
final class KindConfigs {

    static final String SOURCES = "sources";
    static final String TOPICS = "topics";
    static final String URL = "url";
    static final String METHOD = "method";
    static final String BODY = "body";
    /** The open family of a request's headers: {@code <request>.headers.<Name>}. */
    static final String HEADERS = "headers.";
    /** The request of a batch, configured like an operation's. */
    static final String BATCH = "batch";

    static final String VARIABLES_DOC = "A Jinja template over key, before, after, source, op and changed (the attributes "
            + "of after that differ from before).";

    private KindConfigs() {
    }

    /** {@code kinds.<K>.} */
    static String prefix(String kind) {
        return WebServiceSinkConfig.KINDS + "." + kind + ".";
    }

    /** The definition of one kind's keys under {@code prefix} ({@code kinds.<K>.}, or a placeholder for the docs). */
    static ConfigDef definition(String prefix) {
        GroupedConfigDef.Group kind = new GroupedConfigDef()
                .group("Kind")
                .define(prefix + SOURCES, Type.LIST, "", ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.HIGH,
                        "The event kinds that feed this kind: tables as <schema>.<table> or types of the polling-diff source; "
                                + "empty: the kind's own name. Several kinds may be fed by one event kind.",
                        Width.LONG, "Event kinds")
                .define(prefix + TOPICS, Type.LIST, "", ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.MEDIUM,
                        "The topics whose events feed this kind; empty: every topic of the connector.", Width.LONG, "Topics")
                .define(prefix + URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new JinjaTemplateValidator(), Importance.HIGH,
                        "The path (and query) of the object's URL after base.url, for every operation that sets no url "
                                + "of its own, e.g. /users/{{ key.id }}. " + VARIABLES_DOC + " Values it inserts are "
                                + "percent-encoded, so each is one path segment or query value.", Width.LONG, "Object URL");
        defineRequest(kind, prefix, HttpOperation.CREATE.configName(), "PUT", "{{ after }}",
                "an added object (op c or r): make it equal to after");
        defineRequest(kind, prefix, HttpOperation.UPDATE.configName(), "PUT", "{{ after }}",
                "a modified object (op u): make it equal to after (a PATCH: body {{ changed }})");
        defineRequest(kind, prefix, HttpOperation.DELETE.configName(), "DELETE", null,
                "a removed object (op d, or a tombstone), and a trashed object purged");
        defineRequest(kind, prefix, HttpOperation.TRASH.configName(), null, null,
                "a removed object while the trashbin is on; unset: the kind has no trash");
        defineRequest(kind, prefix, HttpOperation.RECYCLE.configName(), null, "{{ after }}",
                "an object added again while it is in the trash");
        kind.group("Batch")
                .define(prefix + BATCH + "." + URL, Type.STRING, null, new JinjaTemplateValidator(), Importance.MEDIUM,
                        "The URL path of a batch request, which sends up to batch.max.size events of this kind at once; unset: "
                                + "one request per event. A Jinja template over events, the list of each event's variables "
                                + "(key, before, after, source, op, changed).", Width.LONG, "Batch URL")
                .define(prefix + BATCH + "." + METHOD, Type.STRING, "POST", new JinjaTemplateValidator(), Importance.MEDIUM,
                        "The method of a batch request; a template like batch.url.", Width.SHORT, "Batch method")
                .define(prefix + BATCH + "." + BODY, Type.STRING, "{{ events }}", new JinjaTemplateValidator(), Importance.MEDIUM,
                        "The body of a batch request, a template like batch.url; an expression whose value is a list, e.g. "
                                + "{{ events | map(attribute='after') | list }}, is sent as a JSON array.", Width.LONG, "Batch body");
        return kind.configDef();
    }

    private static void defineRequest(GroupedConfigDef.Group kind, String prefix, String operation, String method, String body,
                                      String what) {
        String display = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
        kind.group(display + " request")
                .define(prefix + operation + "." + METHOD, Type.STRING, method, new JinjaTemplateValidator(), Importance.MEDIUM,
                        "The HTTP method of the request for " + what + ". A Jinja template like url"
                                + (method == null ? "." : "; e.g. POST, or {{ 'PATCH' if before else 'PUT' }}."),
                        Width.SHORT, display + " method")
                .define(prefix + operation + "." + URL, Type.STRING, null, new JinjaTemplateValidator(), Importance.MEDIUM,
                        "The URL path of the request for " + what + "; unset: url.", Width.LONG, display + " URL")
                .define(prefix + operation + "." + BODY, Type.STRING, body, new JinjaTemplateValidator(), Importance.MEDIUM,
                        "The body of the request for " + what + ". " + VARIABLES_DOC + " A single expression whose value is "
                                + "not text ({{ after }}, {{ changed }}, a map literal) is sent as its JSON; any other template "
                                + "is sent as it renders (use | tojson for values in hand-written JSON). Empty: no body. Headers: "
                                + prefix + operation + ".headers.<Name> = a template like the body's.",
                        Width.LONG, display + " body");
    }
}
