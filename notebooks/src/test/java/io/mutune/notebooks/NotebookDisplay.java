package io.mutune.notebooks;

import java.util.ArrayList;
import java.util.List;

/** Where the harness's {@code displayHTML} puts what a notebook displays, so a test can look at it. */
public final class NotebookDisplay {
    private static final List<String> SHOWN = new ArrayList<>();

    private NotebookDisplay() { }

    public static synchronized void show(String html) {
        SHOWN.add(html);
    }

    static synchronized List<String> drain() {
        List<String> out = List.copyOf(SHOWN);
        SHOWN.clear();
        return out;
    }
}
