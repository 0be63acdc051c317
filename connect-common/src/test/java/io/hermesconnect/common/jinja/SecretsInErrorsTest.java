package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Variables may hold secrets (passwords to hash): no error may quote a value. */
class SecretsInErrorsTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();
    private static final String SECRET = "TOPSECRET-4711";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ password * 2 }}",
            "{{ password / 2 }}",
            "{{ password - 1 }}",
            "{{ row[password] }}",
            "{{ row.password.nested }}",
            "{{ password.attribute }}",
            "{{ password | regex_search('(') }}",
            "{{ password | regex_search('S', 7) }}",
            "{{ password | date_format('yyyy') }}",
            "{{ password | date_format('yyyy', password) }}",
            "{{ password | crypto_rsa_oaep('decrypt', password) }}",
            "{{ password | crypto_rsa_oaep(password, 'key') }}",
            "{{ password | ldap_password_hash(password) }}",
            "{{ password | unique }}",
            "{{ password | b64decode }}",
            "{{ password | fromjson }}",
            "{{ password | int(password) }}",
            "{{ range(password) }}",
            "{% for x in password * 1 %}{% endfor %}",
            "{{ password | batch(password) }}",
            "{{ password | truncate(password) }}",
            "{{ row | dictsort(false, password) }}",
            "{{ 0 | date_format(password ~ \"'\") }}",
            "{{ 0 | date_format(password ~ '{') }}",
            "{{ row | attr(password) }}",
            "{{ [row] | map(attribute=password) | list }}",
            "{{ [row, row] | sort(false, false, password) }}",
            "{{ [row] | selectattr(password) | list }}",
            "{{ list | unique(attribute=password) }}",
            "{{ row[password ~ ':x'] }}",
            "{% for a, b in list %}{% endfor %}",
    })
    void neverQuotesValues(String source) {
        Throwable error = catchThrowable(() -> ENGINE.compile(source).render(Map.of("password", SECRET, "row",
                Map.of("password", SECRET), "list", List.of(SECRET))));

        if (error != null) {
            assertThat(error).isInstanceOf(TemplateException.class);
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SECRET);
        }
    }
}
