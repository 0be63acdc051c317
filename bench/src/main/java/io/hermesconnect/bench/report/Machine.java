package io.hermesconnect.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were taken on, and how busy it was: timing on a shared machine is only as good as this. */
public record Machine(int cores, long memoryMb, String os, String javaVm, String loadAtStart) {

    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), load());
    }

    /** One line for a benchmark's log, e.g. {@code "2 cores, 24000 MB, load average 3.10 2.80 1.95"}. */
    public String summary() {
        return cores + " cores, " + memoryMb + " MB, load average " + loadAtStart;
    }

    /** The 1, 5 and 15 minute load averages now, e.g. {@code "3.10 2.80 1.95"}; "?" where /proc is missing. */
    public static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long totalMemoryMb() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() >> 20 : -1;
    }
}
