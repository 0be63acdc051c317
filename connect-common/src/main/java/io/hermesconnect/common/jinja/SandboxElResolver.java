package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.el.ext.BeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ForLoop;
import java.beans.FeatureDescriptor;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * The only way templates reach into values (Jinjava resolves top-level variables itself): keys of
 * maps, indexes of lists and arrays, the properties of Jinjava's own {@code loop} object,
 * and direct calls of filters, tests and Jinja's few methods ({@code m.items()}, {@code loop.cycle()}).
 * Nothing else of a Java object is visible: no getters, no methods, no classes, so no reflection, file
 * or network access.
 *
 * <p>A read that finds nothing marks the {@link ELContext}, so that {@link StrictAccess} can tell "missing"
 * from "present and null". Read-only: templates cannot change the values they are given.
 */
final class SandboxElResolver extends ELResolver {

    private static final Set<String> LOOP_PROPERTIES =
            Set.of("index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0");
    private static final TruthyTypeConverter KEY_CONVERTER = new TruthyTypeConverter();
    /** What {@link #item} answers when there is no such key or index. */
    static final Object MISSING = new Object();

    private final BeanELResolver beans = new JinjavaBeanELResolver(true);

    static void clearMissing(ELContext context) {
        context.putContext(SandboxElResolver.class, Boolean.FALSE);
    }

    static boolean wasMissing(ELContext context) {
        return Boolean.TRUE.equals(context.getContext(SandboxElResolver.class));
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || property == null) {
            return null;
        }
        context.setPropertyResolved(true);
        if (base instanceof ForLoop && LOOP_PROPERTIES.contains(property.toString())) {
            return beans.getValue(context, base, property);
        }
        Object value = item(base, property);
        if (value == MISSING) {
            context.putContext(SandboxElResolver.class, Boolean.TRUE);
            return null;
        }
        return value;
    }

    /**
     * The value of a map's key, or a list's or array's index, as templates read it; {@link #MISSING} when there is
     * none or {@code base} is anything else. Filters that read attributes ({@code attr}, {@code map(attribute=…)},
     * {@code selectattr}…) read through this too ({@link RenderInterpreter#resolveProperty}).
     */
    static Object item(Object base, Object property) {
        if (base instanceof Map<?, ?> map) {
            return mapValue(map, property);
        }
        if (base instanceof List<?> list) {
            int index = index(property, list.size());
            return index < 0 ? MISSING : list.get(index);
        }
        if (base.getClass().isArray()) {
            int index = index(property, Array.getLength(base));
            return index < 0 ? MISSING : Array.get(base, index);
        }
        return MISSING;
    }

    /**
     * Calls filters and tests the way Jinjava's parser wrote them ({@code filter:f.filter(value, interpreter, args, kwargs)},
     * {@code exptest:t.evaluate(value, interpreter, args...)}), and Jinja's map and loop methods; nothing else.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        context.setPropertyResolved(true);
        String name = String.valueOf(method);
        if (base instanceof Filter filter && name.equals("filter")) {
            return filter.filter(params[0], (JinjavaInterpreter) params[1], (Object[]) params[2], (Map<String, Object>) params[3]);
        }
        if (base instanceof ExpTest test && (name.equals("evaluate") || name.equals("evaluateNegated"))) {
            Object[] args = Arrays.copyOfRange(params, 2, params.length);
            return name.equals("evaluate") ? test.evaluate(params[0], (JinjavaInterpreter) params[1], args)
                    : test.evaluateNegated(params[0], (JinjavaInterpreter) params[1], args);
        }
        if (base instanceof Map<?, ?> map && params.length == 0) {
            switch (name) {
                case "items" -> {
                    return pairs(map);
                }
                case "keys" -> {
                    return map.keySet();
                }
                case "values" -> {
                    return map.values();
                }
                default -> {
                    // not a Jinja map method
                }
            }
        }
        if (base instanceof ForLoop loop && name.equals("cycle")) {
            return loop.cycle(params);
        }
        throw new TemplateProblem("calling methods is not allowed ('" + name + "()'): use filters");
    }

    /** A map's entries as {@code [key, value]} lists, as Jinja's tuples: data, not Java's entry objects. */
    private static List<List<Object>> pairs(Map<?, ?> map) {
        return map.entrySet().stream().map(entry -> Arrays.asList((Object) entry.getKey(), entry.getValue())).toList();
    }

    private static Object mapValue(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return map.get(key);
        }
        // Jinjava hands keys over as strings; a map keyed by numbers (a Connect map) still answers m[1]
        Object typedKey = typedKey(map, key);
        return typedKey != null && map.containsKey(typedKey) ? map.get(typedKey) : MISSING;
    }

    private static Object typedKey(Map<?, ?> map, Object key) {
        for (Object existing : map.keySet()) {
            if (existing != null) {
                try {
                    return KEY_CONVERTER.convert(key, existing.getClass());
                } catch (ELException | IllegalArgumentException notConvertible) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The index in {@code [0, size)}, counting negatives from the end as Jinja does, or -1. */
    private static int index(Object property, int size) {
        int index;
        if (property instanceof Number number) {
            index = number.intValue();
        } else {
            try {
                index = Integer.parseInt(property.toString());
            } catch (NumberFormatException notAnIndex) {
                return -1;
            }
        }
        int fromStart = index < 0 ? index + size : index;
        return fromStart >= 0 && fromStart < size ? fromStart : -1;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        throw new PropertyNotWritableException("templates cannot change values");
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
