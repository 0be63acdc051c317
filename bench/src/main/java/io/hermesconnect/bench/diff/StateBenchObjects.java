package io.hermesconnect.bench.diff;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's objects: a {@code Users} type of 8 attributes (ids, names, a date, a numeric, a boolean). */
final class StateBenchObjects {

    static final String TYPE = "Users";

    private StateBenchObjects() {
    }

    /** User {@code id}; the same id always gives the same object. */
    static DataObject user(long id) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", id);
        attributes.put("login", "user" + id);
        attributes.put("first_name", "First" + (id % 997));
        attributes.put("last_name", "Lastname-" + Long.toString(id * 7_919, 36));
        attributes.put("email", "user" + id + "@example.org");
        attributes.put("birth_date", new Date(86_400_000L * (id % 20_000)));
        attributes.put("quota", BigDecimal.valueOf(id % 100_000, 2));
        attributes.put("active", id % 10 != 0);
        return new DataObject(new ObjectKey(List.of(id)), attributes);
    }
}
