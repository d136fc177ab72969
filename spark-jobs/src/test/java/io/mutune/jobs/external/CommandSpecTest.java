package io.mutune.jobs.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mutune.jobs.spec.SpecException;
import io.mutune.jobs.spec.SweepSpecParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandSpecTest {
    private static String spec(String proxy) {
        return """
                sweep: ext
                seed: 1
                proxy: %s
                scales: {width: [64, 128]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0e-1], log: true}}
                  resource: {max: 10}
                targets: [{width: 1024}]
                output: {trials: "delta:/tmp/t", recommendations: "delta:/tmp/r", checkpoints: "file:/tmp/c"}
                """.formatted(proxy);
    }

    @Test
    void aCommandProxyParsesWithItsArgumentsAndEnv() {
        var s = SweepSpecParser.parse(spec("{model: command, command: [python3, train.py, --fast], env: {OMP_NUM_THREADS: 1}}"));
        CommandSpec c = CommandSpec.fromProxySection(s.proxy());
        assertEquals(List.of("python3", "train.py", "--fast"), c.command());
        assertEquals(Map.of("OMP_NUM_THREADS", "1"), c.env());
    }

    @Test
    void aShellLineInsteadOfAnArgumentListIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(spec("{model: command, command: \"python3 train.py\"}")));
        assertEquals("proxy.command", e.field());
    }

    @Test
    void anUnknownFieldOfACommandProxyIsNamed() {
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(spec("{model: command, command: [x], comand: [y]}")));
        assertEquals("proxy.comand", e.field());
    }

    @Test
    void aBadEnvironmentNameIsNamed() {
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(spec("{model: command, command: [x], env: {\"A-B\": 1}}")));
        assertEquals("proxy.env.A-B", e.field());
    }

    @Test
    void aCheckpointFolderWithoutASchemeIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(
                spec("{model: command, command: [x]}").replace("file:/tmp/c", "/tmp/c")));
        assertEquals("output.checkpoints", e.field());
    }
}
