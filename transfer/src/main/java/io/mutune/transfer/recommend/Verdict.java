package io.mutune.transfer.recommend;

/** What a recommendation's rule says about transfer. */
public enum Verdict {
    /**
     * Under a muP-family parametrization, every exponent's interval contains 0: the proxies'
     * optimum is used unchanged at the target, as muTransfer (Tensor Programs V) promises.
     */
    TRANSFERS_AS_IS,
    /** At least one exponent is kept: the value is extrapolated along the fitted power law. */
    FITTED,
    /** Set in the spec ({@code {fixed: value}}), never searched: the value is the spec's, and no rule stands behind it. */
    FIXED,
    /** Too few usable scale points to fit (or to test) a rule; the value is the largest proxy's optimum. */
    INSUFFICIENT
}
