package org.unlearnstability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
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
    void mainCodeUsesPortableElementaryFunctions() {
        assertEquals(List.of(), MainSources.matching(PLATFORM_MATH, f -> !f.toString().contains("/bench/")),
                "java.lang.Math elementary functions in main sources");
    }

    @Test
    void theCheckFindsPlatformMathButNotStrictOrFastMath() {
        assertTrue(PLATFORM_MATH.matcher("double y = Math.log(x);").find());
        assertTrue(!PLATFORM_MATH.matcher("double y = FastMath.log(x) + StrictMath.exp(x) + Math.sqrt(x);").find());
    }
}
