package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.MappingIterator;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.Map;

/**
 * The attribute maps of spilled objects as templates see them ({@code <Name>}), read-only and streamed in key order:
 * Jinjava's {@code for} and {@code |length} iterate and call {@link #size}; {@code x in <Name>} scans. The view
 * follows the map's changes.
 */
public final class AttributeMapsView extends AbstractCollection<Map<String, Object>> {

    private final SpilledObjects objects;

    public AttributeMapsView(SpilledObjects objects) {
        this.objects = objects;
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        return new MappingIterator<>(objects.iterator(), polled -> polled.object().attributes());
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, objects.size());
    }
}
