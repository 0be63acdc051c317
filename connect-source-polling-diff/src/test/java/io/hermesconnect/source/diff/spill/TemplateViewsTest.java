package io.hermesconnect.source.diff.spill;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.template;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What templates see of spilled objects: Jinjava's {@code in}, {@code for}, {@code |length} and filters on the views. */
class TemplateViewsTest {

    private static final ObjectType USERS = type("Users", "id");
    private static final ObjectType MEMBERS = type("GroupsMembers", "user_id", "group");

    @TempDir
    Path directory;
    private PollSpill spill;
    private SpilledObjects users;
    private Map<String, Object> variables;

    @BeforeEach
    void spillUsersAndMemberships() {
        spill = PollSpill.open(directory);
        users = spilled(object(USERS, "id", 3, "login", "cy"), object(USERS, "id", 1, "login", "ada"),
                object(USERS, "id", 2, "login", "bob"));
        SpilledObjects members = spilled(object(MEMBERS, "user_id", 1, "group", "admins"));
        variables = Map.of("Users_pkeys", new KeySetView(USERS, users), "Users", new AttributeMapsView(users),
                "GroupsMembers_pkeys", new KeySetView(MEMBERS, members));
    }

    @AfterEach
    void closeSpill() {
        spill.close();
    }

    private SpilledObjects spilled(DataObject... objects) {
        SpilledObjects spilled = spill.newObjects();
        for (DataObject object : objects) {
            spilled.put(PolledObject.polled(object));
        }
        return spilled;
    }

    private String render(String source) {
        return String.valueOf(template("test", source).render(variables, "a test"));
    }

    @Test
    void inLooksAKeyUp() {
        assertThat(render("{{ 2 in Users_pkeys }} {{ 4 in Users_pkeys }} {{ 'x' in Users_pkeys }} {{ none in Users_pkeys }}"))
                .isEqualTo("true false false false");
        assertThat(render("{{ 1 in GroupsMembers_pkeys }}")).isEqualTo("false");
        KeySetView memberships = new KeySetView(MEMBERS, spilled(object(MEMBERS, "user_id", 1, "group", "admins")));
        assertThat(memberships.contains(List.of(1, "admins"))).as("a tuple is a list of its values").isTrue();
        assertThat(memberships.contains(List.of(1L, "users"))).isFalse();
        assertThat(memberships.contains(List.of(1L))).isFalse();
        assertThat(render("{{ 2 not in Users_pkeys }}")).isEqualTo("false");
    }

    @Test
    void forLengthAndFiltersStreamInKeyOrder() {
        assertThat(render("{% for id in Users_pkeys %}{{ id }};{% endfor %} {{ Users_pkeys | length }}")).isEqualTo("1;2;3; 3");
        assertThat(render("{% for user in Users %}{{ loop.index }}={{ user.login }};{% endfor %} {{ Users | length }}"))
                .isEqualTo("1=ada;2=bob;3=cy; 3");
        assertThat(render("{{ Users | selectattr('id', 'equalto', 2) | map(attribute='login') | join }}")).isEqualTo("bob");
    }

    @Test
    void theViewsFollowTheSpilledObjectsAndAreReadOnly() {
        users.remove(new ObjectKey(List.of(2L)));

        assertThat(render("{{ 2 in Users_pkeys }} {{ Users | length }}")).isEqualTo("false 2");
        KeySetView keys = new KeySetView(USERS, users);
        assertThatThrownBy(() -> keys.add(4L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> keys.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new AttributeMapsView(users).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
