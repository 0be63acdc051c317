package io.hermesconnect.sink.http.config;

import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.config.PrefixedConfigs;
import io.hermesconnect.sink.http.request.HttpOperation;
import io.hermesconnect.sink.http.request.KeyedTemplate;
import io.hermesconnect.sink.http.request.KindRequests;
import io.hermesconnect.sink.http.request.RequestTemplate;
import io.hermesconnect.sink.http.request.RequestVariables;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/** Parses the {@code kinds.<K>.*} keys of every declared kind into its requests, each problem reported on its key. */
final class KindParser {

    /** The value of a key the definition refused (reported already). */
    private static final Object INVALID = new Object();

    private final Config config;
    private final TemplateKeys templates;
    private final Map<String, KeyedTemplate> commonHeaders;

    /** @param commonHeaders the {@code headers.<Name>} templates every request sends, by header name */
    KindParser(Config config, Map<String, KeyedTemplate> commonHeaders) {
        this.config = config;
        this.templates = new TemplateKeys(config);
        this.commonHeaders = commonHeaders;
    }

    /** The requests of each kind without problems, in declaration order. */
    List<KindRequests> parse(Map<String, ?> originals, List<String> kinds) {
        PrefixedConfigs byKind = PrefixedConfigs.split(originals, WebServiceSinkConfig.KINDS, kinds);
        byKind.reportUndeclared(config);
        List<KindRequests> parsed = new ArrayList<>();
        byKind.all().forEach((kind, settings) -> {
            KindRequests requests = parseKind(kind, settings);
            if (requests != null) {
                parsed.add(requests);
            }
        });
        return parsed;
    }

    private KindRequests parseKind(String kind, Map<String, Object> settings) {
        String prefix = KindConfigs.prefix(kind);
        ConfigDef def = KindConfigs.definition(prefix);
        Map<String, String> defined = new LinkedHashMap<>();
        Map<String, Map<String, String>> headersByRequest = new TreeMap<>();
        int errorsBefore = errorCount();
        settings.forEach((relative, value) -> {
            String key = prefix + relative;
            String text = value == null ? null : value.toString();
            String request = headerRequest(relative);
            if (def.names().contains(key)) {
                defined.put(key, text);
            } else if (request != null) {
                String name = relative.substring(request.length() + 1 + KindConfigs.HEADERS.length());
                if (templates.checkHeaderName(key, name)) {
                    headersByRequest.computeIfAbsent(request, r -> new TreeMap<>()).put(name, text);
                }
            } else {
                ConfigValidation.addError(config, key, "Unknown setting; the settings of " + prefix + "* are "
                        + def.names().stream().map(name -> name.substring(prefix.length())).sorted().toList()
                        + " and <request>.headers.<Name> for a request among " + requestNames());
            }
        });
        // keys whose value is refused are left out, so that the others' templates are still checked and reported
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigValue value : def.validateAll(defined).values()) {
            value.errorMessages().forEach(message -> ConfigValidation.addError(config, value.name(), message));
            values.put(value.name(), value.errorMessages().isEmpty() ? value.value() : INVALID);
        }
        Map<HttpOperation, RequestTemplate> requests = new EnumMap<>(HttpOperation.class);
        for (HttpOperation operation : HttpOperation.values()) {
            RequestTemplate request = request(prefix, operation.configName(), operation.configName() + " of kind '" + kind + "'",
                    values, headersByRequest, RequestVariables.EVENT_NAMES);
            if (request != null) {
                requests.put(operation, request);
            }
        }
        RequestTemplate batch = values.get(prefix + KindConfigs.BATCH + "." + KindConfigs.URL) == null ? null
                : request(prefix, KindConfigs.BATCH, "batch of kind '" + kind + "'", values, headersByRequest, RequestVariables.BATCH_NAMES);
        if (errorCount() > errorsBefore) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> sources = (List<String>) values.get(prefix + KindConfigs.SOURCES);
        @SuppressWarnings("unchecked")
        List<String> topics = (List<String>) values.get(prefix + KindConfigs.TOPICS);
        return new KindRequests(kind, sources.isEmpty() ? Set.of(kind) : new HashSet<>(sources), new HashSet<>(topics), requests, batch);
    }

    /**
     * The request named {@code request} ({@code create}, {@code batch}…), or null when its method is unset (the kind
     * does not send it) or a template has a problem (reported).
     */
    private RequestTemplate request(String prefix, String request, String description, Map<String, Object> values,
                                    Map<String, Map<String, String>> headersByRequest, Set<String> variables) {
        String methodKey = prefix + request + "." + KindConfigs.METHOD;
        if (values.get(methodKey) == null) {
            return null;
        }
        String urlKey = values.get(prefix + request + "." + KindConfigs.URL) != null
                ? prefix + request + "." + KindConfigs.URL : prefix + KindConfigs.URL;
        String bodyKey = prefix + request + "." + KindConfigs.BODY;
        KeyedTemplate method = compile(methodKey, values, variables);
        KeyedTemplate url = compile(urlKey, values, variables);
        KeyedTemplate body = values.get(bodyKey) == null ? null : compile(bodyKey, values, variables);
        Map<String, KeyedTemplate> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        commonHeaders.forEach((name, template) -> {
            if (template.template().inputVariables().stream().allMatch(variables::contains)) {
                headers.put(name, template);
            }
        });
        headersByRequest.getOrDefault(request, Map.of()).forEach((name, source) -> {
            String key = prefix + request + "." + KindConfigs.HEADERS + name;
            KeyedTemplate header = templates.compile(key, source, variables);
            if (header != null) {
                headers.put(name, header);
            }
        });
        if (method == null || url == null || (values.get(bodyKey) != null && body == null)) {
            return null;
        }
        return new RequestTemplate(description, method, url, headers, body);
    }

    /** The template of a key, or null when its value was refused or the template has a problem (reported). */
    private KeyedTemplate compile(String key, Map<String, Object> values, Set<String> variables) {
        Object source = values.get(key);
        return source instanceof String text ? templates.compile(key, text, variables) : null;
    }

    /** The request whose header family {@code relative} is in ({@code create.headers.X-Id} gives create), or null. */
    private static String headerRequest(String relative) {
        for (String request : requestNames()) {
            String family = request + "." + KindConfigs.HEADERS;
            if (relative.startsWith(family) && relative.length() > family.length()) {
                return request;
            }
        }
        return null;
    }

    private static List<String> requestNames() {
        List<String> names = new ArrayList<>();
        for (HttpOperation operation : HttpOperation.values()) {
            names.add(operation.configName());
        }
        names.add(KindConfigs.BATCH);
        return names;
    }

    private int errorCount() {
        return config.configValues().stream().mapToInt(value -> value.errorMessages().size()).sum();
    }
}
