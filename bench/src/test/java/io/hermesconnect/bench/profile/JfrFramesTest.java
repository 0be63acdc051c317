package io.hermesconnect.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JfrFramesTest {

    @Test
    void hiddenClassNamesLoseTheirAddressAndNumber() {
        assertThat(JfrFrames.readableClassName(
                "org.apache.kafka.connect.runtime.isolation.Plugins$$Lambda$1411+0x00007f248c645000.1447554808"))
                .isEqualTo("org.apache.kafka.connect.runtime.isolation.Plugins$$Lambda");
        assertThat(JfrFrames.readableClassName("java.lang.invoke.LambdaForm$MH+0x00007f248c5ed000.1266205452"))
                .isEqualTo("java.lang.invoke.LambdaForm$MH");
        assertThat(JfrFrames.readableClassName("io.debezium.util.Threads$3")).isEqualTo("io.debezium.util.Threads$3");
    }

    @Test
    void arraysAreNamedAsInJava() {
        assertThat(JfrFrames.readableClassName("[B")).isEqualTo("byte[]");
        assertThat(JfrFrames.readableClassName("[[I")).isEqualTo("int[][]");
        assertThat(JfrFrames.readableClassName("[Ljava.lang.Object;")).isEqualTo("java.lang.Object[]");
        assertThat(JfrFrames.readableClassName("[Lio.hermesconnect.X$$Lambda$12+0x00007f248c645000.1447554808;"))
                .isEqualTo("io.hermesconnect.X$$Lambda[]");
    }
}
