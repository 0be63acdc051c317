package io.hermesconnect.source.diff.fetch;

import java.util.List;
import java.util.Objects;

/** What one type asks of one source in a poll, already rendered when it was a template. */
public sealed interface FetchQuery {

    /**
     * A SQL query of a JDBC source.
     *
     * @param sql the statement, a single {@code SELECT}
     */
    record Sql(String sql) implements FetchQuery {
        /** Checks the statement is there. */
        public Sql {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * A search of an LDAP source.
     *
     * @param base       the search base DN
     * @param filter     the search filter (RFC 4515)
     * @param scope      how deep below the base
     * @param attributes the attributes to read; empty reads every user attribute. Each row also holds the entry's
     *                   DN under {@code dn}.
     */
    record Ldap(String base, String filter, LdapScope scope, List<String> attributes) implements FetchQuery {
        /** Checks and copies. */
        public Ldap {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(scope, "scope");
            attributes = List.copyOf(attributes);
        }
    }

    /** The depth of an LDAP search. */
    enum LdapScope {
        /** The base entry only. */
        BASE,
        /** The base's direct children. */
        ONE,
        /** The base and everything below it. */
        SUB
    }
}
