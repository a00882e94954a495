package org.unlearnstability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every number the tool reports is the same on every JVM: java.lang.Math may compute log, exp, pow and the
 * trigonometric functions with platform intrinsics that differ in the last bit, which can flip a count of the audit
 * or a cell of a figure. Main code uses Hipparchus FastMath (pure Java, the same bits everywhere) for them; Math
 * keeps the correctly rounded operations (sqrt, abs, min, max, floor, ...). Benchmarks only time work and are exempt.
 */
class PortableMathTest {
    private static final Pattern PLATFORM_MATH = Pattern.compile("(?<![A-Za-z])Math\\."
            + "(log|log10|exp|pow|sin|cos|tan|tanh|sinh|cosh|log1p|expm1|atan|atan2|asin|acos|cbrt|hypot)\\(");

    @Test
    void mainCodeUsesPortableElementaryFunctions() throws IOException {
        List<String> hits;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            hits = files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/bench/"))
                    .flatMap(PortableMathTest::hits).toList();
        }
        assertEquals(List.of(), hits, "java.lang.Math elementary functions in main sources");
    }

    @Test
    void theCheckFindsPlatformMathButNotStrictOrFastMath() {
        assertTrue(PLATFORM_MATH.matcher("double y = Math.log(x);").find());
        assertTrue(!PLATFORM_MATH.matcher("double y = FastMath.log(x) + StrictMath.exp(x) + Math.sqrt(x);").find());
    }

    private static Stream<String> hits(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> PLATFORM_MATH.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
