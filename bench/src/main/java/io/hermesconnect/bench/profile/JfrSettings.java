package io.hermesconnect.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The benchmarks' JDK Flight Recorder settings (.jfc files on the class path), as text for a recording or a settings file. */
public final class JfrSettings {

    /** The WAL worker's (cpu-sampling.jfc): execution samples every 10 ms, nothing else. */
    public static final String CPU_SAMPLING = resource("cpu-sampling.jfc");
    /**
     * The SMT benchmark's (allocation-and-cpu.jfc): allocation samples with stacks, up to 5,000 a second, and
     * execution samples every 10 ms, nothing else; what {@link JfrThreadSamples} reads.
     */
    public static final String ALLOCATION_AND_CPU = resource("allocation-and-cpu.jfc");

    private JfrSettings() {
    }

    private static String resource(String name) {
        try (InputStream in = JfrSettings.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }
}
