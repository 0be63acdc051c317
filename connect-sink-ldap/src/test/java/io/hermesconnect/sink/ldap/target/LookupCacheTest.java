package io.hermesconnect.sink.ldap.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private static DN dn(String dn) throws LDAPException {
        return new DN(dn);
    }

    @Test
    void theLeastRecentlyUsedLookUpGoesFirstBeyondTheCapacity() throws LDAPException {
        LookupCache cache = new LookupCache(2);
        cache.put("users", "1", dn("uid=ann"));
        cache.put("users", "2", dn("uid=bob"));
        cache.get("users", "1");

        cache.put("users", "3", dn("uid=cy"));

        assertThat(cache.get("users", "1")).contains(dn("uid=ann"));
        assertThat(cache.get("users", "2")).isEmpty();
        assertThat(cache.get("users", "3")).contains(dn("uid=cy"));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.forget(dn("uid=bob"))).as("an evicted DN is no longer remembered").isFalse();
    }

    @Test
    void kindsAreRememberedApart() throws LDAPException {
        LookupCache cache = new LookupCache(10);
        cache.put("users", "1", dn("uid=ann"));
        cache.put("groups", "1", dn("cn=admins"));

        assertThat(cache.get("users", "1")).contains(dn("uid=ann"));
        assertThat(cache.get("groups", "1")).contains(dn("cn=admins"));
    }

    @Test
    void anEntryRememberedUnderANewValueOfItsKindIsForgottenUnderItsOldOne() throws LDAPException {
        LookupCache cache = new LookupCache(10);
        cache.put("users", "1", dn("uid=ann"));
        cache.put("admins", "a1", dn("uid=ann"));

        cache.put("users", "7", dn("uid=ann"));

        assertThat(cache.get("users", "1")).isEmpty();
        assertThat(cache.get("users", "7")).contains(dn("uid=ann"));
        assertThat(cache.get("admins", "a1")).as("another kind's value of the entry stays").contains(dn("uid=ann"));
    }

    @Test
    void aValueRememberedAtANewDnLeavesTheOldDnForgotten() throws LDAPException {
        LookupCache cache = new LookupCache(10);
        cache.put("users", "1", dn("uid=ann"));

        cache.put("users", "1", dn("uid=anne"));

        assertThat(cache.get("users", "1")).contains(dn("uid=anne"));
        assertThat(cache.forget(dn("uid=ann"))).isFalse();
    }

    @Test
    void aForgottenDnIsForgottenUnderEveryValue() throws LDAPException {
        LookupCache cache = new LookupCache(10);
        cache.put("users", "1", dn("uid=ann"));
        cache.put("admins", "a1", dn("uid=ann"));
        cache.put("users", "2", dn("uid=bob"));

        assertThat(cache.forget(dn("UID=Ann"))).as("DNs compare as LDAP compares them").isTrue();

        assertThat(cache.get("users", "1")).isEmpty();
        assertThat(cache.get("admins", "a1")).isEmpty();
        assertThat(cache.get("users", "2")).contains(dn("uid=bob"));
        assertThat(cache.forget(dn("uid=ann"))).isFalse();
    }

    @Test
    void aValueCanBeForgotten() throws LDAPException {
        LookupCache cache = new LookupCache(10);
        cache.put("users", "1", dn("uid=ann"));

        cache.forget("users", "1");

        assertThat(cache.get("users", "1")).isEmpty();
        assertThat(cache.forget(dn("uid=ann"))).isFalse();
    }

    @Test
    void capacityZeroRemembersNothing() throws LDAPException {
        LookupCache cache = new LookupCache(0);
        cache.put("users", "1", dn("uid=ann"));

        assertThat(cache.get("users", "1")).isEmpty();
        assertThat(cache.size()).isZero();
    }
}
