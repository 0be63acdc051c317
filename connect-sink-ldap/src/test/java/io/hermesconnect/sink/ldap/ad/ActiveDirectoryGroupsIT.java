package io.hermesconnect.sink.ldap.ad;

import static io.hermesconnect.sink.ldap.ad.TestDirectory.SAMBA;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.testkit.UniqueNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Groups on a real Samba DC: scopes, nesting, idempotent memberships, and a group of 5,000 members. */
class ActiveDirectoryGroupsIT {

    private static final int LARGE = 5_000;
    private static final String LARGE_PREFIX = UniqueNames.of("m");
    private static final List<String> largeMembers = new ArrayList<>();

    /** Contacts, which Samba adds several times faster than users (no account, no RID to allocate). */
    @BeforeAll
    static void addTheLargeGroupsMembers() throws LDAPException {
        long start = System.nanoTime();
        try (LDAPConnection admin = SAMBA.connect()) {
            for (int i = 0; i < LARGE; i++) {
                String dn = TestDirectory.dnOf(LARGE_PREFIX + "_" + i);
                admin.add(dn, new Attribute("objectClass", "contact"), new Attribute("description", LARGE_PREFIX));
                largeMembers.add(dn);
            }
        }
        System.out.printf("added %d contacts in %d ms%n", LARGE, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aGroupOfEachScopeHasTheGroupTypeItWasGiven() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            for (GroupScope scope : GroupScope.values()) {
                for (boolean security : new boolean[] {true, false}) {
                    String dn = addGroup(admin, new Attribute(GroupScope.ATTRIBUTE, scope.groupType(security)));

                    assertThat(admin.getEntry(dn).getAttributeValue(GroupScope.ATTRIBUTE))
                            .isEqualTo(scope.groupType(security));
                }
            }
            assertThat(admin.getEntry(addGroup(admin)).getAttributeValue(GroupScope.ATTRIBUTE))
                    .isEqualTo(GroupScope.GLOBAL.groupType(true));
        }
    }

    @Test
    void membershipsAreIdempotentAndGroupsNest() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            String user = TestDirectory.addUser(admin, TestDirectory.accountName(), "Fírst-Passw0rd");
            String inner = addGroup(admin);
            String outer = addGroup(admin);

            assertThat(GroupMembers.add(admin, inner, user)).isTrue();
            assertThat(GroupMembers.add(admin, inner, user)).isFalse();
            assertThat(GroupMembers.add(admin, outer, inner)).isTrue();
            assertThat(GroupMembers.isMember(admin, outer, inner)).isTrue();
            assertThat(GroupMembers.isMember(admin, outer, user)).isFalse();
            // AD resolves the nesting: the user is in the outer group through the inner one
            assertThat(admin.searchForEntry(SAMBA.baseDn(), SearchScope.SUB, Filter.createANDFilter(
                    Filter.createEqualityFilter("distinguishedName", user),
                    Filter.createExtensibleMatchFilter("memberOf", "1.2.840.113556.1.4.1941", false, outer))))
                    .isNotNull();

            assertThat(GroupMembers.remove(admin, inner, user)).isTrue();
            assertThat(GroupMembers.remove(admin, inner, user)).isFalse();
            assertThat(GroupMembers.remove(admin, inner, TestDirectory.dnOf("nobody-here"))).isFalse();
            assertThat(GroupMembers.read(admin, inner)).isEmpty();
            assertThat(GroupMembers.read(admin, outer)).singleElement()
                    .satisfies(member -> assertThat(new DN(member)).isEqualTo(new DN(inner)));
        }
    }

    @Test
    void aGroupOfFiveThousandMembersIsWrittenInBatchesAndReadRangeByRange() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            String group = addGroup(admin);
            String formerMember = TestDirectory.addUser(admin, TestDirectory.accountName(), "Fírst-Passw0rd");
            GroupMembers.add(admin, group, largeMembers.get(0));
            GroupMembers.add(admin, group, formerMember);

            long start = System.nanoTime();
            GroupMembers.Changes changes = GroupMembers.update(admin, group, largeMembers, 1_000);
            System.out.printf("added %d members in batches of 1,000 in %d ms%n", changes.added(),
                    (System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            List<String> members = GroupMembers.read(admin, group);
            System.out.printf("read %d members range by range in %d ms%n", members.size(),
                    (System.nanoTime() - start) / 1_000_000);

            assertThat(changes).isEqualTo(new GroupMembers.Changes(LARGE - 1, 1));
            assertThat(dns(members)).isEqualTo(dns(largeMembers));
            assertThat(GroupMembers.update(admin, group, largeMembers, 1_000))
                    .isEqualTo(new GroupMembers.Changes(0, 0));
            assertThat(GroupMembers.update(admin, group, largeMembers.subList(0, 10), 1_000))
                    .isEqualTo(new GroupMembers.Changes(0, LARGE - 10));
            assertThat(dns(GroupMembers.read(admin, group))).isEqualTo(dns(largeMembers.subList(0, 10)));
        }
    }

    @Test
    void aPagedSearchFindsEveryEntryPageByPage() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            Set<String> found = new HashSet<>();
            SearchRequest request = new SearchRequest(SAMBA.baseDn(), SearchScope.SUB,
                    Filter.createEqualityFilter("description", LARGE_PREFIX), SearchRequest.NO_ATTRIBUTES);

            int pages = PagedSearch.forEach(admin, request, 500, entry -> found.add(entry.getDN()));

            assertThat(found).hasSize(LARGE);
            assertThat(pages).isEqualTo(LARGE / 500 + 1); // the last page is empty: Samba cannot know it was last
            assertThat(request.getControls()).isEmpty();
        }
    }

    private static String addGroup(LDAPConnection admin, Attribute... attributes) throws LDAPException {
        String name = UniqueNames.of("g");
        String dn = TestDirectory.dnOf(name);
        List<Attribute> all = new ArrayList<>(List.of(attributes));
        all.add(new Attribute("objectClass", "group"));
        all.add(new Attribute(AccountNames.SAM_ACCOUNT_NAME, name));
        admin.add(dn, all);
        return dn;
    }

    private static Set<DN> dns(List<String> dns) throws LDAPException {
        Set<DN> set = new HashSet<>();
        for (String dn : dns) {
            set.add(new DN(dn));
        }
        return set;
    }
}
