package io.mutune.transfer.proxy;

import io.mutune.transfer.optim.LrSchedule;
import io.mutune.transfer.optim.ScheduleSpec;
import io.mutune.transfer.optim.PerTensorLr;
import io.mutune.transfer.optim.ScaledAdamW;
import io.mutune.transfer.optim.ScaledSgd;
import io.mutune.transfer.optim.StatefulOptimizer;
import io.mutune.transfer.param.OptimizerFamily;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's optimizer choice and settings; {@link #build} turns them, with a trial's learning
 * rate and weight decay, into an optimizer with one rate and decay per tensor.
 *
 * @param name      {@code adamw}, {@code adam} (AdamW without decay) or {@code sgd}
 * @param beta1     Adam's first-moment decay
 * @param beta2     Adam's second-moment decay
 * @param epsilon   Adam's epsilon
 * @param momentum  SGD's momentum
 * @param schedule  warmup and decay, resolved per trial once its horizon is known
 * @param gradClip  global gradient-norm limit, 0 for none
 */
public record OptimizerSettings(String name, double beta1, double beta2, double epsilon, double momentum,
                                ScheduleSpec schedule, double gradClip) implements Serializable {

    public OptimizerFamily family() {
        return OptimizerFamily.ofOptimizer("proxy.optimizer", name);
    }

    /**
     * @param epsilonMult multiplier on {@link #epsilon} from the parametrization
     *                    ({@link io.mutune.transfer.param.Parametrization#adamEpsilonMultiplier})
     * @param lrSchedule  this trial's schedule: {@link #schedule} at the trial's horizon
     */
    public StatefulOptimizer build(List<ProxyTensor> tensors, double lr, double weightDecay, double epsilonMult,
                                   LrSchedule lrSchedule) {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight_decay must be finite and >= 0, got " + weightDecay);
        }
        if ("adam".equals(name) && weightDecay > 0) {
            throw new IllegalArgumentException("weight_decay " + weightDecay + " needs optimizer adamw, not adam");
        }
        Map<String, Double> lrMult = new LinkedHashMap<>();
        Map<String, Double> wd = new LinkedHashMap<>();
        for (ProxyTensor t : tensors) {
            lrMult.put(t.name(), t.scaling().lrMult());
            wd.put(t.name(), weightDecay * t.scaling().weightDecayMult());
        }
        PerTensorLr rates = new PerTensorLr(lr, lrSchedule, lrMult);
        return family() == OptimizerFamily.SGD
                ? new ScaledSgd(rates, wd, (float) momentum)
                : new ScaledAdamW(rates, wd, (float) beta1, (float) beta2, (float) (epsilon * epsilonMult));
    }
}
