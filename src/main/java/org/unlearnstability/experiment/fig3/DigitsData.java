package org.unlearnstability.experiment.fig3;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.family.InputException;

/**
 * The UCI optical-recognition handwritten digits (Alpaydin and Kaynak, 1998) as scikit-learn ships them
 * (specs/data/digits.csv.gz, described in specs/data/README.md): 1,797 images of 8 x 8 pixels with integer
 * values 0..16 and their digit 0..9. The file is read only when its SHA-256 and its shape are the expected
 * ones, so Figure 3 always runs on the same data.
 *
 * @param pixels one row of {@link #PIXELS} values 0..16 per image
 * @param digits the digit of each image
 */
public record DigitsData(int[][] pixels, int[] digits) {
    /** Images in the file. */
    public static final int IMAGES = 1797;
    /** Pixels per image (8 x 8). */
    public static final int PIXELS = 64;
    /** The largest pixel value (a count of on pixels in a 4 x 4 block). */
    public static final int MAX_PIXEL = 16;

    /**
     * @param file the gzip-compressed CSV
     * @param sha256 the expected SHA-256 of the file's bytes, lower-case hex
     * @return the data
     * @throws InputException naming the file, the line and the reason when the file is unreadable, has another
     *     hash, or is not 1,797 lines of 64 pixels 0..16 and a digit 0..9
     */
    public static DigitsData read(Path file, String sha256) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(source, null, -1, "cannot read: " + e.getMessage());
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new InputException(source, "dataSha256", -1, "SHA-256 is " + actual + ", expected " + sha256
                    + " (see specs/data/README.md)");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(bytes)), StandardCharsets.US_ASCII))) {
            for (@Nullable String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new InputException(source, null, -1, "not a readable gzip file: " + e.getMessage());
        }
        return parse(source, lines);
    }

    /**
     * @param source the file name, for messages
     * @param lines the CSV lines
     * @return the data
     * @throws InputException on a wrong shape or value
     */
    static DigitsData parse(String source, List<String> lines) {
        if (lines.size() != IMAGES) {
            throw new InputException(source, null, -1, "has " + lines.size() + " lines, expected " + IMAGES);
        }
        int[][] pixels = new int[IMAGES][PIXELS];
        int[] digits = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            String[] fields = lines.get(i).split(",", -1);
            if (fields.length != PIXELS + 1) {
                throw new InputException(source, "line " + (i + 1), i, "has " + fields.length + " fields, expected "
                        + (PIXELS + 1) + " (64 pixels and the digit)");
            }
            for (int p = 0; p <= PIXELS; p++) {
                int value = integer(source, i, p, fields[p]);
                int max = p < PIXELS ? MAX_PIXEL : 9;
                if (value < 0 || value > max) {
                    throw new InputException(source, "line " + (i + 1), i, "field " + (p + 1) + " is " + value
                            + ", outside 0.." + max);
                }
                if (p < PIXELS) {
                    pixels[i][p] = value;
                } else {
                    digits[i] = value;
                }
            }
        }
        return new DigitsData(pixels, digits);
    }

    /** The file stores integers, some written as "5.0". */
    private static int integer(String source, int line, int field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value != Math.rint(value)) {
                throw new InputException(source, "line " + (line + 1), line, "field " + (field + 1) + " is "
                        + text + ", not an integer");
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new InputException(source, "line " + (line + 1), line, "field " + (field + 1) + " is \"" + text
                    + "\", not a number");
        }
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256 in lower-case hex
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    /** @return the number of images */
    public int size() {
        return digits.length;
    }
}
