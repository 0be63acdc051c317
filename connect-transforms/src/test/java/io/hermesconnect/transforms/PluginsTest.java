package io.hermesconnect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.config.ConfigDefLint;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

/** Every transform and predicate is registered for service loading, versioned, and fully documented. */
class PluginsTest {

    @Test
    @SuppressWarnings("rawtypes")
    void transformsAreRegisteredVersionedAndDocumented() {
        List<Transformation> transforms = ServiceLoader.load(Transformation.class).stream()
                .filter(p -> p.type().getName().startsWith("io.hermesconnect.")).map(ServiceLoader.Provider::get).toList();
        assertThat(transforms).extracting(t -> t.getClass().getSimpleName()).containsExactlyInAnyOrder("Filter", "JinjaMapping");
        for (Transformation transform : transforms) {
            assertThat(transform.version()).isEqualTo(Version.get());
            assertThat(ConfigDefLint.problems(transform.config())).as(transform.getClass().getName()).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void predicatesAreRegisteredVersionedAndDocumented() {
        List<Predicate> predicates = ServiceLoader.load(Predicate.class).stream()
                .filter(p -> p.type().getName().startsWith("io.hermesconnect.")).map(ServiceLoader.Provider::get).toList();
        assertThat(predicates).extracting(p -> p.getClass().getSimpleName())
                .containsExactlyInAnyOrder("OperationIs", "TableMatches", "ExpressionIs");
        for (Predicate predicate : predicates) {
            assertThat(predicate.version()).isEqualTo(Version.get());
            assertThat(ConfigDefLint.problems(predicate.config())).as(predicate.getClass().getName()).isEmpty();
        }
    }
}
