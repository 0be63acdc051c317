package io.hermesconnect.source.diff.config;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.model.NamedTemplate;
import java.util.List;
import java.util.Map;

/**
 * What one type asks of one source, as configured: templates that may read the types declared before it
 * ({@code <Type>}, the list of its objects' attributes, and {@code <Type>_pkeys}, its keys), rendered into a
 * {@link FetchQuery} at each poll.
 */
public sealed interface SourceQuery {

    /**
     * The query of this poll.
     *
     * @param earlierTypes the variables of the types declared before the query's type (see
     *                     {@link io.hermesconnect.source.diff.model.TemplateVariables})
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a template fails, naming its key
     */
    FetchQuery render(Map<String, ?> earlierTypes);

    /** The key where a refusal of the query is reported: the statement, or the search's base or filter. */
    String keyOf(FetchException.Refused refused);

    /** {@code types.<T>.sources.<S>.query}: a SQL statement. */
    record Sql(NamedTemplate sql) implements SourceQuery {
        @Override
        public FetchQuery render(Map<String, ?> earlierTypes) {
            return new FetchQuery.Sql(String.valueOf(sql.render(earlierTypes, "the query")));
        }

        @Override
        public String keyOf(FetchException.Refused refused) {
            return sql.configKey();
        }
    }

    /**
     * {@code types.<T>.sources.<S>.ldap.*}: a search.
     *
     * @param attributes the attributes to read; empty for all (when a template mapping reads columns it cannot name)
     */
    record LdapSearch(NamedTemplate base, NamedTemplate filter, FetchQuery.LdapScope scope, List<String> attributes)
            implements SourceQuery {

        /** Copies the list. */
        public LdapSearch {
            attributes = List.copyOf(attributes);
        }

        @Override
        public FetchQuery render(Map<String, ?> earlierTypes) {
            return new FetchQuery.Ldap(String.valueOf(base.render(earlierTypes, "the search base")),
                    String.valueOf(filter.render(earlierTypes, "the search filter")), scope, attributes);
        }

        @Override
        public String keyOf(FetchException.Refused refused) {
            return (refused == FetchException.Refused.SEARCH_FILTER ? filter : base).configKey();
        }
    }
}
