package io.mutune.jobs.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorCapacityTest {
    @Test
    void slotsAreCoresOverTaskCpusCappedByGpus() {
        assertEquals(4, new ExecutorCapacity(4, 0).slots(1, 0));
        assertEquals(2, new ExecutorCapacity(4, 0).slots(2, 0));
        assertEquals(2, new ExecutorCapacity(4, 2).slots(1, 1));
        assertEquals(1, new ExecutorCapacity(4, 2).slots(1, 2));
        assertEquals(4, new ExecutorCapacity(4, 2).slots(1, 0.5));
        assertEquals(0, new ExecutorCapacity(4, 0).slots(1, 1));
    }

    @Test
    void theClusterTotalSumsItsExecutors() {
        assertEquals(4, SlotCount.total(Map.of("0", new ExecutorCapacity(2, 2), "1", new ExecutorCapacity(2, 2)), 1, 1));
        assertEquals(3, SlotCount.total(Map.of("0", new ExecutorCapacity(1, 2), "1", new ExecutorCapacity(2, 2)), 1, 1));
    }

    @Test
    void aBadTaskCpusIsRejectedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExecutorCapacity(2, 0).slots(0, 0));
        assertEquals("spark.task.cpus must be >= 1, got 0", e.getMessage());
    }
}
