package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.mapping.AttributeValues;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import io.hermesconnect.sink.ldap.mapping.TemplateVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies memberships to groups' member attribute: a (member, group) pair adds or deletes one value; a member list
 * replaces them all. How the values are written depends on the directory ({@link MemberValues}).
 */
final class MembershipWriter {

    private final EntryLocator locator;
    private final MemberValues values;

    MembershipWriter(EntryLocator locator, MemberValues values) {
        this.locator = locator;
        this.values = values;
    }

    /**
     * Makes the directory hold the membership of the event's {@code after}, leaving the one of {@code before}. Groups
     * and members are recalled ({@link EntryLocator#recall}): a group renamed or removed by another writer since is
     * looked up again.
     */
    void upsert(MembershipKind kind, SinkEvent event) {
        locator.rerunIfRemembered(() -> upsertOnce(kind, event));
    }

    private void upsertOnce(MembershipKind kind, SinkEvent event) {
        TemplateVariables after = TemplateVariables.after(event);
        DN group = locator.require(kind.group(), kind.groupValue().renderText(after), kind.name(), "group");
        if (kind.memberList()) {
            List<DN> members = new ArrayList<>();
            for (String value : AttributeValues.of(kind.memberValues().render(after))) {
                members.add(locator.require(kind.member(), value, kind.name(), "member"));
            }
            values.replace(kind, group, members);
            return;
        }
        DN member = locator.require(kind.member(), kind.memberValues().renderText(after), kind.name(), "member");
        if (event.before() != null) {
            pair(kind, TemplateVariables.before(event))
                    .filter(previous -> !previous.equals(List.of(group, member)))
                    .ifPresent(previous -> values.remove(kind, previous.get(0), previous.get(1)));
        }
        values.add(kind, group, member);
    }

    /**
     * Removes the membership the event's {@code before} (or key) names; nothing when its group or member is gone. A
     * tombstone whose key does not hold the fields the templates read changes nothing: the delete event before it
     * removed the membership (give a membership table a key of its group and member to let tombstones alone remove).
     */
    void remove(MembershipKind kind, SinkEvent event) {
        locator.rerunIfRemembered(() -> removeOnce(kind, event));
    }

    private void removeOnce(MembershipKind kind, SinkEvent event) {
        TemplateVariables before = TemplateVariables.before(event);
        try {
            if (kind.memberList()) {
                locator.recall(kind.group(), kind.groupValue().renderText(before), kind.name())
                        .ifPresent(group -> values.replace(kind, group, List.of()));
            } else {
                pair(kind, before).ifPresent(pair -> values.remove(kind, pair.get(0), pair.get(1)));
            }
        } catch (TargetDataException keyLacksFields) {
            if (event.before() != null) {
                throw keyLacksFields;
            }
        }
    }

    /** The live group and member of a pair, or empty when either is gone. */
    private Optional<List<DN>> pair(MembershipKind kind, TemplateVariables state) {
        Optional<DN> group = locator.recall(kind.group(), kind.groupValue().renderText(state), kind.name());
        Optional<DN> member = group.isEmpty() ? Optional.empty()
                : locator.recall(kind.member(), kind.memberValues().renderText(state), kind.name());
        return member.map(dn -> List.of(group.get(), dn));
    }
}
