package io.hermesconnect.sink.http.config;

import io.hermesconnect.common.config.ConfigDocs;
import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.common.config.UniqueNames;
import io.hermesconnect.sink.http.client.Credentials;
import io.hermesconnect.sink.http.client.OAuth2ClientCredentials;
import io.hermesconnect.sink.http.client.RetryPolicy;
import io.hermesconnect.sink.http.client.StatusOutcomes;
import io.hermesconnect.sink.http.client.StatusSet;
import io.hermesconnect.sink.http.request.KeyedTemplate;
import io.hermesconnect.sink.http.request.KindRequests;
import io.hermesconnect.sink.http.request.RequestVariables;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The configuration of the HTTP sink's requests. {@link #CONFIG_DEF} holds the connector-level keys; each name listed
 * in {@code kinds} gets the keys {@code kinds.<K>.*} ({@link #nestedDefinitions()}), parsed into its
 * {@link KindRequests} when the config is built, every template compiled once. {@link #validate} reports every
 * problem on its key, then checks the stores and the OAuth2 token endpoint live.
 */
public final class WebServiceSinkConfig extends PluginConfig {

    public static final String BASE_URL = "base.url";
    public static final String KINDS = "kinds";
    /** The open family of headers every request sends: {@code headers.<Name>}. */
    public static final String HEADERS = "headers.";
    public static final String SUCCESS_STATUSES = "success.statuses";
    public static final String DELETE_NOT_FOUND_IS_SUCCESS = "delete.not.found.is.success";
    public static final String DELETE_CONFLICT_IS_SUCCESS = "delete.conflict.is.success";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
    public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
    public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String RETRY_BACKOFF_JITTER = "retry.backoff.jitter";
    public static final String MAX_IN_FLIGHT_REQUESTS = "max.in.flight.requests";
    public static final String BATCH_MAX_SIZE = "batch.max.size";
    public static final String TRASHBIN_TOPIC = "trashbin.topic";
    /** What follows the connector's name in the default {@link #TRASHBIN_TOPIC}. */
    public static final String TRASHBIN_TOPIC_SUFFIX = ".trash";
    static final String AUTH_PREFIX = "auth.";
    public static final String AUTH_TYPE = "auth.type";
    public static final String AUTH_BASIC_USERNAME = "auth.basic.username";
    public static final String AUTH_BASIC_PASSWORD = "auth.basic.password";
    public static final String AUTH_BEARER_TOKEN = "auth.bearer.token";
    public static final String AUTH_OAUTH2_TOKEN_URL = "auth.oauth2.token.url";
    public static final String AUTH_OAUTH2_CLIENT_ID = "auth.oauth2.client.id";
    public static final String AUTH_OAUTH2_CLIENT_SECRET = "auth.oauth2.client.secret";
    public static final String AUTH_OAUTH2_SCOPE = "auth.oauth2.scope";
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "ssl.key.password";
    public static final String PROXY_HOST = "proxy.host";
    public static final String PROXY_PORT = "proxy.port";

    /** How long {@link #validate} waits for the OAuth2 token endpoint. */
    static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(30);

    static final EnumChoice<AuthType> AUTH_TYPES = EnumChoice.of(AuthType.class);

    /** The keys of each auth type; an auth key of another type than the one chosen is an error. */
    private static final Map<AuthType, List<String>> AUTH_KEYS = Map.of(
            AuthType.NONE, List.of(),
            AuthType.BASIC, List.of(AUTH_BASIC_USERNAME, AUTH_BASIC_PASSWORD),
            AuthType.BEARER, List.of(AUTH_BEARER_TOKEN),
            AuthType.OAUTH2, List.of(AUTH_OAUTH2_TOKEN_URL, AUTH_OAUTH2_CLIENT_ID, AUTH_OAUTH2_CLIENT_SECRET, AUTH_OAUTH2_SCOPE));
    /** Keys of an auth type that may stay unset. */
    private static final List<String> OPTIONAL_AUTH_KEYS = List.of(AUTH_OAUTH2_SCOPE);

    public static final ConfigDef CONFIG_DEF = define(new GroupedConfigDef()).configDef();

    private final List<KindRequests> kinds;

    /**
     * Parses the config and the keys of its kinds.
     *
     * @throws ConfigException naming the first key with a problem
     */
    public WebServiceSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        Config config = new Config(new ArrayList<>());
        checkAuthKeys(originalsStrings(), authType(), config);
        this.kinds = parseNested(originalsStrings(), getList(KINDS), config);
        for (ConfigValue value : config.configValues()) {
            if (!value.errorMessages().isEmpty()) {
                throw new ConfigException("Invalid configuration " + value.name() + ": " + value.errorMessages().get(0));
            }
        }
    }

    /**
     * Defines this sink's keys in {@code def}, after the keys already there (the sink core's), and returns it.
     */
    public static GroupedConfigDef define(GroupedConfigDef def) {
        def.group("Requests")
                .define(BASE_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new HttpUrl(), Importance.HIGH,
                        "The URL every request's path is appended to, e.g. https://api.example.com/v1.", Width.LONG, "Base URL")
                .define(KINDS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, UniqueNames.atLeastOne(), Importance.HIGH,
                        "The kinds of target objects. Each kind <K> is configured by kinds.<K>.* : which events feed it, "
                                + "its URL, and the method, URL, headers and body of each request (create, update, delete, "
                                + "trash, recycle, batch).", Width.LONG, "Kinds")
                .define(SUCCESS_STATUSES, Type.LIST, "200-299", new StatusList(), Importance.MEDIUM,
                        "The statuses that mean a request succeeded. Of the others, 5xx, 429 and 408 are retried, 401 makes "
                                + "the task back off (the credentials are refused), any other refuses the event: it is "
                                + "parked in the error queue with the status and the answer as reason.",
                        Width.MEDIUM, "Success statuses")
                .define(DELETE_NOT_FOUND_IS_SUCCESS, Type.BOOLEAN, true, null, Importance.MEDIUM,
                        "Whether a 404 to a delete means success: the object is gone already (idempotent deletes).",
                        Width.SHORT, "Delete: 404 is success")
                .define(DELETE_CONFLICT_IS_SUCCESS, Type.BOOLEAN, false, null, Importance.MEDIUM,
                        "Whether a 409 to a delete means success.", Width.SHORT, "Delete: 409 is success")
                .group("Timeouts and retries")
                .define(CONNECT_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.MEDIUM,
                        "How long to wait for a connection to the server, in ms.", Width.SHORT, "Connect timeout (ms)")
                .define(REQUEST_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.MEDIUM,
                        "How long to wait for the answer to a request, in ms; then it is retried.", Width.SHORT, "Request timeout (ms)")
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 5, Range.atLeast(1), Importance.MEDIUM,
                        "How many times a request is sent, the first included, while it is answered 5xx, 429 or 408, times "
                                + "out or cannot connect; then the task backs off through Connect, which delivers the "
                                + "events again: nothing is lost.", Width.SHORT, "Retry attempts")
                .define(RETRY_BACKOFF_INITIAL_MS, Type.LONG, 200L, Range.atLeast(0), Importance.LOW,
                        "The wait before the first retry, in ms; it doubles with each retry.", Width.SHORT, "Initial backoff (ms)")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                        "The longest wait between two attempts, in ms. A Retry-After (seconds or HTTP-date) is honoured up "
                                + "to it; a longer one ends the attempts at once.", Width.SHORT, "Max backoff (ms)")
                .define(RETRY_BACKOFF_JITTER, Type.DOUBLE, 0.2, Range.between(0, 1), Importance.LOW,
                        "Each wait is shortened by a random part of up to this fraction, so that tasks do not retry together.",
                        Width.SHORT, "Backoff jitter")
                .group("Throughput")
                .define(MAX_IN_FLIGHT_REQUESTS, Type.INT, 1, Range.between(1, 256), Importance.MEDIUM,
                        "How many requests a task has in flight at most; one object's requests are never in flight together, "
                                + "so each object's changes arrive in order.", Width.SHORT, "Max in-flight requests")
                .define(BATCH_MAX_SIZE, Type.INT, 1, Range.between(1, 10_000), Importance.MEDIUM,
                        "The most events of one kind sent in one batch request, for the kinds that set kinds.<K>.batch.url; "
                                + "a batch never holds two events of one object.", Width.SHORT, "Batch size")
                .group("Authentication")
                .define(AUTH_TYPE, Type.STRING, EnumChoice.nameOf(AuthType.NONE), AUTH_TYPES, Importance.HIGH,
                        "How requests authenticate: none; basic (auth.basic.*); bearer (auth.bearer.token); oauth2, a token "
                                + "from auth.oauth2.token.url by the client credentials grant, cached and fetched again "
                                + "before it expires or when a request is answered 401.", Width.SHORT, "Authentication", AUTH_TYPES)
                .define(AUTH_BASIC_USERNAME, Type.STRING, null, null, Importance.HIGH,
                        "The user name of HTTP Basic authentication.", Width.MEDIUM, "Basic user name")
                .define(AUTH_BASIC_PASSWORD, Type.PASSWORD, null, null, Importance.HIGH,
                        "The password of HTTP Basic authentication.", Width.MEDIUM, "Basic password")
                .define(AUTH_BEARER_TOKEN, Type.PASSWORD, null, null, Importance.HIGH,
                        "The bearer token every request sends.", Width.LONG, "Bearer token")
                .define(AUTH_OAUTH2_TOKEN_URL, Type.STRING, null, new HttpUrl(), Importance.HIGH,
                        "The OAuth2 token endpoint.", Width.LONG, "OAuth2 token URL")
                .define(AUTH_OAUTH2_CLIENT_ID, Type.STRING, null, null, Importance.HIGH,
                        "The OAuth2 client id.", Width.MEDIUM, "OAuth2 client id")
                .define(AUTH_OAUTH2_CLIENT_SECRET, Type.PASSWORD, null, null, Importance.HIGH,
                        "The OAuth2 client secret.", Width.MEDIUM, "OAuth2 client secret")
                .define(AUTH_OAUTH2_SCOPE, Type.STRING, null, null, Importance.MEDIUM,
                        "The scope to ask the token for, space-separated; unset: the endpoint's default.", Width.MEDIUM, "OAuth2 scope")
                .group("TLS")
                .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, null, Importance.MEDIUM,
                        "The trust store of the server certificates to trust; unset: the JVM's default trust.", Width.LONG, "Trust store")
                .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, null, Importance.MEDIUM,
                        "The trust store's password.", Width.MEDIUM, "Trust store password")
                .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "PKCS12", null, Importance.LOW,
                        "The trust store's type, PKCS12 or JKS.", Width.SHORT, "Trust store type")
                .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, null, Importance.MEDIUM,
                        "The key store with the client certificate and key, for servers that require one (mutual TLS).",
                        Width.LONG, "Key store")
                .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, null, Importance.MEDIUM,
                        "The key store's password.", Width.MEDIUM, "Key store password")
                .define(SSL_KEYSTORE_TYPE, Type.STRING, "PKCS12", null, Importance.LOW,
                        "The key store's type, PKCS12 or JKS.", Width.SHORT, "Key store type")
                .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, null, Importance.LOW,
                        "The password of the client key, if not the key store's.", Width.MEDIUM, "Key password")
                .group("Proxy")
                .define(PROXY_HOST, Type.STRING, null, null, Importance.LOW,
                        "The HTTP proxy every request goes through; unset: none.", Width.MEDIUM, "Proxy host")
                .define(PROXY_PORT, Type.INT, 3128, Range.between(1, 65535), Importance.LOW,
                        "The proxy's port.", Width.SHORT, "Proxy port")
                .group("Trashbin")
                .define(TRASHBIN_TOPIC, Type.STRING, null, null, Importance.LOW,
                        "With the trashbin on, the compacted topic that keeps which objects the sink trashed (a web service "
                                + "cannot be asked), one record per object in the trash, so that a restarted task or one on "
                                + "another worker still recycles and purges them; unset: the connector's name followed by "
                                + TRASHBIN_TOPIC_SUFFIX + ". Reached, created and replicated as the parked-event topic "
                                + "(errors.queue.kafka.*, errors.queue.topic.replication.factor); it holds the removals' "
                                + "records, so protect it as the source topics.", Width.MEDIUM, "Trash topic");
        return def;
    }

    /**
     * Validates these keys alone: every key's value, then {@link #validate(Config, Map)}.
     */
    public static Config validate(Map<String, String> props) {
        Config config = new Config(new ArrayList<>(CONFIG_DEF.validateAll(props).values()));
        validate(config, props);
        return config;
    }

    /**
     * {@code Connector.validate()}'s part for these keys, after the field validation of every key: the keys of the
     * kinds and the auth rules, then (when all that is right) the trust and key stores and the OAuth2 token endpoint;
     * each problem on the key the user must change.
     */
    public static void validate(Config config, Map<String, String> props) {
        if (ConfigValidation.allValid(config, AUTH_TYPE)) {
            checkAuthKeys(props, AUTH_TYPES.parse((String) ConfigValidation.find(config, AUTH_TYPE).orElseThrow().value()), config);
        }
        if (ConfigValidation.allValid(config, KINDS)) {
            @SuppressWarnings("unchecked")
            List<String> kinds = (List<String>) ConfigValidation.find(config, KINDS).orElseThrow().value();
            parseNested(props, kinds, config);
        }
        if (!ConfigValidation.hasErrors(config)) {
            LiveChecks.run(new WebServiceSinkConfig(props), config, LIVE_CHECK_TIMEOUT);
        }
    }

    private static List<KindRequests> parseNested(Map<String, String> props, List<String> kinds, Config config) {
        TemplateKeys templates = new TemplateKeys(config);
        Map<String, KeyedTemplate> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        new TreeMap<>(props).forEach((key, source) -> {
            if (key.startsWith(HEADERS) && key.length() > HEADERS.length()) {
                String name = key.substring(HEADERS.length());
                KeyedTemplate header = templates.checkHeaderName(key, name)
                        ? templates.compile(key, source, RequestVariables.EVENT_NAMES) : null;
                if (header != null) {
                    headers.put(name, header);
                }
            }
        });
        return new KindParser(config, headers).parse(props, kinds);
    }

    /** Auth keys: no unknown one, none of another auth type, every required one of the chosen type. */
    private static void checkAuthKeys(Map<String, String> props, AuthType type, Config config) {
        List<String> known = AUTH_KEYS.values().stream().flatMap(List::stream).toList();
        for (String key : new TreeMap<>(props).keySet()) {
            if (!key.startsWith(AUTH_PREFIX) || key.equals(AUTH_TYPE) || props.get(key) == null) {
                continue;
            }
            if (!known.contains(key)) {
                ConfigValidation.addError(config, key, "Unknown auth setting; the auth settings are " + AUTH_TYPE + " and "
                        + known.stream().sorted().toList());
            } else if (!AUTH_KEYS.get(type).contains(key)) {
                ConfigValidation.addError(config, key, "Applies to another auth.type than " + EnumChoice.nameOf(type)
                        + ": remove it or change " + AUTH_TYPE);
            }
        }
        for (String key : AUTH_KEYS.get(type)) {
            String value = props.get(key);
            if (!OPTIONAL_AUTH_KEYS.contains(key) && (value == null || value.isBlank())) {
                ConfigValidation.addError(config, key, "Required with " + AUTH_TYPE + "=" + EnumChoice.nameOf(type));
            }
        }
    }

    /** The definitions of the nested keys, under placeholder names, for the reference docs and their lint. */
    public static Map<String, ConfigDef> nestedDefinitions() {
        return Map.of("kinds.<K>.*", KindConfigs.definition(KindConfigs.prefix("<K>")));
    }

    /**
     * The Markdown reference of the connector-level keys and of the nested keys, under level-3 headings, for the guide
     * (a test checks it is current).
     */
    public static String reference() {
        return ConfigDocs.markdown("Connector keys", CONFIG_DEF).replaceAll("(?m)^#", "###") + '\n'
                + ConfigDocs.nestedMarkdown(nestedDefinitions());
    }

    /** The kinds of target objects, in declaration order. */
    public List<KindRequests> kinds() {
        return kinds;
    }

    /** The base URL without a trailing slash: the rendered paths start with one. */
    public String baseUrl() {
        String url = getString(BASE_URL).trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(getInt(RETRY_MAX_ATTEMPTS), Duration.ofMillis(getLong(RETRY_BACKOFF_INITIAL_MS)),
                Duration.ofMillis(Math.max(getLong(RETRY_BACKOFF_MAX_MS), getLong(RETRY_BACKOFF_INITIAL_MS))),
                getDouble(RETRY_BACKOFF_JITTER));
    }

    public StatusOutcomes statusOutcomes() {
        return new StatusOutcomes(StatusSet.parse(getList(SUCCESS_STATUSES)), getBoolean(DELETE_NOT_FOUND_IS_SUCCESS),
                getBoolean(DELETE_CONFLICT_IS_SUCCESS));
    }

    public int maxInFlightRequests() {
        return getInt(MAX_IN_FLIGHT_REQUESTS);
    }

    public int batchMaxSize() {
        return getInt(BATCH_MAX_SIZE);
    }

    /** The configured trash topic, or null for the default, named after the connector. */
    public String trashbinTopic() {
        String topic = getString(TRASHBIN_TOPIC);
        return topic == null || topic.isBlank() ? null : topic;
    }

    public AuthType authType() {
        return getEnum(AUTH_TYPE, AUTH_TYPES);
    }

    /**
     * The HTTP client: connect timeout, TLS stores and proxy.
     *
     * @throws ConfigException naming the key of a store that cannot be read
     */
    public HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(getLong(CONNECT_TIMEOUT_MS)));
        SSLContext tls = TlsStores.context(this);
        if (tls != null) {
            builder.sslContext(tls);
        }
        String proxyHost = getString(PROXY_HOST);
        if (proxyHost != null && !proxyHost.isBlank()) {
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxyHost.trim(), getInt(PROXY_PORT))));
        }
        return builder.build();
    }

    /** What requests authenticate with; an OAuth2 token is fetched through {@code client} when first needed. */
    public Credentials credentials(HttpClient client) {
        return switch (authType()) {
            case NONE -> Credentials.NONE;
            case BASIC -> Credentials.basic(getString(AUTH_BASIC_USERNAME), getPassword(AUTH_BASIC_PASSWORD));
            case BEARER -> Credentials.bearer(getPassword(AUTH_BEARER_TOKEN));
            case OAUTH2 -> new OAuth2ClientCredentials(client, URI.create(getString(AUTH_OAUTH2_TOKEN_URL).trim()),
                    getString(AUTH_OAUTH2_CLIENT_ID), getPassword(AUTH_OAUTH2_CLIENT_SECRET), getString(AUTH_OAUTH2_SCOPE),
                    requestTimeout(), Clock.systemUTC());
        };
    }
}
