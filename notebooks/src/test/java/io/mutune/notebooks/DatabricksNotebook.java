package io.mutune.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Databricks notebook in source format: the {@code // Databricks notebook source} header, cells
 * separated by {@code // COMMAND ----------}, markdown cells as {@code // MAGIC %md} lines.
 */
record DatabricksNotebook(String name, List<Cell> cells) {
    static final String HEADER = "// Databricks notebook source";
    static final String SEPARATOR = "// COMMAND ----------";
    static final String MAGIC = "// MAGIC ";

    /** One cell: Scala code, or markdown (its text without the MAGIC prefixes and the %md line). */
    record Cell(boolean markdown, String text) { }

    static DatabricksNotebook read(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notebook " + file, e);
        }
        if (!source.startsWith(HEADER + "\n")) {
            throw new IllegalArgumentException(file + " does not start with '" + HEADER + "'; Databricks would not import it as a notebook");
        }
        List<Cell> cells = new ArrayList<>();
        for (String chunk : source.substring(HEADER.length() + 1).split("\n" + SEPARATOR + "\n", -1)) {
            String text = chunk.strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(file + " has an empty cell");
            }
            cells.add(cell(file, text));
        }
        String name = file.getFileName().toString().replaceFirst("\\.scala$", "");
        return new DatabricksNotebook(name, cells);
    }

    private static Cell cell(Path file, String text) {
        List<String> lines = text.lines().toList();
        if (!lines.get(0).startsWith(MAGIC.strip())) {
            return new Cell(false, text);
        }
        if (!lines.get(0).equals(MAGIC + "%md")) {
            throw new IllegalArgumentException(file + ": only %md MAGIC cells are supported, got '" + lines.get(0) + "'");
        }
        StringBuilder md = new StringBuilder();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.startsWith(MAGIC.strip())) {
                throw new IllegalArgumentException(file + ": a markdown cell mixes MAGIC and code lines at '" + l + "'");
            }
            md.append(l.length() <= MAGIC.length() ? "" : l.substring(MAGIC.length())).append('\n');
        }
        return new Cell(true, md.toString().strip());
    }

    List<String> codeCells() {
        return cells.stream().filter(c -> !c.markdown()).map(Cell::text).toList();
    }
}
