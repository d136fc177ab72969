package io.mutune.jobs.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows of records as an HTML table, one column per record component (named as the table columns
 * are, in snake case). Nothing names the columns by hand, so a field added to a row type (say, a
 * recommendation's noise estimate) shows up as a column without a change here.
 */
final class RecordTable {
    /** Text longer than this folds into a {@code <details>} element (rule JSON, configurations). */
    private static final int FOLD = 60;

    private RecordTable() { }

    static String html(String cssClass, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        RecordComponent[] cols = rows.get(0).getClass().getRecordComponents();
        StringBuilder sb = new StringBuilder("<div class=\"table\"><table class=\"" + cssClass + "\"><thead><tr>");
        for (RecordComponent c : cols) {
            sb.append("<th>").append(Html.escape(snake(c.getName()))).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (Record r : rows) {
            sb.append("<tr>");
            for (RecordComponent c : cols) {
                Object v = value(r, c);
                sb.append("<td class=\"col-").append(snake(c.getName())).append("\" data-value=\"")
                        .append(Html.escape(v instanceof String s && s.length() <= FOLD ? s : "")).append("\">").append(cell(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table></div>\n").toString();
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.5g", ((Number) v).doubleValue());
        }
        if (v instanceof Map<?, ?> m) {
            return Html.escape(m.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(", ")));
        }
        if (v instanceof Collection<?> c) {
            return fold(c.size() + " items", c.stream().map(String::valueOf).collect(Collectors.joining("\n")));
        }
        String s = String.valueOf(v);
        return s.length() > FOLD ? fold(s.substring(0, FOLD - 20) + "...", s) : Html.escape(s);
    }

    private static String format(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.5g", d) : String.valueOf(v);
    }

    private static String fold(String summary, String full) {
        return "<details><summary>" + Html.escape(summary) + "</summary><pre>" + Html.escape(full) + "</pre></details>";
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
