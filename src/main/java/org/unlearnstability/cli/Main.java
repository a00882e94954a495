package org.unlearnstability.cli;

import java.io.PrintWriter;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.family.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code unlearn-stability} command line: one subcommand per job, {@code --help}, {@code --version} and
 * the list of exit codes ({@link ExitCodes}) on each.
 */
@Command(name = "unlearn-stability", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = """
        Coherence measures, exact mean-square dynamics and claim audits for the paper 'Why Some Models Resist \
        Unlearning: A Linear Stability Perspective'.""",
        subcommands = {ReproduceCommand.class, AuditCommand.class, AnalyzeCommand.class, SimulateCommand.class,
                CnnCommand.class, FrontierCommand.class, BenchCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status for rejected input (bad file, bad option value): {@link ExitCodes#BAD_INPUT}. */
    public static final int EXIT_BAD_INPUT = ExitCodes.BAD_INPUT;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, also used by tests to run commands in-process */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        configure(commandLine);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setParameterExceptionHandler(Main::usage);
        return commandLine;
    }

    /** Every command gets the version provider and the exit code list. */
    private static void configure(CommandLine commandLine) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        spec.versionProvider(new ToolVersion());
        spec.usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(ExitCodes.help());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            configure(sub);
        }
    }

    /**
     * Validated bad input is the user's to fix: one line naming what and why, exit 2. Anything else is an
     * internal error: one line (the stack trace only with --verbose), exit 1.
     */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InputException || e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        String line = String.valueOf(e).lines().findFirst().orElse("");
        err.println("internal error: " + line + (verbose(parseResult) ? "" : " (rerun with --verbose for the "
                + "stack trace)"));
        if (verbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /** A command line picocli cannot parse: one line with the reason and where help is, exit 2. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("error: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " (see '"
                + failed.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static boolean verbose(CommandLine.@Nullable ParseResult parseResult) {
        for (CommandLine.@Nullable ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
