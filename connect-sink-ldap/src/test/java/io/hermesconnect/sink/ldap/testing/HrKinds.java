package io.hermesconnect.sink.ldap.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A sink config over the test kit's example directory: users (inetOrgPerson under ou=people, found by employeeNumber),
 * groups (groupOfNames under ou=groups with a placeholder member, found by businessCategory), memberships as pairs, and
 * teams, a second kind of groups whose events also carry their member list (two kinds fed by one event).
 */
public final class HrKinds {

    public static final String TRASH_DN = "ou=trash,dc=example,dc=org";
    public static final String PLACEHOLDER = "cn=nobody";

    private HrKinds() {
    }

    public static Map<String, String> config(String url) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "hr-directory");
        props.put("errors.queue.kafka.bootstrap.servers", "127.0.0.1:9092");
        props.put("ldap.url", url);
        props.put("ldap.bind.dn", "cn=admin,dc=example,dc=org");
        props.put("ldap.bind.password", "secret");
        props.put("ldap.base.dn", "dc=example,dc=org");
        props.put("ldap.trash.dn", TRASH_DN);
        props.put("kinds", "users,groups,memberships,teams,team_members");

        props.put("kinds.users.events", "hr.users");
        props.put("kinds.users.rdn.attribute", "uid");
        props.put("kinds.users.rdn.value", "{{ login }}");
        props.put("kinds.users.container", "ou=people");
        props.put("kinds.users.object.classes", "top,person,organizationalPerson,inetOrgPerson");
        props.put("kinds.users.attrs.cn", "{{ first }} {{ last }}");
        props.put("kinds.users.attrs.sn", "{{ last }}");
        props.put("kinds.users.attrs.mail", "{{ emails }}");
        props.put("kinds.users.attrs.description", "{{ notes }}");
        props.put("kinds.users.attrs.employeeNumber", "{{ id }}");
        props.put("kinds.users.defaults.title", "Staff");
        props.put("kinds.users.ignore.attributes", "userPassword");
        props.put("kinds.users.attrs.userPassword", "initial-{{ id }}");
        props.put("kinds.users.lookup.attribute", "employeeNumber");

        props.put("kinds.groups.events", "hr.groups");
        props.put("kinds.groups.rdn.attribute", "cn");
        props.put("kinds.groups.rdn.value", "{{ name }}");
        props.put("kinds.groups.container", "ou=groups");
        props.put("kinds.groups.object.classes", "top,groupOfNames");
        props.put("kinds.groups.attrs.businessCategory", "{{ id }}");
        props.put("kinds.groups.attrs.description", "{{ description }}");
        props.put("kinds.groups.lookup.attribute", "businessCategory");
        props.put("kinds.groups.member.placeholder", PLACEHOLDER);

        props.put("kinds.memberships.events", "hr.memberships");
        props.put("kinds.memberships.shape", "membership");
        props.put("kinds.memberships.group.kind", "groups");
        props.put("kinds.memberships.group.value", "{{ group_id }}");
        props.put("kinds.memberships.member.kind", "users");
        props.put("kinds.memberships.member.value", "{{ user_id }}");

        props.put("kinds.teams.events", "hr.teams");
        props.put("kinds.teams.rdn.attribute", "cn");
        props.put("kinds.teams.rdn.value", "team {{ name }}");
        props.put("kinds.teams.container", "ou=groups");
        props.put("kinds.teams.object.classes", "top,groupOfNames");
        props.put("kinds.teams.attrs.businessCategory", "team-{{ id }}");
        props.put("kinds.teams.lookup.attribute", "businessCategory");
        props.put("kinds.teams.member.placeholder", PLACEHOLDER);

        props.put("kinds.team_members.events", "hr.teams");
        props.put("kinds.team_members.shape", "member_list");
        props.put("kinds.team_members.group.kind", "teams");
        props.put("kinds.team_members.group.value", "team-{{ id }}");
        props.put("kinds.team_members.member.kind", "users");
        props.put("kinds.team_members.members", "{{ member_ids }}");
        return props;
    }
}
