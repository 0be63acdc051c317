package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.EventOutcome;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetCall;
import io.hermesconnect.common.sink.TrashbinTarget;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.http.client.HttpSender;
import io.hermesconnect.sink.http.config.WebServiceSinkConfig;
import io.hermesconnect.sink.http.metrics.WebServiceSinkMetrics;
import io.hermesconnect.sink.http.request.HttpOperation;
import io.hermesconnect.sink.http.request.KindRequests;
import io.hermesconnect.sink.http.request.RenderedRequest;
import io.hermesconnect.sink.http.request.RequestTemplate;
import io.hermesconnect.sink.http.request.RequestVariables;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Applies change events to a web service: each event is sent to every kind it feeds ({@code kinds.<K>.sources} and
 * {@code topics}), one step per kind in declaration order, so that a retry resumes at the kind that failed. Added
 * objects send the kind's create request (recycle, if the object is in the trash and the kind has one), modified
 * objects its update request, removed ones its delete request, or its trash request with the trashbin on.
 *
 * <p>The sink core hands the target runs of events ({@link #applyAll}), which a {@link RequestDispatcher} sends with
 * up to {@code max.in.flight.requests} requests in flight and in batch requests; the single operations are runs of
 * one. A web service cannot be asked what lies in its trash, so this target remembers what it trashed
 * ({@link TrashLedger}).
 */
public final class WebServiceTarget implements TrashbinTarget {

    private final List<KindRequests> kinds;
    private final String baseUrl;
    private final HttpSender sender;
    private final WebServiceSinkMetrics metrics;
    private final Clock clock;
    private final TrashLedger trash;
    private final RequestDispatcher dispatcher;

    /**
     * @param metrics the sender's metrics, closed with the target
     * @param trash what the target trashed, closed with the target
     */
    public WebServiceTarget(List<KindRequests> kinds, String baseUrl, HttpSender sender, WebServiceSinkMetrics metrics,
            Clock clock, TrashLedger trash, int maxInFlight, int batchMaxSize) {
        this.kinds = List.copyOf(kinds);
        this.baseUrl = baseUrl;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        this.trash = trash;
        this.dispatcher = new RequestDispatcher(this, maxInFlight, batchMaxSize);
    }

    /**
     * The target a task opens from its config, with its own HTTP client; closing it closes {@code metrics} and
     * {@code trash}.
     */
    public static WebServiceTarget open(WebServiceSinkConfig config, WebServiceSinkMetrics metrics, TrashLedger trash) {
        HttpClient client = config.httpClient();
        HttpSender sender = new HttpSender(client, config.credentials(client), config.retryPolicy(), config.requestTimeout(),
                config.statusOutcomes(), metrics);
        return new WebServiceTarget(config.kinds(), config.baseUrl(), sender, metrics, Clock.systemUTC(), trash,
                config.maxInFlightRequests(), config.batchMaxSize());
    }

    /**
     * Unregisters the metrics and closes the trash ledger; the JDK's HTTP client releases its connections when it is
     * no longer referenced.
     */
    @Override
    public void close() {
        try (TrashLedger closing = trash) {
            metrics.close();
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        trash.open(partitions);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        trash.close(partitions);
    }

    /** Sends the run through the dispatcher, then makes what it changed in the trash ledger durable. */
    @Override
    public List<EventOutcome> applyAll(List<TargetCall> calls) {
        List<EventOutcome> outcomes = dispatcher.dispatch(calls);
        trash.flush();
        return outcomes;
    }

    @Override
    public void add(SinkEvent event, StepProgress progress) {
        applyOne(new TargetCall(event, progress));
    }

    @Override
    public void modify(SinkEvent event, StepProgress progress) {
        applyOne(new TargetCall(event, progress));
    }

    @Override
    public void remove(SinkEvent event, StepProgress progress) {
        applyOne(new TargetCall(event, progress));
    }

    @Override
    public void trash(SinkEvent event, StepProgress progress) {
        applyOne(new TargetCall(event, progress, true));
    }

    @Override
    public List<TrashedObject> trashedBefore(Instant cutoff) {
        return trash.before(cutoff);
    }

    /** Sends the delete request of the event that trashed the object. */
    @Override
    public void purge(TrashedObject object) {
        SinkEvent trashEvent = trash.trashEvent(object.object());
        if (trashEvent != null) {
            applyOne(new TargetCall(trashEvent, new StepProgress()));
        }
    }

    /** A run of one call, its failure thrown as the single operations do. */
    private void applyOne(TargetCall call) {
        EventOutcome outcome = applyAll(List.of(call)).get(0);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
    }

    /**
     * The request a call sends, decided once its object's earlier events are done: an add recycles an object in the
     * trash; a removal to the trash of an object already there sends nothing.
     */
    Optional<HttpOperation> operationOf(TargetCall call) {
        boolean inTrash = trash.contains(call.event().object());
        return switch (call.event().operation()) {
            case ADD -> Optional.of(inTrash ? HttpOperation.RECYCLE : HttpOperation.CREATE);
            case MODIFY -> Optional.of(HttpOperation.UPDATE);
            case REMOVE -> !call.trash() ? Optional.of(HttpOperation.DELETE)
                    : inTrash ? Optional.empty() : Optional.of(HttpOperation.TRASH);
        };
    }

    /** Records in the trash ledger what a call's requests, all done, changed in the service's trash. */
    void applied(TargetCall call, HttpOperation operation) {
        switch (operation) {
            case TRASH -> trash.trashed(call.event(), clock.instant());
            case CREATE, RECYCLE, DELETE -> trash.forget(call.event().object());
            case UPDATE -> {
            }
        }
    }

    /** The kinds an event feeds, in declaration order. */
    List<KindRequests> kindsOf(SinkEvent event) {
        return kinds.stream().filter(kind -> kind.feeds(event)).toList();
    }

    /** The request an event sends with the trashbin off. */
    static HttpOperation operation(SinkEvent event) {
        return switch (event.operation()) {
            case ADD -> HttpOperation.CREATE;
            case MODIFY -> HttpOperation.UPDATE;
            case REMOVE -> HttpOperation.DELETE;
        };
    }

    /**
     * Sends one event's request to one kind: trash and recycle fall back to delete and create for a kind without
     * such a request, and the 404 / 409 settings of deletes apply to trash requests too.
     */
    CompletableFuture<Void> send(KindRequests kind, HttpOperation operation, SinkEvent event) {
        HttpOperation sent = kind.request(operation).isPresent() ? operation
                : operation == HttpOperation.TRASH ? HttpOperation.DELETE : HttpOperation.CREATE;
        RequestTemplate template = kind.request(sent).orElseThrow();
        try {
            RenderedRequest request = template.render(baseUrl, RequestVariables.of(event));
            return sender.send(request, sent == HttpOperation.DELETE || sent == HttpOperation.TRASH);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Sends events of one kind, of distinct objects, in one batch request. */
    CompletableFuture<Void> sendBatch(KindRequests kind, List<SinkEvent> events) {
        try {
            RenderedRequest request = kind.batch().render(baseUrl, RequestVariables.ofBatch(events));
            return sender.send(request, false);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
