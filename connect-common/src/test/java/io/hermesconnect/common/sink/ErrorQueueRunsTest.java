package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.SinkEvents.add;
import static io.hermesconnect.common.sink.SinkEvents.addMembership;
import static io.hermesconnect.common.sink.SinkEvents.fields;
import static io.hermesconnect.common.sink.SinkEvents.membership;
import static io.hermesconnect.common.sink.SinkEvents.modify;
import static io.hermesconnect.common.sink.SinkEvents.remove;
import static io.hermesconnect.common.sink.SinkEvents.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runs of events the error queue hands a target at once, and what it does with each outcome. */
class ErrorQueueRunsTest {

    private final ConcurrentFakeTarget target = new ConcurrentFakeTarget();
    private final InMemoryParkedEventStore store = new InMemoryParkedEventStore();
    private final List<SinkEvent> handled = new ArrayList<>();

    private ErrorQueue queue(ForeignKeyPolicy policy) {
        return new ErrorQueue(target, store, policy, RemediationMode.DISABLED, Duration.ZERO, (event, reason) -> { },
                new ManualClock());
    }

    private static SinkEvent rename(String uid, String from, String to) {
        return modify(user(uid), fields("cn", from), fields("cn", to), Set.of());
    }

    /** A membership removed: its {@code user} field, a foreign key to users, names the user it belonged to. */
    private static SinkEvent removeMembership(String id, String uid) {
        return new SinkEvent(membership(id), SinkOperation.REMOVE, fields("user", uid), null, Set.of(),
                Map.of("user", "users"), Set.of(), remove(membership(id)).record());
    }

    @Test
    void oneObjectsEventsAndOtherObjectsGoInOneRun() {
        List<SinkEvent> events = List.of(add(user("ann"), "cn", "Ann"), add(user("bob"), "cn", "Bob"),
                rename("ann", "Ann", "Anna"), remove(user("bob"), "cn", "Bob"));

        queue(ForeignKeyPolicy.ON_REMOVE).applyAll(events, handled::add);

        assertThat(target.runs).containsExactly(List.of("ADD [ann]", "ADD [bob]", "MODIFY [ann]", "REMOVE [bob]"));
        assertThat(handled).containsExactlyElementsOf(events);
    }

    @Test
    void aForeignKeyToAnObjectOfTheRunEndsTheRunSoAParentIsCreatedBeforeItsChild() {
        queue(ForeignKeyPolicy.DISABLED).applyAll(List.of(add(user("bob"), "cn", "Bob"), add(user("ann"), "cn", "Ann"),
                addMembership("m1", "ann"), add(user("carl"), "cn", "Carl")), handled::add);

        assertThat(target.runs).containsExactly(List.of("ADD [bob]", "ADD [ann]"), List.of("ADD [m1]", "ADD [carl]"));
        assertThat(target.objects).containsKey(membership("m1"));
    }

    @Test
    void anObjectAnEarlierEventOfTheRunNamesEndsTheRunSoAChildIsRemovedBeforeItsParent() {
        queue(ForeignKeyPolicy.DISABLED).applyAll(List.of(add(user("ann"), "cn", "Ann")), handled::add);
        target.runs.clear();

        queue(ForeignKeyPolicy.DISABLED).applyAll(List.of(removeMembership("m1", "ann"), remove(user("bob"), "cn", "Bob"),
                remove(user("ann"), "cn", "Ann")), handled::add);

        assertThat(target.runs).containsExactly(List.of("REMOVE [m1]", "REMOVE [bob]"), List.of("REMOVE [ann]"));
    }

    @Test
    void aRefusedEventIsParkedWithItsStepsAndItsObjectsLaterEventsOfTheRunBehindIt() {
        target.steps = 2;
        target.failingStep.put(user("ann"), 2);
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE);
        List<SinkEvent> events = List.of(add(user("ann"), "cn", "Ann"), add(user("bob"), "cn", "Bob"),
                rename("ann", "Ann", "Anna"), rename("bob", "Bob", "Bobby"));

