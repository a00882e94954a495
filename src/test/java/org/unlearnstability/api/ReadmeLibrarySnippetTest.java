package org.unlearnstability.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Use as a library" snippet compiles against the library and prints what the API computes: the
 * snippet is cut from README.md, compiled with the system compiler on the test class path, and run.
 */
class ReadmeLibrarySnippetTest {

    @Test
    void theReadmeSnippetCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Use as a library");
        assertTrue(section >= 0, "README has the library section");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String code = readme.substring(start, readme.indexOf("```", start));
        assertTrue(code.contains("public class Example"), code);
        Path source = dir.resolve("Example.java");
        Files.writeString(source, code);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-d", dir.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeLibrarySnippetTest.class.getClassLoader())) {
            Method main = loader.loadClass("Example").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        Analysis expected = UnlearnStability.analyze(UnlearnStability.loadJson(Path.of("specs/examples/tiny.json")),
                0.5, 0.1, 1);
        String line = String.format(Locale.ROOT, "sigma %.6f rho %.6f etaStar %.6f converges %b", expected.sigma(),
                expected.rho(), expected.etaStar(), expected.converges());
        assertEquals(List.of(line), printed.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
