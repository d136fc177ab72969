package io.mutune.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code mutune --version}: the release and the git revision the jar was built from, which the
 * build writes into {@code git.properties} beside this class.
 */
final class BuildVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties git = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's git.properties", e);
        }
        String release = BuildVersion.class.getPackage().getImplementationVersion();
        String revision = git.getProperty("git.commit.id.abbrev", "unknown");
        boolean dirty = Boolean.parseBoolean(git.getProperty("git.dirty", "false"));
        return new String[] {
            "mutune " + (release == null ? "(development build)" : release),
            "git revision " + revision + (dirty ? " with uncommitted changes" : "") + git.getProperty("git.commit.time", "").transform(t -> t.isEmpty() ? "" : " (" + t + ")"),
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}
