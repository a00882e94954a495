package org.unlearnstability.experiment.fig3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.family.InputException;

/** The committed digits file is read only with its hash and shape; anything else is a one-line error. */
class DigitsDataTest {
    static final Path FILE = Path.of("specs", "data", "digits.csv.gz");
    static final String SHA256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";

    @TempDir
    Path dir;

    @Test
    void theCommittedFileHas1797ImagesOf64PixelsWithScikitLearnsClassSizes() {
        DigitsData data = DigitsData.read(FILE, SHA256);
        assertEquals(1797, data.size());
        assertEquals(64, data.pixels()[0].length);
        int[] counts = new int[10];
        int max = 0;
        for (int i = 0; i < data.size(); i++) {
            counts[data.digits()[i]]++;
            for (int p : data.pixels()[i]) {
                max = Math.max(max, p);
            }
        }
        assertEquals(List.of(178, 182, 177, 183, 181, 182, 181, 179, 174, 180),
                java.util.Arrays.stream(counts).boxed().toList());
        assertEquals(16, max);
    }

    @Test
    void anotherHashIsRejectedNamingBothHashes() {
        String wrong = "0".repeat(64);
        InputException e = assertThrows(InputException.class, () -> DigitsData.read(FILE, wrong));
        assertTrue(e.getMessage().contains(SHA256) && e.getMessage().contains(wrong), e.getMessage());
    }

    @Test
    void aFileThatIsNotGzipIsRejectedEvenWithAMatchingHash() throws IOException {
        Path file = dir.resolve("plain.csv.gz");
        byte[] bytes = "1,2,3\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(file, bytes);
        InputException e = assertThrows(InputException.class, () -> DigitsData.read(file, DigitsData.sha256(bytes)));
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void wrongShapeOrValuesNameTheLineAndTheReason() {
        List<String> good = new ArrayList<>(Collections.nCopies(DigitsData.IMAGES, "0,".repeat(64) + "3"));
        DigitsData.parse("ok", good);
        assertTrue(assertThrows(InputException.class, () -> DigitsData.parse("f", good.subList(0, 10)))
                .getMessage().contains("10 lines"));
        List<String> shortLine = new ArrayList<>(good);
        shortLine.set(41, "0,".repeat(63) + "3");
        assertTrue(assertThrows(InputException.class, () -> DigitsData.parse("f", shortLine)).getMessage()
                .contains("line 42"));
        List<String> bigPixel = new ArrayList<>(good);
        bigPixel.set(7, "17," + "0,".repeat(63) + "3");
        String message = assertThrows(InputException.class, () -> DigitsData.parse("f", bigPixel)).getMessage();
        assertTrue(message.contains("line 8") && message.contains("0..16"), message);
        List<String> text = new ArrayList<>(good);
        text.set(0, "x," + "0,".repeat(63) + "3");
        assertTrue(assertThrows(InputException.class, () -> DigitsData.parse("f", text)).getMessage()
                .contains("not a number"));
    }
}
