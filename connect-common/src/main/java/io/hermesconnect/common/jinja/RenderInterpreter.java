package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.time.Duration;

/** An interpreter for one render, with a deadline checked before each node (loop bodies included). */
final class RenderInterpreter extends JinjavaInterpreter {

    private final Duration maxRenderTime;
    private final long deadlineNanos;

    RenderInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, Duration maxRenderTime) {
        super(jinjava, context, config);
        this.maxRenderTime = maxRenderTime;
        this.deadlineNanos = System.nanoTime() + maxRenderTime.toNanos();
    }

    /** Jinjava's node pre-processor hook. */
    static void checkDeadline(Node node, JinjavaInterpreter interpreter) {
        if (interpreter instanceof RenderInterpreter render && System.nanoTime() - render.deadlineNanos > 0) {
            throw new TemplateProblem("rendering took longer than the limit of " + render.maxRenderTime.toMillis() + " ms");
        }
    }
}
