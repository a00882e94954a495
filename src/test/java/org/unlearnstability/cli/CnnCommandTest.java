package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.unlearnstability.experiment.fig2.Fig2Metric;

/** {@code cnn} prints every metric as {"mean", "std"}; bad options fail with one line and status 2. */
class CnnCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "cnn";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandRun run = CommandRun.of(all);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    @Test
    void printsMeanAndStdOfEveryMetric() throws Exception {
        Run r = run("--d", "200", "--mu", "1.0", "--repeats", "3", "--seed", "5");
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(200, json.get("d").asInt());
        assertEquals(3, json.get("repeats").asInt());
        for (Fig2Metric m : Fig2Metric.values()) {
            JsonNode v = json.get(m.key());
            assertTrue(v != null && v.has("mean") && v.has("std"), m.key() + " in " + r.out());
        }
        for (String key : new String[] {"trainLoss", "testError", "forgetLossBefore", "forgetLossAfter",
            "retainLossAfter", "testErrorAfter", "retrainForgetLoss", "miaAucBefore", "miaAucAfter", "sigma",
            "sigmaSingleRetain", "sigmaSingleForget", "lambdaMaxS", "maxLambdaMaxDrf", "lambdaMaxD", "threshold7",
            "threshold8", "snr"}) {
            assertTrue(json.get(key).get("mean").isNumber(), key);
        }
        assertEquals(1.0 / Math.sqrt(200), json.get("snr").get("mean").asDouble(), 1e-15);
    }

    @Test
    void badValuesGiveOneLineAndStatusTwo() {
        for (String[] args : new String[][] {{"--d", "0", "--mu", "1"}, {"--d", "100", "--mu", "-1"},
            {"--d", "100", "--mu", "1", "--repeats", "0"}, {"--d", "100", "--mu", "1", "--sigma0", "NaN"}}) {
            Run r = run(args);
            assertEquals(Main.EXIT_BAD_INPUT, r.status(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
    }
}
