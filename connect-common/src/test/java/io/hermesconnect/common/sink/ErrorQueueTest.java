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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ErrorQueueTest {

    private final FakeTarget target = new FakeTarget();
    private final InMemoryParkedEventStore store = new InMemoryParkedEventStore();
    private final ManualClock clock = new ManualClock();
    private final List<String> expired = new ArrayList<>();

    @Test
    void aRefusedObjectIsParkedWithItsLaterEventsWhileOthersFlow() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED);
        target.refused.add(user("ann"));

        queue.apply(add(user("ann"), "cn", "Ann"));
        queue.apply(add(user("bob"), "cn", "Bob"));
        target.refused.clear();
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of()));
        queue.apply(modify(user("bob"), fields("cn", "Bob"), fields("cn", "Bobby"), Set.of()));

        assertThat(target.applied).as("ann's modify was not tried").containsExactly("ADD [bob]", "MODIFY [bob]");
        assertThat(queue.parkedObjects()).containsExactly(user("ann"));
        assertThat(queue.parkedEvents(user("ann"))).extracting(ParkedEvent::reason).containsExactly(
                "object class violation: attribute 'cn' not allowed", "behind an earlier parked event of the object");
    }

    @Test
    void aFixedSchemaViolationLetsTheParkedEventsApplyInOrder() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of()));
        assertThat(queue.retry()).as("still refused").isZero();

        target.refused.clear();
        assertThat(queue.retry()).isEqualTo(2);

        assertThat(target.applied).containsExactly("ADD [ann]", "MODIFY [ann]");
        assertThat(target.objects).containsEntry(user("ann"), fields("cn", "Anna"));
        assertThat(queue.parkedObjects()).isEmpty();
        assertThat(store.load(List.of(SinkEvents.PARTITION))).isEmpty();
    }

    @Test
    void retryRepeatsWhileItMakesProgressSoAChildFollowsItsParent() {
        ErrorQueue queue = queue(ForeignKeyPolicy.DISABLED, RemediationMode.DISABLED);
        queue.apply(addMembership("m1", "ann"));
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        assertThat(queue.parkedObjects()).containsExactly(membership("m1"), user("ann"));

        target.refused.clear();
        assertThat(queue.retry()).isEqualTo(2);

        assertThat(target.applied).containsExactly("ADD [ann]", "ADD [m1]");
        assertThat(queue.parkedObjects()).isEmpty();
    }

    @Test
    void aMultiStepEventResumesAtTheStepThatFailed() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.MAXIMUM);
        target.steps = 3;
        target.failingStep.put(user("ann"), 2);

        queue.apply(add(user("ann"), "cn", "Ann"));
        assertThat(queue.parkedEvents(user("ann"))).singleElement().extracting(ParkedEvent::stepsDone).isEqualTo(1);
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of()));
        assertThat(queue.parkedEvents(user("ann"))).as("a partly applied event is never merged").hasSize(2);

        target.failingStep.clear();
        queue.retry();

        assertThat(target.stepsPerformed).containsExactly("[ann]:1", "[ann]:2", "[ann]:3", "[ann]:1", "[ann]:2", "[ann]:3");
        assertThat(target.applied).containsExactly("ADD [ann]", "MODIFY [ann]");
    }

    @Test
    void anUnavailableTargetParksNothingAndKeepsTheStepsARetryReached() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED);
        target.down = true;
        assertThatThrownBy(() -> queue.apply(add(user("ann"), "cn", "Ann"))).isInstanceOf(TargetUnavailableException.class)
                .isInstanceOf(org.apache.kafka.connect.errors.RetriableException.class);
        assertThat(queue.parkedObjects()).isEmpty();

        target.down = false;
        target.steps = 2;
        target.failingStep.put(user("bob"), 1);
        queue.apply(add(user("bob"), "cn", "Bob"));
        target.failingStep.put(user("bob"), 2);
        queue.retry();
        assertThat(queue.parkedEvents(user("bob"))).singleElement().extracting(ParkedEvent::stepsDone).isEqualTo(1);

        target.failingStep.clear();
        target.down = true;
        assertThatThrownBy(queue::retry).isInstanceOf(TargetUnavailableException.class);
        assertThat(queue.parkedEvents(user("bob"))).singleElement().satisfies(parked -> {
            assertThat(parked.stepsDone()).isEqualTo(1);
            assertThat(parked.reason()).isEqualTo("step 2 refused");
        });
    }

    @Test
    void foreignKeyPolicyDisabledLetsParentsFlow() {
        ErrorQueue queue = parkedMembershipOfAnn(ForeignKeyPolicy.DISABLED);
        queue.apply(remove(user("ann"), "cn", "Ann"));
        assertThat(target.objects).doesNotContainKey(user("ann"));
        assertThat(queue.parkedObjects()).containsExactly(membership("m1"));
    }

    @Test
    void foreignKeyPolicyOnRemoveParksOnlyTheParentsRemovalUntilTheChildApplies() {
        ErrorQueue queue = parkedMembershipOfAnn(ForeignKeyPolicy.ON_REMOVE);
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of()));
        queue.apply(add(user("bob"), "cn", "Bob"));
        queue.apply(remove(user("ann"), "cn", "Anna"));
        queue.apply(remove(user("bob"), "cn", "Bob"));

        assertThat(target.applied).containsExactly("ADD [ann]", "MODIFY [ann]", "ADD [bob]", "REMOVE [bob]");
        assertThat(queue.parkedObjects()).containsExactly(membership("m1"), user("ann"));
        assertThat(queue.parkedEvents(user("ann"))).singleElement().extracting(ParkedEvent::reason).asString()
                .contains("foreign.keys.policy=on_remove");
        assertThat(queue.retry()).as("the removal waits while the membership is parked").isZero();

        target.refused.clear();
        assertThat(queue.retry()).isEqualTo(2);
        assertThat(target.applied).endsWith("ADD [m1]", "REMOVE [ann]");
    }

    @Test
    void foreignKeyPolicyOnEveryEventParksEveryEventOfTheParent() {
        ErrorQueue queue = parkedMembershipOfAnn(ForeignKeyPolicy.ON_EVERY_EVENT);
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of()));
        queue.apply(add(user("bob"), "cn", "Bob"));

        assertThat(target.applied).containsExactly("ADD [ann]", "ADD [bob]");
        assertThat(queue.parkedObjects()).containsExactly(membership("m1"), user("ann"));

        target.refused.clear();
        assertThat(queue.retry()).isEqualTo(2);
        assertThat(target.applied).endsWith("ADD [m1]", "MODIFY [ann]");
    }

    @Test
    void aParentsAddIsNeverHeldSinceItsChildWaitsForIt() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_EVERY_EVENT, RemediationMode.DISABLED);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        queue.apply(addMembership("m1", "ann"));
        queue.apply(add(user("bob"), "cn", "Bob"));
        queue.apply(addMembership("m2", "bob"));
        target.refused.add(user("bob"));
        queue.apply(remove(user("bob"), "cn", "Bob"));
        assertThat(queue.parkedObjects()).containsExactly(user("ann"), membership("m1"), user("bob"));

        target.refused.clear();
        assertThat(queue.retry()).isEqualTo(3);
        assertThat(target.objects).containsOnlyKeys(user("ann"), membership("m1"), membership("m2"));
    }

    @Test
    void conservativeRemediationMergesAnAddAndItsModify() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.CONSERVATIVE);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann", "bio", "text"));
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of("bio")));
        queue.apply(remove(user("ann"), "cn", "Anna"));

        assertThat(queue.parkedEvents(user("ann"))).extracting(parked -> parked.event().operation())
                .containsExactly(SinkOperation.ADD, SinkOperation.REMOVE);
        assertThat(queue.parkedEvents(user("ann")).get(0).event().after()).isEqualTo(fields("cn", "Anna", "bio", "text"));
        assertThat(store.load(List.of(SinkEvents.PARTITION)).get(user("ann"))).as("written through").hasSize(2);
    }

    @Test
    void maximumRemediationDropsAnObjectAddedThenRemoved() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.MAXIMUM);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        queue.apply(remove(user("ann"), "cn", "Ann"));
        target.refused.clear();
        queue.apply(add(user("ann"), "cn", "Ann again"));

        assertThat(queue.parkedObjects()).isEmpty();
        assertThat(store.load(List.of(SinkEvents.PARTITION))).isEmpty();
        assertThat(target.applied).containsExactly("ADD [ann]");
        assertThat(target.objects).containsEntry(user("ann"), fields("cn", "Ann again"));
    }

    @Test
    void anImpossiblePairIsKeptUnmerged() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.MAXIMUM);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        queue.apply(add(user("ann"), "cn", "Anna"));

        assertThat(queue.parkedEvents(user("ann"))).extracting(parked -> parked.event().after())
                .containsExactly(fields("cn", "Ann"), fields("cn", "Anna"));
    }

    @Test
    void expiredEventsGoToTheHandlerWithTheReasonAndLaterOnesStay() {
        ErrorQueue queue = new ErrorQueue(target, store, ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED,
                Duration.ofHours(1), (parked, reason) -> expired.add(parked.event().object().values() + " " + reason), clock);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        clock.advance(Duration.ofMinutes(30));
        queue.apply(modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of()));

        clock.advance(Duration.ofMinutes(29));
        assertThat(queue.expire()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(queue.expire()).isEqualTo(1);

        assertThat(expired).containsExactly("[ann] parked longer than errors.queue.max.age.ms (3600000 ms); "
                + "last error: object class violation: attribute 'cn' not allowed");
        assertThat(queue.parkedEvents(user("ann"))).extracting(parked -> parked.event().operation())
                .containsExactly(SinkOperation.MODIFY);
    }

    @Test
    void aZeroMaximumAgeKeepsEventsUntilTheyApply() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED);
        target.refused.add(user("ann"));
        queue.apply(add(user("ann"), "cn", "Ann"));
        clock.advance(Duration.ofDays(3650));
        assertThat(queue.expire()).isZero();
        assertThat(queue.parkedObjects()).containsExactly(user("ann"));
    }

    @Test
    void aNewQueueOnTheSameStoreResumesTheParkedEventsAndTheirParents() {
        ErrorQueue first = parkedMembershipOfAnn(ForeignKeyPolicy.ON_REMOVE);
        first.apply(add(user("bob"), "cn", "Bob"));
        target.refused.add(user("bob"));
        first.apply(modify(user("bob"), fields("cn", "Bob"), fields("cn", "Bobby"), Set.of()));

        ErrorQueue second = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED);
        assertThat(second.parkedObjects()).as("nothing before its partitions are opened").isEmpty();
        assertThat(second.open(List.of(SinkEvents.PARTITION))).isEqualTo(2);
        assertThat(second.parkedObjects()).containsExactly(membership("m1"), user("bob"));
        second.apply(remove(user("ann"), "cn", "Ann"));
        assertThat(second.parkedObjects()).as("the restored membership still holds its user")
                .containsExactly(membership("m1"), user("bob"), user("ann"));

        target.refused.clear();
        assertThat(second.retry()).isEqualTo(3);
        assertThat(target.objects).containsOnlyKeys(user("bob"), membership("m1"));
    }

    @Test
    void closingAPartitionForgetsItsObjectsButKeepsThemInTheStore() {
        ErrorQueue queue = parkedMembershipOfAnn(ForeignKeyPolicy.ON_REMOVE);
        assertThat(queue.close(List.of(new TopicPartition("other", 0)))).isZero();
        assertThat(queue.close(List.of(SinkEvents.PARTITION))).isEqualTo(1);

        assertThat(queue.parkedObjects()).isEmpty();
        queue.apply(remove(user("ann"), "cn", "Ann"));
        assertThat(target.applied).as("the released membership no longer holds its user").endsWith("REMOVE [ann]");
        assertThat(store.load(List.of(SinkEvents.PARTITION))).containsOnlyKeys(membership("m1"));
        assertThat(store.load(List.of(new TopicPartition("other", 0)))).isEmpty();
    }

    @Test
    void anOperatorDropsAParkedObjectFoundByTheRecordThatParkedIt() {
        ErrorQueue queue = parkedMembershipOfAnn(ForeignKeyPolicy.ON_REMOVE);
        String position = queue.parkedEvents(membership("m1")).get(0).position();
        assertThat(position).matches("events-0@\\d+");
        assertThat(queue.findByPosition("events-0@-1")).isEmpty();

        List<ParkedEvent> dropped = queue.drop(queue.findByPosition(position).orElseThrow());

        assertThat(dropped).extracting(parked -> parked.event().object()).containsExactly(membership("m1"));
        assertThat(queue.parkedObjects()).isEmpty();
        assertThat(store.load(List.of(SinkEvents.PARTITION))).isEmpty();
        assertThat(queue.mayRemove(user("ann"))).as("no parked child needs it any more").isTrue();
        assertThat(queue.drop(membership("m1"))).isEmpty();
    }

    @Test
    void anObjectMayBeRemovedForGoodOnlyWhenNothingParkedNeedsIt() {
        ErrorQueue queue = parkedMembershipOfAnn(ForeignKeyPolicy.ON_REMOVE);
        assertThat(queue.mayRemove(user("ann"))).as("its parked membership needs it").isFalse();
        assertThat(queue.mayRemove(membership("m1"))).as("it has parked events").isFalse();
        assertThat(queue.mayRemove(user("bob"))).isTrue();

        ErrorQueue disabled = parkedMembershipOfAnn(ForeignKeyPolicy.DISABLED);
        assertThat(disabled.mayRemove(user("ann"))).as("foreign.keys.policy=disabled").isTrue();
    }

    @Test
    void aMergedEventKeepsEveryRecordItStandsFor() {
        ErrorQueue queue = queue(ForeignKeyPolicy.ON_REMOVE, RemediationMode.CONSERVATIVE);
        target.refused.add(user("ann"));
        SinkEvent added = add(user("ann"), "cn", "Ann");
        SinkEvent modified = modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of());
        queue.apply(added);
        queue.apply(modified);

        assertThat(queue.parkedEvents(user("ann"))).singleElement().satisfies(parked ->
                assertThat(parked.records()).containsExactly(added.record(), modified.record()));
    }

    /** A queue where user ann exists and membership m1 of ann is parked, refused by the target. */
    private ErrorQueue parkedMembershipOfAnn(ForeignKeyPolicy policy) {
        ErrorQueue queue = queue(policy, RemediationMode.DISABLED);
        queue.apply(add(user("ann"), "cn", "Ann"));
        target.refused.add(membership("m1"));
        queue.apply(addMembership("m1", "ann"));
        assertThat(queue.parkedObjects()).containsExactly(membership("m1"));
        return queue;
    }

    private ErrorQueue queue(ForeignKeyPolicy policy, RemediationMode remediation) {
        return new ErrorQueue(target, store, policy, remediation, Duration.ZERO,
                (event, reason) -> expired.add(reason), clock);
    }
}
