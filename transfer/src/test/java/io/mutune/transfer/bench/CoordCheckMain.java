package io.mutune.transfer.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.coordcheck.CoordinateCheck;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.proxy.ProxySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints a coordinate check: {@code CoordCheckMain lr parametrization...}. */
public final class CoordCheckMain {
    public static void main(String[] args) {
        double lr = Double.parseDouble(args[0]);
        for (int i = 1; i < args.length; i++) {
            Map<String, Object> s = new HashMap<>();
            s.put("model", "mlp");
            s.put("parametrization", args[i]);
            s.put("base", Map.of("width", 64, "depth", 2));
            s.put("data", Map.of("kind", "teacher", "seed", 3));
            s.put("activation", System.getProperty("act", "relu"));
            System.out.println(args[i] + " lr=" + lr + "\n" + new CoordinateCheck(ProxyRunners.of(ProxySpec.parse(s)),
                    new Configuration(Map.of("lr", lr))).run(List.of(64, 128, 256, 512, 1024), 4, 2).table());
        }
    }
}
