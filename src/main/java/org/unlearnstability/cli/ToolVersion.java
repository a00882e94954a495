package org.unlearnstability.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine.IVersionProvider;

/**
 * The tool's version: Implementation-Version of the jar manifest (set from the pom), or, when running from
 * classes (tests, IDE), the same value from a resource Maven filters at build time. Never hard-coded.
 */
public final class ToolVersion implements IVersionProvider {
    private static final String RESOURCE = "/org/unlearnstability/version.properties";

    /** @return the version of the build, e.g. 0.1.0-SNAPSHOT */
    public static String current() {
        @Nullable String manifest = ToolVersion.class.getPackage().getImplementationVersion();
        if (manifest != null && !manifest.isBlank()) {
            return manifest;
        }
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"unlearn-stability " + current()};
    }
}
