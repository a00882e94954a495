package org.unlearnstability.cli;

import org.unlearnstability.report.Provenance;
import picocli.CommandLine.IVersionProvider;

/**
 * The tool's version for {@code --version}: Implementation-Version of the jar manifest (set from the pom),
 * or, when running from classes (tests, IDE), the same value from a resource Maven filters at build time
 * ({@link Provenance.currentVersion()}). Never hard-coded.
 */
public final class ToolVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"unlearn-stability " + Provenance.currentVersion()};
    }
}
