package io.hermesconnect.sink.http.config;

import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.sink.http.client.OAuth2ClientCredentials;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.kafka.common.config.Config;

/** {@code validate()}'s live checks: the TLS stores can be read, and the OAuth2 token endpoint gives a token. */
final class LiveChecks {

    private LiveChecks() {
    }

    static void run(WebServiceSinkConfig sinkConfig, Config config, Duration timeout) {
        HttpClient client;
        try {
            client = sinkConfig.httpClient();
        } catch (TlsStores.UnreadableStoreException e) {
            ConfigValidation.addError(config, e.key(), e.getMessage());
            return;
        }
        if (sinkConfig.authType() == AuthType.OAUTH2) {
            ConfigValidation.runLiveCheck(config, WebServiceSinkConfig.AUTH_OAUTH2_TOKEN_URL, timeout, problems -> {
                try {
                    ((OAuth2ClientCredentials) sinkConfig.credentials(client)).fetch();
                } catch (OAuth2ClientCredentials.TokenRefusedException refused) {
                    problems.add(WebServiceSinkConfig.AUTH_OAUTH2_CLIENT_SECRET, refused.getMessage());
                }
            });
        }
    }
}
