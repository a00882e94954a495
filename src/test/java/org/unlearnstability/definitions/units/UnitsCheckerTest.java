package org.unlearnstability.definitions.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.checkerframework.checker.units.qual.UnknownUnits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;

/**
 * The Units Checker bites: small snippets written against the project's annotated API, compiled with the
 * checker exactly as the {@code units-check} execution runs it ({@link PaperUnitsChecker}, {@code -proc:only}),
 * fail with a units error when they compare a learning rate with a curvature, add C_r to a curvature, forget a
 * factor of lambda_max(D) in eta7 or of eta in C_r (which scales as eta^2), or divide Tr(D^2) by Tr(D) twice, and
 * compile cleanly once corrected.
 */
class UnitsCheckerTest {
    private static final String IMPORTS = """
            import org.unlearnstability.definitions.Hyperparameters;
            import org.unlearnstability.definitions.NoiseConstants;
            import org.unlearnstability.definitions.units.Curvature;
            import org.unlearnstability.definitions.units.CurvatureSquared;
            import org.unlearnstability.definitions.units.InverseCurvature;
            import org.unlearnstability.definitions.units.InverseCurvatureSquared;
            """;

    /** A wrong line, its correction and the error the wrong one must raise. */
    private record Case(String name, String signature, String wrong, String right, String expectedKey) {
    }

    private static final List<Case> CASES = List.of(
            new Case("learningRateComparedWithCurvature",
                    "boolean beyondCurvature(Hyperparameters hyper, @Curvature double lambdaMaxD)",
                    "return hyper.eta() >= lambdaMaxD;",
                    "return hyper.eta() * lambdaMaxD >= 2.0;",
                    "operands.unit.mismatch"),
            new Case("noiseConstantAddedToCurvature",
                    "double shifted(NoiseConstants noise, @Curvature double lambdaMaxD, Hyperparameters hyper)",
                    "return noise.cR() + lambdaMaxD;",
                    "return noise.cR() * lambdaMaxD * lambdaMaxD + hyper.eta() * lambdaMaxD;",
                    "operands.unit.mismatch"),
            new Case("thresholdMissingLambda",
                    "@InverseCurvature double eta7(double sigma, double k7, @Curvature double lambdaMaxD)",
                    "return Math.sqrt(2) * sigma / k7;",
                    "return Math.sqrt(2) * sigma / (k7 * lambdaMaxD);",
                    "return"),
            new Case("noiseConstantMissingEta",
                    "@InverseCurvatureSquared double cR(Hyperparameters hyper, double batchFactor)",
                    "return hyper.eta() * batchFactor;",
                    "return hyper.eta() * hyper.eta() * batchFactor;",
                    "return"),
            new Case("gramOverTraceTwice",
                    "@Curvature double lowerBound(@CurvatureSquared double frobenius2, @Curvature double trace)",
                    "return frobenius2 / trace / trace;",
                    "return frobenius2 / trace;",
                    "return"));

    private static JavaCompiler compiler;
    private static String classPath;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the tests need a JDK, not a JRE");
        // The snippets see the project's annotated classes and checker-qual, as the main code does.
        classPath = location(Hyperparameters.class) + File.pathSeparator + location(UnknownUnits.class);
    }

    @Test
    void everyWrongSnippetFailsWithItsUnitsError() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile(CASES.stream().map(Case::wrong).toList());
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            long line = bodyLine(i);
            assertTrue(errors.stream().anyMatch(d -> d.getLineNumber() == line
                    && d.getMessage(Locale.ROOT).contains("[" + c.expectedKey() + "]")),
                    c.name() + ": expected a [" + c.expectedKey() + "] error on line " + line + ", got "
                            + show(errors));
        }
        assertEquals(CASES.size(), errors.stream().mapToLong(Diagnostic::getLineNumber).distinct().count(),
                "errors only on the wrong lines: " + show(errors));
    }

    @Test
    void everyCorrectedSnippetCompiles() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile(CASES.stream().map(Case::right).toList());
        assertTrue(errors.isEmpty(), "the corrected snippets must type-check: " + show(errors));
    }

    /** Compiles one class with one method per case (bodies in case order) and returns the errors. */
    private static List<Diagnostic<? extends JavaFileObject>> compile(List<String> bodies) {
        StringBuilder source = new StringBuilder("package snippet;\n").append(IMPORTS).append("class Snippet {\n");
        for (int i = 0; i < CASES.size(); i++) {
            source.append("    static ").append(CASES.get(i).signature()).append(" {\n")
                    .append("        ").append(bodies.get(i)).append('\n')
                    .append("    }\n");
        }
        source.append("}\n");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:only", "-classpath", classPath, "-Xmaxerrs", "10000");
        JavaCompiler.CompilationTask task = compiler.getTask(null, null, diagnostics, options, null,
                List.of(new Source("snippet/Snippet.java", source.toString())));
        task.setProcessors(List.of(new PaperUnitsChecker()));
        task.call();
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        return errors;
    }

    /** The line of case i's body: package, imports and class header, then three lines per case. */
    private static long bodyLine(int i) {
        long header = 1 + IMPORTS.lines().count() + 1;
        return header + 3L * i + 2;
    }

    private static String show(List<Diagnostic<? extends JavaFileObject>> errors) {
        return errors.stream().map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n", "\n", ""));
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }

    /** A source file held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String path, String code) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
