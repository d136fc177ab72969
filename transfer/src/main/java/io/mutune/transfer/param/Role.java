package io.mutune.transfer.param;

/**
 * What a tensor does in the network, which decides how a parametrization scales it with width.
 *
 * <p>The split follows Tensor Programs V (Yang et al., 2022, Table 3 and Appendix J): a weight
 * with one infinite dimension ("vector-like": {@link #INPUT}, {@link #OUTPUT}, {@link #BIAS},
 * {@link #NORM}) scales differently from a weight with two ("matrix-like": {@link #HIDDEN}).
 */
public enum Role {
    /** Input or embedding weight: finite fan-in, fan-out grows with width. */
    INPUT,
    /** Hidden weight: fan-in and fan-out both grow with width (attention and MLP matrices). */
    HIDDEN,
    /** Output (readout / unembedding) weight: fan-in grows with width, fan-out finite. */
    OUTPUT,
    /** Any bias vector. Initialised to zero. */
    BIAS,
    /** Normalisation gain (LayerNorm weight). Initialised to one. */
    NORM;

    /** Parses a spec name such as {@code hidden}; the message lists the accepted names. */
    public static Role parse(String field, String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(field + ": unknown role '" + name + "'; expected one of input, hidden, output, bias, norm");
    }
}
