package io.mutune.transfer.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametrizationsTest {
    static final double EPS = 1e-12;

    static TensorPlacement at(Role role, long fanIn, long baseFanIn, double m, double mL, boolean branch, OptimizerFamily f) {
        return new TensorPlacement(role, fanIn, baseFanIn, m, mL, branch, f);
    }

    @Test
    void everyRuleIsStandardParametrizationAtTheBaseShape() {
        Parametrization sp = Parametrizations.sp();
        for (String name : new String[] {"mup", "depth-mup", "completep"}) {
            Parametrization p = Parametrizations.fromSpec("p", name);
            for (OptimizerFamily f : OptimizerFamily.values()) {
                for (Role r : Role.values()) {
                    TensorPlacement t = at(r, 64, 64, 1, 1, true, f);
                    assertEquals(sp.scale(t), p.scale(t), name + " " + r + " " + f);
                }
            }
            assertEquals(sp.attentionScale(16, 16), p.attentionScale(16, 16), EPS);
            assertEquals(1.0, p.residualMultiplier(1.0), EPS);
        }
    }

    @Test
    void mupAdamFollowsTensorProgramsV() {
        Parametrization p = Parametrizations.mup();
        double m = 8;
        TensorScaling hidden = p.scale(at(Role.HIDDEN, 512, 64, m, 1, false, OptimizerFamily.ADAM));
        assertEquals(1 / Math.sqrt(512), hidden.initStd(), EPS); // variance 1/fan_in
        assertEquals(1 / m, hidden.lrMult(), EPS);
        assertEquals(m, hidden.weightDecayMult(), EPS);         // lr·wd invariant
        TensorScaling out = p.scale(at(Role.OUTPUT, 512, 64, m, 1, false, OptimizerFamily.ADAM));
        assertEquals(1 / m, out.forwardMult(), EPS);             // MuReadout: x / width_mult
        assertEquals(1.0, out.lrMult(), EPS);
        assertEquals(1 / Math.sqrt(64), out.initStd(), EPS);     // kept at the base scale
        assertEquals(1.0, p.scale(at(Role.INPUT, 16, 16, m, 1, false, OptimizerFamily.ADAM)).lrMult(), EPS);
        assertEquals(1.0, p.scale(at(Role.BIAS, 1, 1, m, 1, false, OptimizerFamily.ADAM)).lrMult(), EPS);
        // attention 1/d, equal to 1/sqrt(d0) at the base
        assertEquals(Math.sqrt(16) / 64, p.attentionScale(64, 16), EPS);
    }

    @Test
    void mupSgdScalesVectorLikeRatesWithWidth() {
        Parametrization p = Parametrizations.mup();
        double m = 4;
        assertEquals(m, p.scale(at(Role.INPUT, 16, 16, m, 1, false, OptimizerFamily.SGD)).lrMult(), EPS);
        assertEquals(m, p.scale(at(Role.OUTPUT, 256, 64, m, 1, false, OptimizerFamily.SGD)).lrMult(), EPS);
        assertEquals(m, p.scale(at(Role.BIAS, 1, 1, m, 1, false, OptimizerFamily.SGD)).lrMult(), EPS);
        assertEquals(1.0, p.scale(at(Role.HIDDEN, 256, 64, m, 1, false, OptimizerFamily.SGD)).lrMult(), EPS);
    }

    @Test
    void spDoesNotScaleRatesAndInitsTheReadoutByFanIn() {
        Parametrization p = Parametrizations.sp();
        TensorScaling out = p.scale(at(Role.OUTPUT, 1024, 64, 16, 1, false, OptimizerFamily.ADAM));
        assertEquals(1 / Math.sqrt(1024), out.initStd(), EPS);
        assertEquals(1.0, out.forwardMult(), EPS);
        assertEquals(1.0, out.lrMult(), EPS);
        assertEquals(1 / Math.sqrt(64), p.attentionScale(64, 16), EPS);
    }

    @Test
    void depthRulesScaleBranchesAndTheirRates() {
        Parametrization half = Parametrizations.fromSpec("p", "depth-mup");
        Parametrization complete = Parametrizations.fromSpec("p", "completep");
        double mL = 4;
        assertEquals(0.5, half.residualMultiplier(mL), EPS);
        assertEquals(0.25, complete.residualMultiplier(mL), EPS);
        // Adam: m_L^(alpha-1); SGD: m_L^(2 alpha - 1)
        assertEquals(0.5, half.scale(at(Role.HIDDEN, 64, 64, 1, mL, true, OptimizerFamily.ADAM)).lrMult(), EPS);
        assertEquals(1.0, complete.scale(at(Role.HIDDEN, 64, 64, 1, mL, true, OptimizerFamily.ADAM)).lrMult(), EPS);
        assertEquals(1.0, half.scale(at(Role.HIDDEN, 64, 64, 1, mL, true, OptimizerFamily.SGD)).lrMult(), EPS);
        assertEquals(4.0, complete.scale(at(Role.HIDDEN, 64, 64, 1, mL, true, OptimizerFamily.SGD)).lrMult(), EPS);
        // outside the branches depth changes nothing
        assertEquals(1.0, half.scale(at(Role.INPUT, 16, 16, 1, mL, false, OptimizerFamily.ADAM)).lrMult(), EPS);
    }

    @Test
    void customExponentsFromTheSpec() {
        Parametrization p = Parametrizations.fromSpec("proxy.parametrization", Map.of(
                "name", "half-lr", "extends", "mup", "adam", Map.of("hidden", Map.of("init", -0.5, "lr", -0.5))));
        assertEquals("half-lr", p.name());
        assertEquals(0.5, p.scale(at(Role.HIDDEN, 256, 64, 4, 1, false, OptimizerFamily.ADAM)).lrMult(), EPS);
        // untouched roles keep the base rule's exponents
        assertEquals(0.25, p.scale(at(Role.OUTPUT, 256, 64, 4, 1, false, OptimizerFamily.ADAM)).forwardMult(), EPS);
        assertEquals(Parametrizations.mup().attentionScale(64, 16), p.attentionScale(64, 16), EPS);
    }

    @Test
    void aRegisteredClassCanBeNamed() {
        Parametrizations.register("sp-copy", Parametrizations::sp);
        assertEquals("sp", Parametrizations.fromSpec("p", "sp-copy").name());
        assertThrows(IllegalArgumentException.class, () -> Parametrizations.register("mup", Parametrizations::sp));
        assertEquals("sp", Parametrizations.fromSpec("p", SpByClass.class.getName()).name());
    }

    /** A user rule supplied by class name. */
    public static final class SpByClass implements Parametrization {
        private final Parametrization sp = Parametrizations.sp();

        @Override
        public String name() {
            return sp.name();
        }

        @Override
        public TensorScaling scale(TensorPlacement tensor) {
            return sp.scale(tensor);
        }

        @Override
        public double residualMultiplier(double depthMult) {
            return 1;
        }

        @Override
        public double attentionScale(int headDim, int baseHeadDim) {
            return sp.attentionScale(headDim, baseHeadDim);
        }

        @Override
        public String describe() {
            return "sp-by-class";
        }
    }

    @Test
    void badValuesNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parametrizations.fromSpec("proxy.parametrization", "mpu"));
        assertTrue(e.getMessage().startsWith("proxy.parametrization: unknown 'mpu'; expected one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parametrizations.fromSpec("proxy.parametrization",
                Map.of("adam", Map.of("hiden", Map.of("lr", -1)))));
        assertTrue(e.getMessage().contains("proxy.parametrization.adam.hiden: unknown role 'hiden'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parametrizations.fromSpec("proxy.parametrization",
                Map.of("adam", Map.of("hidden", Map.of("lr", "fast")))));
        assertTrue(e.getMessage().contains("proxy.parametrization.adam.hidden.lr: expected a number, got 'fast'"), e.getMessage());
    }
}
