package io.mutune.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Zeppelin note (.zpln) for a Databricks notebook: the same cells as {@code %md} and
 * {@code %spark} paragraphs, with stable ids so regenerating gives the same file. Zeppelin has no
 * {@code displayHTML}, so a first paragraph defines it with Zeppelin's {@code %html} display.
 */
final class ZeppelinNote {
    static final String DISPLAY_HTML = "%spark\n// Databricks' displayHTML, for Zeppelin: output that starts with %html is shown as HTML.\n"
            + "def displayHTML(html: String): Unit = println(\"%html \" + html)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ZeppelinNote() { }

    static String of(DatabricksNotebook nb) {
        ObjectNode note = JSON.createObjectNode();
        ArrayNode paragraphs = note.putArray("paragraphs");
        paragraph(paragraphs, nb, 0, DISPLAY_HTML, "scala");
        int i = 1;
        for (DatabricksNotebook.Cell c : nb.cells()) {
            paragraph(paragraphs, nb, i++, c.markdown() ? "%md\n" + c.text() : "%spark\n" + c.text(), c.markdown() ? "markdown" : "scala");
        }
        note.put("name", "mutune/" + nb.name());
        note.put("id", "MUTUNE" + nb.name().replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT));
        note.put("defaultInterpreterGroup", "spark");
        note.put("version", "0.11.2");
        note.putObject("noteParams");
        note.putObject("noteForms");
        note.putObject("angularObjects");
        note.putObject("config").put("isZeppelinNotebookCronEnable", false);
        note.putObject("info");
        try {
            return JSON.writeValueAsString(note) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void paragraph(ArrayNode paragraphs, DatabricksNotebook nb, int i, String text, String language) {
        ObjectNode p = paragraphs.addObject();
        String id = "paragraph_" + nb.name() + "_" + i;
        p.put("text", text);
        p.put("title", "");
        ObjectNode config = p.putObject("config");
        config.putObject("editorSetting").put("language", language).put("editOnDblClick", language.equals("markdown"));
        config.put("editorMode", language.equals("markdown") ? "ace/mode/markdown" : "ace/mode/scala");
        config.put("editorHide", language.equals("markdown"));
        ObjectNode settings = p.putObject("settings");
        settings.putObject("params");
        settings.putObject("forms");
        p.putArray("apps");
        p.putObject("runtimeInfos");
        p.put("progressUpdateIntervalMs", 500);
        p.put("jobName", id);
        p.put("id", id);
        p.put("status", "READY");
    }

    /** The cells of a note back, in order, without their interpreter line; for the drift check. */
    static java.util.List<String> cellTexts(String zpln) throws java.io.IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var p : JSON.readTree(zpln).path("paragraphs")) {
            String t = p.path("text").asText();
            out.add(t.substring(t.indexOf('\n') + 1));
        }
        return out;
    }
}
