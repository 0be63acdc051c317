package io.hermesconnect.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresVersionTest {

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void findsTheBinariesOfItsMajorInTheTestKit(PostgresVersion version) throws IOException {
        try (InputStream archive = version.getPgBinary("Linux", "x86_64")) {
            // an xz stream starts with FD '7zXZ'
            assertThat(archive.readNBytes(6)).containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00);
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void namesTheMissingArchiveForAnotherPlatform(PostgresVersion version) {
        assertThatThrownBy(() -> version.getPgBinary("Darwin", "aarch64"))
                .isInstanceOf(IOException.class).hasMessageContaining(version.major() + "/postgres-darwin-aarch64.txz");
    }
}
