package io.hermesconnect.bench.profile;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/** Names of a recording's threads, classes and stack frames, readable and the same in every JVM. */
final class JfrFrames {

    /** JFR names a hidden class (a lambda, a method handle form) with its address and a hash, new in every JVM. */
    private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("\\+0x\\p{XDigit}+\\.\\d+$");
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("\\$\\$Lambda\\$\\d+$");
    private static final Map<Character, String> PRIMITIVES = Map.of('Z', "boolean", 'B', "byte", 'C', "char",
            'S', "short", 'I', "int", 'J', "long", 'F', "float", 'D', "double");

    private JfrFrames() {
    }

    static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "(unknown)";
        }
        return thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }

    /** Leaf first, each frame {@code package.Class.method}. */
    static List<String> methods(RecordedStackTrace stack) {
        return stack.getFrames().stream().map(JfrFrames::method).toList();
    }

    /** Leaf first, each frame {@code package.Class.method:line} ({@code :line} only where JFR knows it). */
    static List<String> methodsWithLines(RecordedStackTrace stack) {
        return stack.getFrames().stream()
                .map(frame -> frame.getLineNumber() > 0 ? method(frame) + ":" + frame.getLineNumber() : method(frame))
                .toList();
    }

    static String className(RecordedClass type) {
        return readableClassName(type.getName());
    }

    private static String method(RecordedFrame frame) {
        return className(frame.getMethod().getType()) + "." + frame.getMethod().getName();
    }

    /**
     * {@code Plugins$$Lambda$1411+0x00007f248c645000.1447554808} becomes {@code Plugins$$Lambda} in every JVM;
     * an array's descriptor ({@code [B}, {@code [Ljava.lang.String;}) becomes {@code byte[]},
     * {@code java.lang.String[]}.
     */
    static String readableClassName(String jfrName) {
        int dimensions = 0;
        while (dimensions < jfrName.length() && jfrName.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = jfrName.substring(dimensions);
        if (dimensions > 0) { // a primitive's letter, or L<class>;
            element = element.length() == 1
                    ? PRIMITIVES.get(element.charAt(0))
                    : element.substring(1, element.length() - 1);
        }
        String withoutAddress = HIDDEN_CLASS_SUFFIX.matcher(element).replaceFirst("");
        String readable = LAMBDA_NUMBER.matcher(withoutAddress).replaceFirst(Matcher.quoteReplacement("$$Lambda"));
        return readable + "[]".repeat(dimensions);
    }
}
