package io.hermesconnect.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.SinkEventReader;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.http.config.WebServiceSinkConfig;
import io.hermesconnect.sink.http.metrics.WebServiceSinkMetrics;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.LogCapture;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.http.RecordedRequest;
import io.hermesconnect.testkit.http.RecordingHttpServer;
import io.hermesconnect.testkit.http.TestTls;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target against a real local HTTP server: requests, outcomes by status, retries, auth and TLS. */
class WebServiceTargetIT {

    private static final String PASSWORD = "pa55-w0rd-secret";
    private static final Struct ADA = UserEvents.user("ada 1", "Ada", List.of("admins"), Map.of("lang", "en"), "user-secret");

    private RecordingHttpServer http;
    private final WebServiceSinkMetrics metrics = new WebServiceSinkMetrics();

    @BeforeEach
    void resetServer() {
        http = SinkHttpServer.reset();
    }

    /** Three attempts in all, unless a test says otherwise. */
    private static Map<String, String> props(RecordingHttpServer server, String... keysAndValues) {
        Map<String, String> props = SinkHttpServer.usersConfig(server, "retry.max.attempts", "3");
        props.putAll(SinkHttpServer.usersConfig(server, keysAndValues));
        return props;
    }

    private WebServiceTarget target(Map<String, String> props) {
        return WebServiceTarget.open(new WebServiceSinkConfig(props), metrics, new TrashLedger(TrashStore.NONE));
    }

    @Test
    void plainRecordsAreUpdatesAndTheirTombstonesDeletesOfTheTopicsKind() throws Exception {
        WebServiceTarget target = target(props(http, "kinds.users.sources", "crm-users"));
        SinkRecord plain = new SinkRecord("crm-users", 0, null, Map.of("id", "b 2"), null,
                Map.of("id", "b 2", "name", "Bob \"the\" builder"), 7);

        target.modify(SinkEventReader.read(plain).orElseThrow(), new StepProgress());
        target.remove(SinkEventReader.read(new SinkRecord("crm-users", 0, null, Map.of("id", "b 2"), null, null, 8))
                .orElseThrow(), new StepProgress());

        List<RecordedRequest> requests = http.requests();
        assertThat(requests).extracting(RecordedRequest::method).containsExactly("PUT", "DELETE");
        assertThat(requests).extracting(RecordedRequest::target).containsOnly("/api/users/b%202");
        Map<String, Object> body = new ObjectMapper().readerForMapOf(Object.class).readValue(requests.get(0).body());
        assertThat(body).containsEntry("name", "Bob \"the\" builder");
    }

