package io.hermesconnect.transforms.match;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.Operation;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.connect.errors.DataException;

/** A set of change event operations, written as their codes ({@code c,u,d,r,t,m}); empty means any operation. */
public final class OperationSet {

    private final Set<Operation> operations;

    private OperationSet(Set<Operation> operations) {
        this.operations = operations;
    }

    /** @throws IllegalArgumentException naming the first unknown code */
    public static OperationSet parse(Collection<String> codes) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (String code : codes) {
            try {
                operations.add(Operation.forCode(code.trim()));
            } catch (DataException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return new OperationSet(operations);
    }

    public boolean contains(Operation op) {
        return operations.isEmpty() || operations.contains(op);
    }

    public boolean matches(ChangeEvent event) {
        return contains(event.op());
    }
}
