package io.hermesconnect.sink.http.client;

import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.http.metrics.RetryCause;
import io.hermesconnect.sink.http.metrics.WebServiceSinkMetrics;
import io.hermesconnect.sink.http.request.RenderedRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.common.config.types.Password;

/**
 * Sends rendered requests and decides by the answer: a status of the success set completes the request; 5xx, 429,
 * 408, timeouts and connection failures are sent again after the {@link RetryPolicy}'s backoff, or after the
 * {@code Retry-After} the server asked for, and once the attempts are spent fail with
 * {@link TargetUnavailableException} (Connect retries the batch: nothing is lost); any other status fails with
 * {@link TargetDataException}, whose reason has the status and the answer's body, truncated (the event is parked).
 * A 401 to a request sent with renewable credentials (OAuth2) renews them and sends the request once more; a 401
 * after that, or with other credentials, fails with {@link TargetUnavailableException}: the credentials are wrong,
 * not the event.
 *
 * <p>Asynchronous: waiting for an answer or a backoff holds no thread. Messages name the request by kind and
 * operation, never by its URL, headers or body, which hold the event's values and the credentials.
 */
public final class HttpSender {

    /** How much of a refusing answer's body the reason quotes. */
    static final int MAX_REASON_BODY_CHARS = 500;
    private static final String AUTHORIZATION = "Authorization";

    private final HttpClient client;
    private final Credentials credentials;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final StatusOutcomes outcomes;
    private final WebServiceSinkMetrics metrics;
    private final Clock clock;
    private final DoubleSupplier random;

    public HttpSender(HttpClient client, Credentials credentials, RetryPolicy retry, Duration requestTimeout,
                      StatusOutcomes outcomes, WebServiceSinkMetrics metrics) {
        this(client, credentials, retry, requestTimeout, outcomes, metrics, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    // visible for testing: a fixed clock and jitter
    HttpSender(HttpClient client, Credentials credentials, RetryPolicy retry, Duration requestTimeout, StatusOutcomes outcomes,
               WebServiceSinkMetrics metrics, Clock clock, DoubleSupplier random) {
        this.client = client;
        this.credentials = credentials;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Sends a request until it succeeds, is refused or the attempts are spent.
     *
     * @param delete whether the request deletes, for the 404 / 409 settings
     * @return completes when the request succeeded; fails with {@link TargetDataException} or
     *     {@link TargetUnavailableException}
     */
    public CompletableFuture<Void> send(RenderedRequest request, boolean delete) {
        return attempt(request, delete, 1, false);
    }

    private CompletableFuture<Void> attempt(RenderedRequest request, boolean delete, int attempt, boolean renewedCredentials) {
        Password authorization;
        HttpRequest httpRequest;
        try {
            authorization = request.headers().keySet().stream().anyMatch(AUTHORIZATION::equalsIgnoreCase) ? null : credentials.authorization();
            httpRequest = build(request, authorization);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long started = System.nanoTime();
        return client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    metrics.requestDone(Duration.ofNanos(System.nanoTime() - started));
                    return failure != null ? afterFailure(request, delete, attempt, unwrap(failure))
                            : afterAnswer(request, delete, attempt, renewedCredentials, authorization, response);
                })
                .thenCompose(next -> next);
    }

    private CompletableFuture<Void> afterAnswer(RenderedRequest request, boolean delete, int attempt, boolean renewedCredentials,
                                                Password authorization, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 && authorization != null && !renewedCredentials && credentials.renewAfterUnauthorized(authorization)) {
            metrics.retried(RetryCause.UNAUTHORIZED);
            return attempt(request, delete, attempt, true);
        }
        StatusOutcomes.Outcome outcome = outcomes.of(status, delete);
        if (status == 401 && outcome != StatusOutcomes.Outcome.SUCCESS) {
            // the credentials are refused, not the event: parking every event would not help, a fixed config will
            return CompletableFuture.failedFuture(new TargetUnavailableException("The " + request.description()
                    + " was answered HTTP 401: the server refuses the sink's credentials (auth.*); Connect will retry"));
        }
        return switch (outcome) {
            case SUCCESS -> CompletableFuture.completedFuture(null);
            case RETRY -> retryOrGiveUp(request, delete, attempt, status == 429 ? RetryCause.TOO_MANY_REQUESTS
                    : status == 408 ? RetryCause.TIMEOUT : RetryCause.SERVER_ERROR, "HTTP " + status,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
            case REFUSED -> CompletableFuture.failedFuture(new TargetDataException("The " + request.description()
                    + " was refused with HTTP " + status + reasonBody(response.body())));
        };
    }

    private CompletableFuture<Void> afterFailure(RenderedRequest request, boolean delete, int attempt, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return retryOrGiveUp(request, delete, attempt, RetryCause.TIMEOUT, "no answer within request.timeout.ms", Optional.empty());
        }
        if (failure instanceof IOException) {
            return retryOrGiveUp(request, delete, attempt, RetryCause.CONNECTION, "connection failed ("
                    + failure.getClass().getSimpleName() + ")", Optional.empty());
        }
        return CompletableFuture.failedFuture(failure);
    }

    private CompletableFuture<Void> retryOrGiveUp(RenderedRequest request, boolean delete, int attempt, RetryCause cause,
                                                  String what, Optional<Duration> retryAfter) {
        if (attempt >= retry.maxAttempts()) {
            return CompletableFuture.failedFuture(new TargetUnavailableException("The " + request.description() + " failed "
                    + attempt + " time(s), the last with " + what + "; Connect will retry"));
        }
        Duration backoff = retry.backoff(attempt, random);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxBackoff()) > 0) {
            return CompletableFuture.failedFuture(new TargetUnavailableException("The " + request.description() + " got " + what
                    + " asking to retry after " + retryAfter.get().toSeconds() + " s, longer than retry.backoff.max.ms; Connect will retry"));
        }
        Duration wait = retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        metrics.retried(cause);
        return CompletableFuture.supplyAsync(() -> attempt(request, delete, attempt + 1, false),
                        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(next -> next);
    }

    private HttpRequest build(RenderedRequest request, Password authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(requestTimeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            // the JDK refuses restricted names (Host, Content-Length...) and invalid characters; its message may quote the value
            throw new TargetDataException("The " + request.description() + " has a header the HTTP client refuses "
                    + "(a restricted name such as Host or Content-Length, or an invalid character)");
        }
        if (authorization != null) {
            builder.header(AUTHORIZATION, authorization.value());
        }
        return builder.build();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String reasonBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > MAX_REASON_BODY_CHARS ? trimmed.substring(0, MAX_REASON_BODY_CHARS) + "..." : trimmed);
    }
}
