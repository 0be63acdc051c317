package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    private static Config config(String... keys) {
        List<ConfigValue> values = new ArrayList<>();
        for (String key : keys) {
            values.add(new ConfigValue(key));
        }
        return new Config(values);
    }

    private static List<String> errors(Config config, String key) {
        return ConfigValidation.find(config, key).orElseThrow().errorMessages();
    }

    @Test
    void findsAndAddsErrorsToKeys() {
        Config config = config("host", "port");

        ConfigValidation.addError(config, "host", "cannot connect");
        ConfigValidation.addError(config, "not.defined", "unknown key");

        assertThat(errors(config, "host")).containsExactly("cannot connect");
        assertThat(errors(config, "port")).isEmpty();
        assertThat(errors(config, "not.defined")).containsExactly("unknown key");
        assertThat(ConfigValidation.find(config, "other")).isEmpty();
        assertThat(ConfigValidation.configValue(config, "port")).isSameAs(ConfigValidation.find(config, "port").orElseThrow());
    }

    @Test
    void tellsWhetherTheKeysALiveCheckNeedsAreValid() {
        Config config = config("host", "port", "user");
        ConfigValidation.addError(config, "user", "must not be empty");

        assertThat(ConfigValidation.allValid(config, "host", "port")).isTrue();
        assertThat(ConfigValidation.allValid(config, "host", "user")).isFalse();
        assertThat(ConfigValidation.allValid(config, "host", "absent")).isFalse();
        assertThat(ConfigValidation.hasErrors(config)).isTrue();
        assertThat(ConfigValidation.hasErrors(config("host"))).isFalse();
    }

    @Test
    void attachesALiveChecksProblemsToTheirKeys() {
        Config config = config("host", "user");

        boolean finished = ConfigValidation.runLiveCheck(config, "host", Duration.ofSeconds(10),
                problems -> problems.add("user", "lacks the REPLICATION attribute"));

        assertThat(finished).isTrue();
        assertThat(errors(config, "user")).containsExactly("lacks the REPLICATION attribute");
        assertThat(errors(config, "host")).isEmpty();
    }

    @Test
    void reportsAFailingCheckOnTheGivenKey() {
        Config config = config("host", "user");

        boolean finished = ConfigValidation.runLiveCheck(config, "host", Duration.ofSeconds(10), problems -> {
            problems.add("user", "reported before failing");
            throw new IOException("Connection refused");
        });

        assertThat(finished).isFalse();
        assertThat(errors(config, "host")).containsExactly("Connection refused");
        assertThat(errors(config, "user")).containsExactly("reported before failing");
    }

    @Test
    void reportsATimeOutOnTheGivenKeyAndInterruptsTheCheck() throws Exception {
        Config config = config("host");
        CountDownLatch interrupted = new CountDownLatch(1);

        boolean finished = ConfigValidation.runLiveCheck(config, "host", Duration.ofMillis(100), problems -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });

        assertThat(finished).isFalse();
        assertThat(errors(config, "host")).containsExactly("Check did not finish within 100 ms");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