        queue.applyAll(events, handled::add);

        assertThat(target.runs).hasSize(1);
        assertThat(target.applied).containsExactly("ADD [bob]", "MODIFY [bob]");
        assertThat(queue.parkedEvents(user("ann"))).extracting(ParkedEvent::reason, ParkedEvent::stepsDone).containsExactly(
                tuple("step 2 refused", 1),
                tuple("behind an earlier parked event of the object", 0));
        assertThat(handled).as("parked events are handled too").containsExactlyElementsOf(events);

        target.failingStep.clear();
        target.stepsDoneGiven.clear();
        assertThat(queue.retry()).isEqualTo(2);
        assertThat(target.stepsDoneGiven).as("the retry resumes at the step that failed").containsExactly(1, 0);
        assertThat(target.objects).containsEntry(user("ann"), fields("cn", "Anna"));
    }

    @Test
    void anEventOfAnObjectParkedEarlierInTheBatchIsParkedBehindItWithoutBeingTried() {
        target.refused.add(user("ann"));
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE);
        queue.applyAll(List.of(add(user("ann"), "cn", "Ann"), addMembership("m1", "bob"), rename("ann", "Ann", "Anna"),
                add(user("bob"), "cn", "Bob")), handled::add);

        assertThat(target.runs).as("m1 names bob, whose add starts a new run").containsExactly(
                List.of("ADD [ann]", "ADD [m1]", "MODIFY [ann]"), List.of("ADD [bob]"));
        assertThat(queue.parkedEvents(user("ann"))).hasSize(2);
        assertThat(queue.parkedObjects()).as("m1 was refused: bob did not exist yet").containsExactly(user("ann"),
                membership("m1"));
    }

    @Test
    void aParentsRemovalAfterItsRefusedChildInOneBatchWaitsForTheChild() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE);
        queue.applyAll(List.of(add(user("ann"), "cn", "Ann")), handled::add);
        target.refused.add(membership("m1"));

        queue.applyAll(List.of(addMembership("m1", "ann"), rename("ann", "Ann", "Anna"), remove(user("ann"), "cn", "Anna")),
                handled::add);

        assertThat(target.objects).containsKey(user("ann"));
        assertThat(queue.parkedObjects()).containsExactly(membership("m1"), user("ann"));
        assertThat(queue.parkedEvents(user("ann"))).singleElement().extracting(parked -> parked.event().operation())
                .isEqualTo(SinkOperation.REMOVE);
    }

    @Test
    void anUnavailableTargetParksNothingAndHandsOnlyWhatWasAppliedOrParked() {
        target.refused.add(user("ann"));
        target.lostAnswers.add(user("bob"));
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE);
        SinkEvent addAnn = add(user("ann"), "cn", "Ann");
        SinkEvent addCarl = add(user("carl"), "cn", "Carl");

        assertThatThrownBy(() -> queue.applyAll(List.of(addAnn, add(user("bob"), "cn", "Bob"), rename("bob", "Bob", "Bobby"),
                addCarl), handled::add)).isInstanceOf(TargetUnavailableException.class).hasMessage("connection reset");

        assertThat(handled).containsExactly(addAnn, addCarl);
        assertThat(queue.parkedObjects()).containsExactly(user("ann"));
        assertThat(target.applied).containsExactly("ADD [carl]");
    }

    @Test
    void aTargetThatSkipsAnEventWithoutCauseIsABug() {
        BatchTarget skipping = calls -> calls.stream().map(call -> EventOutcome.NOT_SENT).toList();
        ErrorQueue queue = new ErrorQueue(skipping, store, ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED,
                Duration.ZERO, (event, reason) -> { }, new ManualClock());

        assertThatThrownBy(() -> queue.applyAll(List.of(add(user("ann"), "cn", "Ann")), handled::add))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not try ADD of");
        assertThat(handled).isEmpty();
    }
}
