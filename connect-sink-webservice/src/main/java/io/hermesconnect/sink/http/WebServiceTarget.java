package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Applies change events to a web service: each event is sent to every kind it feeds ({@code kinds.<K>.sources} and
 * {@code topics}), one step per kind in declaration order, so that a retry resumes at the kind that failed. Added
 * objects send the kind's create request (recycle, if the object is in the trash and the kind has one), modified
 * objects its update request, removed ones its delete request, or its trash request with the trashbin on.
 *
 * <p>A web service cannot be asked what lies in its trash, so this target remembers what it trashed
 * ({@link TrashLedger}) in memory: a restarted task forgets it, and its objects are then not purged.
 *
 * <p>{@link RequestDispatcher} sends many events at once through {@link #send} and {@link #sendBatch}.
 */
public final class WebServiceTarget implements TrashbinTarget {

    private final List<KindRequests> kinds;
    private final String baseUrl;
    private final HttpSender sender;
    private final WebServiceSinkMetrics metrics;
    private final Clock clock;
    private final TrashLedger trash = new TrashLedger();

    /** @param metrics the sender's metrics, closed with the target */
    public WebServiceTarget(List<KindRequests> kinds, String baseUrl, HttpSender sender, WebServiceSinkMetrics metrics, Clock clock) {
        this.kinds = List.copyOf(kinds);
        this.baseUrl = baseUrl;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The target a task opens from its config, with its own HTTP client; closing it closes {@code metrics}. */
    public static WebServiceTarget open(WebServiceSinkConfig config, WebServiceSinkMetrics metrics) {
        HttpClient client = config.httpClient();
        HttpSender sender = new HttpSender(client, config.credentials(client), config.retryPolicy(), config.requestTimeout(),
                config.statusOutcomes(), metrics);
        return new WebServiceTarget(config.kinds(), config.baseUrl(), sender, metrics, Clock.systemUTC());
    }

    /** Unregisters the metrics; the JDK's HTTP client releases its connections when it is no longer referenced. */
    @Override
    public void close() {
        metrics.close();
    }

    @Override
    public void add(SinkEvent event, StepProgress progress) {
        applyToEachKind(event, progress, trash.contains(event.object()) ? HttpOperation.RECYCLE : HttpOperation.CREATE);
        trash.forget(event.object());
    }

    @Override
    public void modify(SinkEvent event, StepProgress progress) {
        applyToEachKind(event, progress, HttpOperation.UPDATE);
    }

    @Override
    public void remove(SinkEvent event, StepProgress progress) {
        applyToEachKind(event, progress, HttpOperation.DELETE);
        trash.forget(event.object());
    }

    @Override
    public void trash(SinkEvent event, StepProgress progress) {
        if (trash.contains(event.object())) {
            return;
        }
        applyToEachKind(event, progress, HttpOperation.TRASH);
        trash.trashed(event, clock.instant());
    }

    @Override
    public List<TrashedObject> trashedBefore(Instant cutoff) {
        return trash.before(cutoff);
    }

    @Override
    public void purge(TrashedObject object) {
        SinkEvent trashEvent = trash.trashEvent(object.object());
        if (trashEvent != null) {
            applyToEachKind(trashEvent, new StepProgress(), HttpOperation.DELETE);
            trash.forget(object.object());
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

    private void applyToEachKind(SinkEvent event, StepProgress progress, HttpOperation operation) {
        List<KindRequests> fed = kindsOf(event);
        for (int step = 1; step <= fed.size(); step++) {
            if (progress.pending(step)) {
                await(send(fed.get(step - 1), operation, event));
                progress.done(step);
            }
        }
    }

    /** Waits for a request, rethrowing its failure as it is (TargetDataException, TargetUnavailableException). */
    static void await(CompletableFuture<Void> request) {
        try {
            request.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
