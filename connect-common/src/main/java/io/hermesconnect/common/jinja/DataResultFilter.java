package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.DictSortFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.filter.GroupByFilter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of Jinjava's filters whose result holds Java objects, handing templates data instead, so that no
 * template obtains a Java object (whose getters {@code tojson} would call) and the result prints as data:
 * <ul>
 *   <li>{@code items | groupby('attribute')}: each group is a map {@code {'grouper': value, 'list': [items…]}},
 *       read as {@code group.grouper} and {@code group.list};
 *   <li>{@code map | dictsort}: each entry is a {@code [key, value]} list, as Jinja's tuples
 *       ({@code {% for k, v in m | dictsort %}} works).
 * </ul>
 */
final class DataResultFilter implements Filter {

    private final Filter jinjava;

    private DataResultFilter(Filter jinjava) {
        this.jinjava = jinjava;
    }

    static List<Filter> all() {
        return List.of(new DataResultFilter(new GroupByFilter()), new DataResultFilter(new DictSortFilter()));
    }

    @Override
    public String getName() {
        return jinjava.getName();
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        Object result = jinjava.filter(var, interpreter, args);
        return result instanceof List<?> items ? items.stream().map(DataResultFilter::asData).toList() : result;
    }

    private static Object asData(Object item) {
        if (item instanceof GroupByFilter.Group group) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("grouper", group.getGrouperObject());
            map.put("list", group.getList());
            return map;
        }
        if (item instanceof Map.Entry<?, ?> entry) {
            return Arrays.asList(entry.getKey(), entry.getValue());
        }
        return item;
    }
}
