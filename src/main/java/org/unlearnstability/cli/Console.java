package org.unlearnstability.cli;

import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command's console, mixed into every command: its command line and standard output (picocli injects the
 * spec of the command that mixes it in), and the shared {@code --verbose} switch: logging is quiet (warnings
 * only) unless asked for, and an internal error prints its stack trace. Logback is the CLI jar's binding (an optional dependency, so absent from
 * programs that use the library); with another binding the level is left to its configuration.
 */
public final class Console {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee = CommandSpec.create();

    @Option(names = "--verbose", description = "Log debug detail to stderr; print the stack trace of an internal "
            + "error.")
    void setVerbose(boolean verbose) {
        try {
            org.slf4j.Logger logger = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            if (logger instanceof ch.qos.logback.classic.Logger root) {
                root.setLevel(verbose ? ch.qos.logback.classic.Level.DEBUG : ch.qos.logback.classic.Level.WARN);
            }
        } catch (NoClassDefFoundError noLogback) {
            // Not the CLI jar: whoever configured SLF4J decides the level.
        }
    }

    /** @return the command line of the command, for its usage errors */
    CommandLine commandLine() {
        return mixee.commandLine();
    }

    /** @return the command's standard output */
    PrintWriter out() {
        return mixee.commandLine().getOut();
    }
}
