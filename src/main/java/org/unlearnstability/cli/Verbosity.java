package org.unlearnstability.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The shared {@code --verbose} switch: logging is quiet (warnings only) unless asked for. */
public final class Verbosity {
    @Option(names = "--verbose", description = "Log debug detail to stderr.")
    void setVerbose(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    }
}
