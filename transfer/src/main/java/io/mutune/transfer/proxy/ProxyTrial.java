package io.mutune.transfer.proxy;

import io.mutune.transfer.optim.StatefulOptimizer;
import java.util.Map;

/**
 * A built trial: model, data, optimizer, and the shape facts a checkpoint must agree on.
 *
 * @param shapes  base shapes, multipliers and the parametrization in force, as strings; saved with
 *                every checkpoint and compared on load
 */
public record ProxyTrial(ProxyModel model, ProxyTask task, StatefulOptimizer optimizer, Map<String, String> shapes) {
}
