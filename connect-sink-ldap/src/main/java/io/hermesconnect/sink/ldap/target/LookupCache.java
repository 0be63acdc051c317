package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DNs a task found by lookup attribute, or wrote itself, by kind and lookup value: the least recently used are
 * forgotten beyond the capacity; a capacity of 0 remembers nothing. A DN is forgotten when the task renames or removes
 * its entry, and an entry's other value of the same kind when it is remembered under a new one (its lookup value
 * changed). DNs are held as strings, a quarter of the memory of parsed {@link DN}s: about 0.5 KB per look-up
 * remembered, for DNs of 40 characters. Used by one task's thread.
 */
final class LookupCache {

    private record Key(String kind, String value) {
    }

    /** A DN as the sink wrote it, and normalized, as DNs compare. */
    private record Remembered(String dn, String normalized) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, Remembered> dns;
    /** The keys each remembered DN is remembered under, by normalized DN, to forget a DN whatever its value. */
    private final Map<String, Set<Key>> keys = new HashMap<>();

    LookupCache(int capacity) {
        this.capacity = capacity;
        this.dns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
                if (size() <= LookupCache.this.capacity) {
                    return false;
                }
                unindex(eldest.getKey(), eldest.getValue());
                return true;
            }
        };
    }

    /** The DN remembered for a kind's lookup value. */
    Optional<DN> get(String kind, String value) {
        Remembered remembered = dns.get(new Key(kind, value));
        try {
            return remembered == null ? Optional.empty() : Optional.of(new DN(remembered.dn()));
        } catch (LDAPException e) {
            throw new IllegalStateException("A remembered DN does not parse", e);
        }
    }

    /** Remembers the DN of the entry of {@code kind} whose lookup value is {@code value}, in place of its previous value. */
    void put(String kind, String value, DN dn) {
        if (capacity == 0) {
            return;
        }
        String normalized = dn.toNormalizedString();
        for (Key other : List.copyOf(keys.getOrDefault(normalized, Set.of()))) {
            if (other.kind().equals(kind)) {
                remove(other); // the entry's value changed: the old one names no entry any more
            }
        }
        Key key = new Key(kind, value);
        remove(key);
        dns.put(key, new Remembered(dn.toString(), normalized));
        keys.computeIfAbsent(normalized, unused -> new HashSet<>()).add(key);
    }

    /** Forgets a kind's lookup value (no entry has it any more). */
    void forget(String kind, String value) {
        remove(new Key(kind, value));
    }

    /** Forgets a DN under every value; whether it was remembered. */
    boolean forget(DN dn) {
        Set<Key> remembered = keys.remove(dn.toNormalizedString());
        if (remembered == null) {
            return false;
        }
        remembered.forEach(dns::remove);
        return true;
    }

    int size() {
        return dns.size();
    }

    private void remove(Key key) {
        Remembered remembered = dns.remove(key);
        if (remembered != null) {
            unindex(key, remembered);
        }
    }

    private void unindex(Key key, Remembered remembered) {
        Set<Key> others = keys.get(remembered.normalized());
        if (others != null) {
            others.remove(key);
            if (others.isEmpty()) {
                keys.remove(remembered.normalized());
            }
        }
    }
}
