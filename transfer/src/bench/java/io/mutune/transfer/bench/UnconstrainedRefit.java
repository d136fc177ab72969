package io.mutune.transfer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Recommender;
import io.mutune.transfer.recommend.RecommenderSettings;
import io.mutune.transfer.rules.TrialObservation;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostic, no training: refits a results file's proxy trials with every exponent kept (as
 * under SP), to show what the muP verdict's "transfers as is" gave up. Adds
 * {@code unconstrainedLr}, its interval, exponent and ratio to the direct optimum to the file.
 * Usage: {@code UnconstrainedRefit results-*.json...}
 */
public final class UnconstrainedRefit {

    private UnconstrainedRefit() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (String path : args) {
            Map<String, Object> results = json.readValue(new File(path), LinkedHashMap.class);
            List<TrialObservation> trials = new ArrayList<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) results.get("proxy")) {
                Map<String, Object> config = new LinkedHashMap<>();
                for (String hp : List.of("lr", "init_std", "output_mult")) {
                    if (row.get(hp) instanceof Number n) { // SP runs sweep lr only
                        config.put(hp, n.doubleValue());
                    }
                }
                Number loss = (Number) row.get("loss");
                trials.add(new TrialObservation("t" + trials.size(), Map.of("width", ((Number) row.get("width")).doubleValue()),
                        new Configuration(config), 1, loss == null ? Double.NaN : loss.doubleValue(), (Boolean) row.get("diverged")));
            }
            double target = ((Number) results.get("targetWidth")).doubleValue();
            Recommendation lr = Recommender.recommend(trials, List.of("lr"), List.of(Map.of("width", target)),
                    RecommenderSettings.defaults(17, "unconstrained")).get(0);
            double direct = ((Number) results.get("directOptimumLr")).doubleValue();
            results.put("unconstrainedLr", lr.value());
            results.put("unconstrainedLrInterval", new double[] {lr.lower(), lr.upper()});
            results.put("unconstrainedLrExponent", lr.coefficients().get("a_width"));
            results.put("unconstrainedLrExponentInterval", lr.coefficientIntervals().get("a_width"));
            results.put("unconstrainedLrRatio", lr.value() / direct);
            json.writeValue(new File(path), results);
            System.out.printf("%s: unconstrained lr %.4g [%.4g, %.4g], a_width %.3f %s, ratio to direct optimum %.3f%n", path,
                    lr.value(), lr.lower(), lr.upper(), lr.coefficients().get("a_width"),
                    java.util.Arrays.toString(lr.coefficientIntervals().get("a_width")), lr.value() / direct);
        }
    }
}
