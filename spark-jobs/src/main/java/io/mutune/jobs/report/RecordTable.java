package io.mutune.jobs.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
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
        List<Column> cols = columns(rows.get(0).getClass());
        StringBuilder sb = new StringBuilder("<div class=\"table\"><table class=\"" + cssClass + "\"><thead><tr>");
        for (Column c : cols) {
            sb.append("<th>").append(Html.escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (Record r : rows) {
            sb.append("<tr>");
            for (Column c : cols) {
                Object v = c.read(r);
                sb.append("<td class=\"col-").append(c.name()).append("\" data-value=\"")
                        .append(Html.escape(v instanceof String s && s.length() <= FOLD ? s : "")).append("\">").append(cell(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table></div>\n").toString();
    }

    /**
     * One column per component; a component that is itself a record (a recommendation's
     * statistics, its validation) gives one column per component of its own, named by those,
     * so its fields read as the table's columns do.
     */
    private static List<Column> columns(Class<?> type) {
        List<Column> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord()) {
                for (RecordComponent inner : c.getType().getRecordComponents()) {
                    out.add(new Column(snake(inner.getName()), c, inner));
                }
            } else {
                out.add(new Column(snake(c.getName()), c, null));
            }
        }
        return out;
    }

    /** A column: a component, or a component of a record-valued component. */
    private record Column(String name, RecordComponent outer, RecordComponent inner) {
        Object read(Record r) {
            Object v = value(r, outer);
            return inner == null || v == null ? v : value((Record) v, inner);
        }
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
