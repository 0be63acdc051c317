package io.hermesconnect.source.diff.model;

import static io.hermesconnect.source.diff.TestData.attributes;
import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys taken from attributes, key errors that name the config key, {@code to.string}. */
class ObjectTypeTest {

    private static final ObjectType MEMBERS = type("GroupsMembers", List.of("group_id", "user_id"),
            Map.of("note", AttributeClass.LOCAL), "{{ user_id }} in {{ group_id }}");

    @Test
    void aTupleKeyIsTheKeyAttributesInDeclaredOrder() {
        DataObject member = object(MEMBERS, "user_id", 7, "group_id", "admins");

        assertThat(member.key()).isEqualTo(new ObjectKey(List.of("admins", 7L)));
        assertThat(MEMBERS.keyVariable(member.key())).as("templates see a tuple key as a list").isEqualTo(List.of("admins", 7L));
        assertThat(type("Users", "id").keyVariable(new ObjectKey(List.of(7L)))).as("and a single key as its value").isEqualTo(7L);
    }

    @Test
    void aSourceThatDoesNotMapAKeyAttributeAbortsThePoll() {
        assertThatThrownBy(() -> MEMBERS.object("hr", attributes("group_id", "admins", "user_id", List.of())))
                .isInstanceOf(PollAbortedException.class)
                .hasMessage("Type 'GroupsMembers', source 'hr': an object lacks the primary key attribute 'user_id'; every "
                        + "object must have a single value there (types.GroupsMembers.sources.hr.attrs.user_id)");
        assertThatThrownBy(() -> MEMBERS.object("hr", attributes("group_id", "admins", "user_id", List.of("s3cr3t"))))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageContaining("has a list or map as the primary key attribute 'user_id'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aKeyAttributeMustBeNormal() {
        assertThatThrownBy(() -> new ObjectType("Users", List.of("login"), Map.of("login", AttributeClass.SECRET), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Type 'Users': the primary key attribute 'login' is sent and stored, so it cannot be SECRET");
    }

    @Test
    void toStringNamesAnObject() {
        assertThat(MEMBERS.describe(object(MEMBERS, "user_id", 7, "group_id", "admins"))).isEqualTo("7 in admins");
        assertThat(type("Users", "id").describe(object(type("Users", "id"), "id", 7))).isEqualTo("Users[7]");
    }

    @Test
    void aFailingToStringNamesItsKey() {
        ObjectType users = type("Users", List.of("id"), Map.of(), "{{ login | upper }}");

        assertThatThrownBy(() -> users.describe(object(users, "id", 7)))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageStartingWith("The template of types.Users.to.string failed on an object of type 'Users': ");
    }
}
