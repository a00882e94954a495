package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.family.NpyLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The conventions every command keeps: exit codes 0 / 1 / 2 / 3 listed in each --help, the pom's
 * version on each --version, case-insensitive enum options, a generated completion script, and internal
 * errors told apart from bad input.
 */
class CliConventionsTest {

    /** A command that fails with a programming error, to see how Main reports one. */
    @Command(name = "boom", mixinStandardHelpOptions = true)
    static final class Boom implements Callable<Integer> {
        @Mixin
        private Console console = new Console();

        @Override
        public Integer call() {
            throw new IllegalArgumentException("a bug, not the user's input");
        }
    }

    private static CommandRun runWithBoom(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.addSubcommand("boom", new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    @Test
    void everyHelpListsTheExitCodes() {
        for (String command : commands()) {
            CommandRun run = command.isEmpty() ? CommandRun.of("--help") : CommandRun.of(command, "--help");
            assertEquals(ExitCodes.OK, run.exitCode(), command);
            assertTrue(run.out().contains("Exit codes:"), command + ": " + run.out());
            for (int code : new int[] {0, 1, 2, 3}) {
                assertTrue(run.out().contains("  " + code + "   "), command + " lists " + code + ": " + run.out());
            }
            assertTrue(run.out().contains("golden"), command);
        }
    }

    @Test
    void everyCommandPrintsThePomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>unlearn-stability</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "pom version");
        for (String command : commands()) {
            CommandRun run = command.isEmpty() ? CommandRun.of("--version") : CommandRun.of(command, "--version");
            assertEquals(ExitCodes.OK, run.exitCode(), command);
            assertEquals("unlearn-stability " + m.group(1), run.out().strip(), command);
        }
    }

    @Test
    void enumOptionsIgnoreCase() {
        CommandLine.ParseResult npy = Main.commandLine().parseArgs("analyze", "--npy-layout", "factor");
        assertEquals(NpyLayout.FACTOR, npy.subcommand().matchedOptionValue("--npy-layout", NpyLayout.AUTO));
        for (String name : new String[] {"without-replacement", "WITHOUT_REPLACEMENT", "Without-Replacement"}) {
            CommandLine.ParseResult simulate = Main.commandLine().parseArgs("simulate", "--sampler", name);
            assertEquals(BatchSampler.WITHOUT_REPLACEMENT, simulate.subcommand().matchedOptionValue("--sampler",
                    BatchSampler.BERNOULLI), name);
        }
        CommandRun bench = CommandRun.of("bench", "--help");
        assertEquals(ExitCodes.OK, bench.exitCode());
        CommandLine.ParseResult suite = Main.commandLine().parseArgs("bench", "CNN");
        assertEquals(1, suite.subcommand().matchedPositionals().size());
    }

    @Test
    void anUnknownSamplerIsOneLineOfBadInput() {
        CommandRun run = CommandRun.of("simulate", "--family", "specs/examples/tiny.json", "--sampler", "poisson");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--sampler") && run.err().contains("poisson"), run.err());
    }

    @Test
    void anInternalErrorIsOneLineAndExitOneUnlessVerbose() {
        CommandRun quiet = runWithBoom("boom");
        assertEquals(ExitCodes.INTERNAL_ERROR, quiet.exitCode(), quiet.err());
        assertEquals(1, quiet.err().strip().lines().count(), quiet.err());
        assertTrue(quiet.err().contains("a bug, not the user's input") && quiet.err().contains("--verbose"),
                quiet.err());
        CommandRun verbose = runWithBoom("boom", "--verbose");
        assertEquals(ExitCodes.INTERNAL_ERROR, verbose.exitCode());
        assertTrue(verbose.err().contains("\tat org.unlearnstability.cli.CliConventionsTest$Boom.call"),
                verbose.err());
    }

    @Test
    void theCompletionScriptCompletesEveryCommandAndEnumValue() {
        CommandRun run = CommandRun.of("completion");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out().lines().findFirst().orElse(""));
        assertTrue(run.out().contains("complete -F _complete_unlearn-stability"), "registers the function");
        for (String command : commands()) {
            assertTrue(run.out().contains(command), command);
        }
        assertTrue(run.out().contains("without-replacement"), "sampler candidates");
        assertTrue(run.out().contains("FACTOR"), "npy layout candidates");
    }

    @Test
    void anOutThatCannotBeWrittenIsRefusedBeforeAnyComputation(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String[] args : new String[][] {
            {"audit", "--quick", "--out", file.toString()},
            {"audit", "--quick", "--out", file.resolve("below").toString()},
            {"audit", "--quick", "--out", "/proc/unlearn-stability-out"},
            {"reproduce", "--quick", "--out", file.toString()},
            {"reproduce", "--out", "/proc/unlearn-stability-out"},
            {"audit", "--quick", "--out", dir.resolve("fine").toString(), "--counterexamples", file.toString()}}) {
            CommandRun run = CommandRun.of(args);
            String what = String.join(" ", args);
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), what + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), what + ": " + run.err());
            assertTrue(run.err().startsWith("error: --"), run.err());
            assertTrue(run.out().isEmpty(), what + " printed results: " + run.out());
        }
        assertFalse(Files.exists(dir.resolve("fine").resolve("claims.md")), "nothing computed");
    }

    @Test
    void sizesThatCannotFitAreRefusedWithTheLimitNamed() {
        String tiny = "specs/examples/tiny.json";
        Map<String, String[]> cases = Map.of(
                "10,000", new String[] {"analyze", "--family", tiny, "--eta", "0.5", "--alpha", "0.1", "--batch", "1",
                    "--steps", "2000000000"},
                "1,000,000", new String[] {"simulate", "--family", tiny, "--eta", "0.5", "--alpha", "0.1", "--batch",
                    "1", "--repeats", "2000000000"},
                "20,000,000", new String[] {"simulate", "--family", tiny, "--eta", "0.5", "--alpha", "0.1", "--batch",
                    "1", "--repeats", "100000", "--steps", "1000", "--mean-square-steps", "1000"},
                "10,000 ", new String[] {"cnn", "--d", "10", "--mu", "1", "--repeats", "2000000000"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            CommandRun run = CommandRun.of(c.getValue());
            String what = String.join(" ", c.getValue());
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), what + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("limit " + c.getKey().strip()), what + ": " + run.err());
        }
    }

    @Test
    void anIllegalHyperparameterIsBadInputNamingTheValue() {
        CommandRun run = CommandRun.of("analyze", "--family", "specs/examples/tiny.json", "--eta", "-1", "--alpha",
                "0.1", "--batch", "1");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("eta"), run.err());
    }

    /** The root ("") and every subcommand name. */
    private static java.util.List<String> commands() {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add("");
        out.addAll(Main.commandLine().getSubcommands().keySet());
        out.remove("help");
        return out;
    }
}