    @Test
    void addsPutAndRemovesDeleteByKeyWithBasicAuth() throws Exception {
        WebServiceTarget target = target(props(http, "auth.type", "basic", "auth.basic.username", "sink", "auth.basic.password", PASSWORD));

        target.add(UserEvents.create(ADA), new StepProgress());
        target.remove(UserEvents.delete(ADA), new StepProgress());

        List<RecordedRequest> requests = http.requests();
        assertThat(requests).extracting(RecordedRequest::method).containsExactly("PUT", "DELETE");
        assertThat(requests).extracting(RecordedRequest::target).containsOnly("/api/users/ada%201");
        Map<String, Object> body = new ObjectMapper().readerForMapOf(Object.class).readValue(requests.get(0).body());
        assertThat(body).containsEntry("name", "Ada").containsEntry("tags", List.of("admins")).containsEntry("password", "user-secret");
        assertThat(requests.get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(requests.get(1).body()).isEmpty();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("sink:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(requests).allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo(basic));
        assertThat(metrics.getRequests()).isEqualTo(2);
        assertThat(metrics.getLatencyP99Ms()).isPositive().isGreaterThanOrEqualTo(metrics.getLatencyP50Ms());
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        WebServiceTarget target = target(props(http));
        http.failNext(2, 503);

        target.modify(UserEvents.update(ADA, ADA), new StepProgress());

        assertThat(http.requests()).hasSize(3).extracting(RecordedRequest::method).containsOnly("PUT");
        assertThat(metrics.getRetriesByCause()).containsEntry("server_error", 2L);
    }

    @Test
    void tooManyRequestsWaitsTheRetryAfterInSecondsAndAsAnHttpDate() {
        WebServiceTarget target = target(props(http));
        http.failNext(1, 429, Duration.ofSeconds(1));
        long started = System.nanoTime();
        target.add(UserEvents.create(ADA), new StepProgress());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        // an HTTP-date has whole seconds: two seconds ahead is at least one second away
        http.failNext(1, 503, Instant.now().plusSeconds(2));
        started = System.nanoTime();
        target.add(UserEvents.create(ADA), new StepProgress());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        assertThat(http.requests()).hasSize(4);
        assertThat(metrics.getRetriesByCause()).containsEntry("too_many_requests", 1L).containsEntry("server_error", 1L);
    }

    @Test
    void aRetryAfterBeyondTheMaxBackoffOrSpentAttemptsLeaveItToConnect() {
        WebServiceTarget target = target(props(http));
        http.failNext(1, 503, Duration.ofSeconds(60));
        assertThatThrownBy(() -> target.add(UserEvents.create(ADA), new StepProgress()))
                .isInstanceOf(TargetUnavailableException.class).hasMessageContaining("retry after 60 s");
        assertThat(http.requests()).hasSize(1);

        http.reset();
        http.failNext(3, 500);
        assertThatThrownBy(() -> target.add(UserEvents.create(ADA), new StepProgress()))
                .isInstanceOf(TargetUnavailableException.class).hasMessageContaining("failed 3 time(s)").hasMessageContaining("HTTP 500");
        assertThat(http.requests()).hasSize(3);
    }

    @Test
    void aClientErrorRefusesTheEventWithStatusAndTruncatedBodyButNoSecret() {
        WebServiceTarget target = target(props(http, "auth.type", "bearer", "auth.bearer.token", PASSWORD));
        http.respondNext(1, 422, "{\"error\": \"name too long\"}" + "x".repeat(2000));

        assertThatThrownBy(() -> target.add(UserEvents.create(ADA), new StepProgress()))
                .isInstanceOf(TargetDataException.class)
                .hasMessageContaining("create of kind 'users'").hasMessageContaining("HTTP 422").hasMessageContaining("name too long")
                .hasMessageNotContaining(PASSWORD).hasMessageNotContaining("ada")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
        assertThat(http.requests()).hasSize(1);
        assertThat(http.requests().get(0).header("Authorization")).isEqualTo("Bearer " + PASSWORD);
    }

    @Test
    void refusedCredentialsLeaveTheEventToConnectInsteadOfParkingIt() {
        WebServiceTarget target = target(props(http, "auth.type", "basic", "auth.basic.username", "sink", "auth.basic.password", PASSWORD));
        http.failNext(1, 401);

        assertThatThrownBy(() -> target.add(UserEvents.create(ADA), new StepProgress()))
                .isInstanceOf(TargetUnavailableException.class).hasMessageContaining("HTTP 401").hasMessageNotContaining(PASSWORD);
        assertThat(http.requests()).hasSize(1);
    }

    @Test
    void deletesOfMissingObjectsSucceedAndConflictsAsConfigured() {
        http.failNext(1, 404);
        target(props(http)).remove(UserEvents.delete(ADA), new StepProgress());

        http.failNext(1, 409);
        assertThatThrownBy(() -> target(props(http)).remove(UserEvents.delete(ADA), new StepProgress()))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("HTTP 409");

        http.failNext(1, 409);
        target(props(http, "delete.conflict.is.success", "true")).remove(UserEvents.delete(ADA), new StepProgress());

        http.failNext(1, 404);
        assertThatThrownBy(() -> target(props(http, "delete.not.found.is.success", "false")).remove(UserEvents.delete(ADA), new StepProgress()))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void timeoutsAreRetriedAndAnUnreachableServerIsUnavailable() {
        http.delayNext(1, Duration.ofSeconds(2));
        target(props(http, "request.timeout.ms", "300")).add(UserEvents.create(ADA), new StepProgress());
        assertThat(http.awaitRequests(2, Duration.ofSeconds(10))).hasSize(2);
        assertThat(metrics.getRetriesByCause()).containsEntry("timeout", 1L);

        Map<String, String> nowhere = props(http, "base.url", "http://127.0.0.1:" + FreePort.find());
        assertThatThrownBy(() -> target(nowhere).add(UserEvents.create(ADA), new StepProgress()))
                .isInstanceOf(TargetUnavailableException.class).hasMessageContaining("connection failed");
        assertThat(metrics.getRetriesByCause()).containsEntry("connection", 2L);
    }

    @Test
    void oauth2TokensAreFetchedOnceCachedRenewedOn401AndBeforeExpiryAndNeverLogged() {
        try (RecordingHttpServer tokens = RecordingHttpServer.start();
             LogCapture log = LogCapture.of("io.hermesconnect", Level.DEBUG)) {
            WebServiceTarget target = target(props(http, "auth.type", "oauth2", "auth.oauth2.token.url", tokens.url("/token").toString(),
                    "auth.oauth2.client.id", "sink", "auth.oauth2.client.secret", PASSWORD, "auth.oauth2.scope", "users:write"));
            tokens.respondNext(1, 200, "{\"access_token\": \"token-one\", \"expires_in\": 3600}");
            target.add(UserEvents.create(ADA), new StepProgress());
            target.add(UserEvents.create(ADA), new StepProgress());

            assertThat(tokens.requests()).hasSize(1);
            RecordedRequest tokenRequest = tokens.requests().get(0);
            assertThat(tokenRequest.bodyAsString()).isEqualTo("grant_type=client_credentials&scope=users%3Awrite");
            assertThat(tokenRequest.header("Authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString(("sink:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            assertThat(http.requests()).extracting(r -> r.header("Authorization")).containsOnly("Bearer token-one");

            http.failNext(1, 401);
            tokens.respondNext(1, 200, "{\"access_token\": \"token-two\", \"expires_in\": 1}");
            target.add(UserEvents.create(ADA), new StepProgress());
            assertThat(http.requests()).extracting(r -> r.header("Authorization")).endsWith("Bearer token-one", "Bearer token-two");
            assertThat(metrics.getRetriesByCause()).containsEntry("unauthorized", 1L);

            // token-two expires within a second: a request after 0.9 s fetches a new one first
            tokens.respondNext(1, 200, "{\"access_token\": \"token-three\", \"expires_in\": 3600}");
            Wait.until("a token fetched before expiry", Duration.ofSeconds(10), () -> {
                target.add(UserEvents.create(ADA), new StepProgress());
                return tokens.requests().size();
            }, fetched -> fetched == 3);
            assertThat(http.requests().get(http.requests().size() - 1).header("Authorization")).isEqualTo("Bearer token-three");

            assertThat(log.text()).doesNotContain("token-one", "token-two", "token-three", PASSWORD,
                    Base64.getEncoder().encodeToString(("sink:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void httpsWithATrustStoreAndAClientCertificate(@TempDir Path tlsDir) {
        try (RecordingHttpServer https = RecordingHttpServer.startHttps(tlsDir, true)) {
            TestTls tls = https.tls();
            Map<String, String> trusted = props(https, "ssl.truststore.location", tls.trustStore().toString(),
                    "ssl.truststore.password", TestTls.PASSWORD);
            Map<String, String> mutual = new HashMap<>(trusted);
            mutual.put("ssl.keystore.location", tls.clientKeyStore().toString());
            mutual.put("ssl.keystore.password", TestTls.PASSWORD);

            target(mutual).add(UserEvents.create(ADA), new StepProgress());
            assertThat(https.requests()).extracting(RecordedRequest::target).containsExactly("/api/users/ada%201");

            assertThatThrownBy(() -> target(trusted).add(UserEvents.create(ADA), new StepProgress()))
                    .as("no client certificate").isInstanceOf(TargetUnavailableException.class);
            assertThatThrownBy(() -> target(props(https)).add(UserEvents.create(ADA), new StepProgress()))
                    .as("server not trusted").isInstanceOf(TargetUnavailableException.class);
            assertThat(https.requests()).hasSize(1);
        }
    }

    @Test
    void metricsAreRegisteredAsAnMXBean() throws Exception {
        try (WebServiceSinkMetrics registered = new WebServiceSinkMetrics().register("users-api", "0")) {
            WebServiceTarget.open(new WebServiceSinkConfig(props(http)), registered, new TrashLedger(TrashStore.NONE)).add(UserEvents.create(ADA), new StepProgress());
            ObjectName name = new ObjectName("io.hermesconnect:type=http-sink,connector=\"users-api\",task=\"0\"");
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Requests")).isEqualTo(1L);
            assertThat((Double) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "RequestsPerSecond")).isPositive();
        }
    }

    /** An event fed to two kinds is a two-step event: a retry after the second kind failed resumes there. */
    @Test
    void anEventFeedingTwoKindsResumesAtTheKindThatFailed() {
        WebServiceTarget target = target(props(http, "kinds", "users,accounts", "kinds.accounts.sources", UserEvents.KIND,
                "kinds.accounts.url", "/accounts/{{ key.id }}", "retry.max.attempts", "1"));
        SinkEvent create = UserEvents.create(ADA);
        StepProgress progress = new StepProgress();
        http.respondNext(1, 200, "{}");
        http.failNext(1, 503);
        assertThatThrownBy(() -> target.add(create, progress)).isInstanceOf(TargetUnavailableException.class);
        assertThat(progress.stepsDone()).isEqualTo(1);

        target.add(create, progress);
        assertThat(http.requests()).extracting(RecordedRequest::path)
                .containsExactly("/api/users/ada%201", "/api/accounts/ada%201", "/api/accounts/ada%201");
    }

    @Test
    void trashRecycleAndPurgeSendTheirRequests() {
        WebServiceTarget target = target(props(http, "kinds.users.trash.method", "POST", "kinds.users.trash.url", "/users/{{ key.id }}/trash",
                "kinds.users.recycle.method", "POST", "kinds.users.recycle.url", "/users/{{ key.id }}/restore"));
        SinkEvent delete = UserEvents.delete(ADA);

        target.trash(delete, new StepProgress());
        target.trash(delete, new StepProgress());
        assertThat(target.trashedBefore(Instant.now().plusSeconds(1))).extracting(trashed -> trashed.object()).containsExactly(delete.object());
        target.add(UserEvents.create(ADA), new StepProgress());
        assertThat(target.trashedBefore(Instant.now().plusSeconds(1))).isEmpty();
        target.trash(delete, new StepProgress());
        target.purge(target.trashedBefore(Instant.now().plusSeconds(1)).get(0));
        assertThat(target.trashedBefore(Instant.now().plusSeconds(1))).isEmpty();

        assertThat(http.requests()).extracting(request -> request.method() + " " + request.path()).containsExactly(
                "POST /api/users/ada%201/trash", "POST /api/users/ada%201/restore", "POST /api/users/ada%201/trash",
                "DELETE /api/users/ada%201");
        assertThat(http.requests().get(1).bodyAsString()).contains("\"name\":\"Ada\"");
    }
}
