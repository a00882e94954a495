package org.unlearnstability.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A SHA-256 fingerprint of this tool's build: every file under {@code org/unlearnstability/} (the class
 * files and the packaged claim specs), by name and content, in name order, read once from the jar or the
 * classes folder it runs from. The caches key on it, so that a change to any code or packaged spec, not
 * only one somebody remembered to mark with a version bump, selects fresh cells: a cached result can never
 * come from another build than the one running.
 */
public final class BuildFingerprint {
    private static final String PREFIX = "org/unlearnstability/";
    private static final String CURRENT = compute();

    private BuildFingerprint() {
    }

    /** @return the fingerprint of the running code, as 64 hex digits */
    public static String current() {
        return CURRENT;
    }

    private static String compute() {
        CodeSource source = BuildFingerprint.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("cannot locate the tool's classes to fingerprint them");
        }
        try {
            return of(Path.of(source.getLocation().toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tool's classes to fingerprint them", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the tool's classes to fingerprint them", e);
        }
    }

    /**
     * @param location a classes folder or a jar
     * @return the fingerprint of the tool's files in it (the same for a folder and a jar of it)
     * @throws IOException when it cannot be read
     */
    static String of(Path location) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
        if (Files.isDirectory(location)) {
            digestFolder(location, digest);
        } else {
            digestJar(location, digest);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digestFolder(Path root, MessageDigest digest) throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root.resolve(PREFIX))) {
            classes = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : classes) {
            add(digest, root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
    }

    private static void digestJar(Path jar, MessageDigest digest) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> classes = new ArrayList<>();
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.getName().startsWith(PREFIX) && !entry.isDirectory()) {
                    classes.add(entry);
                }
            }
            classes.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry entry : classes) {
                try (InputStream in = file.getInputStream(entry)) {
                    add(digest, entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    private static void add(MessageDigest digest, String name, byte[] bytes) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
    }
}
