package io.mutune.jobs.report;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for Vega-Lite spec fragments, so chart classes read as the chart they make. */
final class VegaLite {
    /** Writes a stray NaN as the string "NaN": a bare NaN token is not JSON, and the page's JSON.parse would reject every chart. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    /** One chart's plot area in pixels; the page lays charts out in a grid of this size. */
    static final int WIDTH = 420;
    static final int HEIGHT = 280;

    private VegaLite() { }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** A top-level spec with a title and the standard size. */
    static ObjectNode spec(String title) {
        ObjectNode s = object();
        s.putObject("title").put("text", title).put("fontSize", 13);
        s.put("width", WIDTH).put("height", HEIGHT);
        return s;
    }

    /** A field channel, e.g. {@code field("x", "quantitative", "lr")}. */
    static ObjectNode field(String name, String type, String title) {
        ObjectNode f = object().put("field", name).put("type", type);
        if (title != null) {
            f.put("title", title);
        }
        return f;
    }

    /**
     * A quantitative position channel over the data's extent plus a few pixels: on a log scale when asked,
     * not rounded out to whole decades; a linear one is not forced to include zero.
     */
    static ObjectNode position(String name, String title, boolean log) {
        ObjectNode f = field(name, "quantitative", title);
        f.putObject("axis").put("format", "~g");
        ObjectNode scale = f.putObject("scale").put("padding", 10);
        if (log) {
            scale.put("type", "log").put("nice", false);
        } else {
            scale.put("zero", false);
        }
        return f;
    }

    /** A tooltip entry; numbers with four significant digits. */
    static ObjectNode tip(String name, String title, boolean number) {
        ObjectNode t = object().put("field", name).put("title", title);
        if (number) {
            t.put("type", "quantitative").put("format", ".4~g");
        }
        return t;
    }
}
