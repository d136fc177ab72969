package io.mutune.hpo.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal written as JSON rows (what a table connector may do) replays to the same state. */
class TunerEventJsonTest {

    @Test
    void journalRoundTripsThroughJsonIncludingDivergedMetrics() throws Exception {
        Tuner t = TunerTest.tuner("tpe", 3, 12);
        TunerTest.drive(t, 4, 2);
        TrialRequest r = t.ask().orElseThrow();
        t.tell(new TrialReport(r.trialId(), 40, Double.NaN, TrialReport.Outcome.DIVERGED, "loss is NaN"));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(t.events());
        List<TunerEvent> back = json.readValue(text, new TypeReference<List<TunerEvent>>() { });
        Tuner resumed = TunerTest.tuner("tpe", 3, 12);
        resumed.replay(back);
        assertEquals(TrialStatus.DIVERGED, resumed.trials().get(r.trialId()).status());
        assertEquals(t.ask(), resumed.ask());
    }
}
