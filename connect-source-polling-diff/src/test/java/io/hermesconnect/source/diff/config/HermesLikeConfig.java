package io.hermesconnect.source.diff.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A config like the polling server's own example: users from an HR database merged with a directory, groups, and
 * memberships whose query reads the users fetched before them.
 */
final class HermesLikeConfig {

    static final String DB_PASSWORD = "db-pass-7f3a";
    static final String LDAP_PASSWORD = "ldap-pass-91c2";
    static final String SECRET_KEY = "hmac-key-55d0";

    private HermesLikeConfig() {
    }

    static Map<String, String> props() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("name", "hermes-users");
        props.put("connector.class", "io.hermesconnect.source.diff.PollingDiffSourceConnector");
        props.put("topic.prefix", "hermes");
        props.put("types", "Users,Groups,GroupsMembers");
        props.put("sources", "hr,dir");
        props.put("state.kafka.bootstrap.servers", "kafka:9092");
        props.put("state.kafka.security.protocol", "SSL");
        props.put("state.secret.key", SECRET_KEY);

        props.put("sources.hr.kind", "jdbc");
        props.put("sources.hr.jdbc.url", "jdbc:postgresql://db:5432/hr");
        props.put("sources.hr.jdbc.user", "hermes");
        props.put("sources.hr.jdbc.password", DB_PASSWORD);
        props.put("sources.hr.jdbc.properties.sslmode", "require");
        props.put("sources.dir.kind", "ldap");
        props.put("sources.dir.ldap.url", "ldap://ldap:389");
        props.put("sources.dir.ldap.bind.dn", "cn=reader,dc=example,dc=org");
        props.put("sources.dir.ldap.bind.password", LDAP_PASSWORD);
        props.put("sources.dir.ldap.starttls", "true");

        props.put("types.Users.primary.key", "uid");
        props.put("types.Users.to.string", "{{ login }}");
        props.put("types.Users.sources", "hr,dir");
        props.put("types.Users.secret.attributes", "password");
        props.put("types.Users.local.attributes", "hired");
        props.put("types.Users.attribute.types", "display_name:string,uid_number:int64");
        props.put("types.Users.sources.hr.query", "SELECT uid, login, first_name, last_name, mail, alias, password, hired FROM users");
        props.put("types.Users.sources.hr.attrs.uid", "uid");
        props.put("types.Users.sources.hr.attrs.login", "login");
        props.put("types.Users.sources.hr.attrs.display_name", "{{ first_name ~ ' ' ~ last_name }}");
        props.put("types.Users.sources.hr.attrs.mail", "[mail, alias]");
        props.put("types.Users.sources.hr.attrs.password", "password");
        props.put("types.Users.sources.hr.attrs.hired", "hired");
        props.put("types.Users.sources.hr.commit.one", "UPDATE users SET password = NULL WHERE uid = {{ uid }}");
        props.put("types.Users.sources.dir.ldap.base", "ou=people,dc=example,dc=org");
        props.put("types.Users.sources.dir.ldap.filter", "(objectClass=inetOrgPerson)");
        props.put("types.Users.sources.dir.key.merge.constraint", "must_already_exist");
        props.put("types.Users.sources.dir.attrs.uid", "employeeNumber");
        props.put("types.Users.sources.dir.attrs.phone", "telephoneNumber");
        props.put("types.Users.sources.dir.attrs.uid_number", "{{ uidNumber | int }}");

        props.put("types.Groups.primary.key", "gid");
        props.put("types.Groups.sources", "hr");
        props.put("types.Groups.sources.hr.query", "SELECT gid, name FROM groups");
        props.put("types.Groups.sources.hr.attrs.gid", "gid");
        props.put("types.Groups.sources.hr.attrs.name", "name");

        props.put("types.GroupsMembers.primary.key", "user_id,group_id");
        props.put("types.GroupsMembers.sources", "hr");
        props.put("types.GroupsMembers.sources.hr.query",
                "SELECT user_id, group_id FROM members{% if Users %} WHERE user_id IN ({% for u in Users %}{{ u.uid }}"
                        + "{% if not loop.last %},{% endif %}{% endfor %}){% endif %}");
        props.put("types.GroupsMembers.sources.hr.attrs.user_id", "user_id");
        props.put("types.GroupsMembers.sources.hr.attrs.group_id", "group_id");
        props.put("types.GroupsMembers.foreign.keys.user_id", "Users.uid");
        props.put("types.GroupsMembers.foreign.keys.group_id", "Groups.gid");
        props.put("types.GroupsMembers.integrity.constraint",
                "{{ _SELF.user_id in Users_pkeys and _SELF.group_id in Groups_pkeys }}");
        props.put("types.GroupsMembers.merge.conflict.policy", "keep_first_value");
        return props;
    }
}
