package io.hermesconnect.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingHttpServerIT {

    private static final RecordingHttpServer SERVER = RecordingHttpServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void forgetEarlierRequests() {
        SERVER.reset();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void recordsMethodTargetHeadersAndBodyAndAnswers200() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(SERVER.url("/users/42?dryRun=true"))
                .header("X-Request-Id", "abc").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")).build(), HttpResponse.BodyHandlers.ofString());

        RecordedRequest request = SERVER.awaitRequests(1, Duration.ofSeconds(10)).get(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.target()).isEqualTo("/users/42?dryRun=true");
        assertThat(request.path()).isEqualTo("/users/42");
        assertThat(request.header("x-request-id")).isEqualTo("abc");
        assertThat(request.bodyAsString()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void failsTheNextRequestsOnDemandThenRecovers() throws Exception {
        SERVER.failNext(2, 503, Duration.ofSeconds(3));
        SERVER.failNext(1, 400);

        List<HttpResponse<String>> responses = List.of(get(), get(), get(), get());

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(503, 503, 400, 200);
        assertThat(responses.get(0).headers().firstValue("Retry-After")).contains("3");
        assertThat(responses.get(2).headers().firstValue("Retry-After")).isEmpty();
        assertThat(SERVER.requests()).hasSize(4);
    }

    @Test
    void recordsADelayedRequestBeforeAnsweringIt() {
        SERVER.delayNext(1, Duration.ofSeconds(2));

        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                HttpRequest.newBuilder(SERVER.url("/slow")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(SERVER.awaitRequests(1, Duration.ofSeconds(10))).extracting(RecordedRequest::path).containsExactly("/slow");
        assertThat(pending).isNotDone();
        assertThat(pending.join().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(SERVER.url("/health")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
