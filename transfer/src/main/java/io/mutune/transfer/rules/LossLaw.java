package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the best loss falls with scale: {@code log loss = c + sum_k b_k log(axis_k)}, fitted to the
 * proxies' best losses and extrapolated to a target, with a percentile interval from bootstrap
 * draws of each best loss ("Research without Re-search" and "Unraveling the Mystery of Scaling
 * Laws" predict a large model's loss from small ones under muP the same way). A pure power law has
 * no irreducible term, so far from the proxies it errs low; three proxies cannot pin that term.
 */
public final class LossLaw {

    private LossLaw() {
    }

    /**
     * @param best      the best loss of each scale point
     * @param draws     {@code [scale point][draw]} bootstrap draws of each best loss, same order
     * @param axes      the axes with an exponent
     * @param target    where to predict
     * @return the prediction, or null when there are too few points
     */
    public static LossPrediction predict(List<BestLoss> best, double[][] draws, List<String> axes, Map<String, Double> target,
                                     double confidence) {
        List<BestLoss> usable = best.stream().filter(BestLoss::known).toList();
        if (usable.size() < axes.size() + 1 || axes.isEmpty()) {
            return null;
        }
        List<Map<String, Double>> scales = usable.stream().map(BestLoss::scale).toList();
        double[] w = new double[usable.size()];
        double[] y = new double[usable.size()];
        for (int s = 0; s < w.length; s++) {
            BestLoss b = usable.get(s);
            double rel = Double.isFinite(b.se()) && b.se() > 0 ? b.se() / b.loss() : 1;
            w[s] = 1 / (rel * rel);
            y[s] = Math.log(b.loss());
        }
        WeightedPowerLaw law;
        try {
            law = new WeightedPowerLaw(axes, scales, w);
        } catch (IllegalArgumentException e) {
            return null;
        }
        double[] row = WeightedPowerLaw.row(axes, target);
        double[] beta = law.coefficients(y);
        double value = Math.exp(dot(beta, row));
        List<Double> predictions = new ArrayList<>();
        int n = draws.length == 0 ? 0 : draws[best.indexOf(usable.get(0))].length;
        for (int b = 0; b < n; b++) {
            double[] yb = new double[usable.size()];
            boolean ok = true;
            for (int s = 0; s < usable.size(); s++) {
                double v = draws[best.indexOf(usable.get(s))][b];
                ok &= v > 0 && Double.isFinite(v);
                yb[s] = Math.log(v);
            }
            if (ok) {
                predictions.add(Math.exp(dot(law.coefficients(yb), row)));
            }
        }
        double[] ci = predictions.isEmpty() ? new double[] {value, value}
                : Percentiles.central(predictions.stream().mapToDouble(Double::doubleValue).toArray(), confidence);
        StringBuilder form = new StringBuilder(String.format(Locale.ROOT, "log loss = %.4g", beta[0]));
        for (int k = 0; k < axes.size(); k++) {
            form.append(String.format(Locale.ROOT, " %+.4g*log(%s)", beta[k + 1], axes.get(k)));
        }
        return new LossPrediction(value, Math.min(ci[0], value), Math.max(ci[1], value), form.toString());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

}
