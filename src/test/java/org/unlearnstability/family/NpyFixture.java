package org.unlearnstability.family;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny .npy writer for test fixtures: a three-dimensional float64 or float32 array of either
 * byte order, C or Fortran order, in format version 1.0, 2.0 or 3.0, laid out as numpy.save does
 * (header padded with spaces to a multiple of 64 bytes and ended by a newline).
 */
final class NpyFixture {
    /** The stored element type. */
    enum Dtype {
        FLOAT64("f8", 8), FLOAT32("f4", 4);

        final String code;
        final int size;

        Dtype(String code, int size) {
            this.code = code;
            this.size = size;
        }
    }

    private NpyFixture() {
    }

    /**
     * @param file the target
     * @param values the array as values[s][i][j] of shape (n, a, b); every [s] has the same shape
     * @param dtype the stored type (float32 rounds)
     * @param order the byte order
     * @param fortran whether to store in Fortran order
     * @param version the format major version, 1 to 3
     */
    static void write(Path file, double[][][] values, Dtype dtype, ByteOrder order, boolean fortran, int version)
            throws IOException {
        int n = values.length;
        int a = n == 0 ? 0 : values[0].length;
        int b = a == 0 ? 0 : values[0][0].length;
        String header = "{'descr': '" + (order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + dtype.code
                + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + n + ", " + a + ", " + b
                + "), }";
        ByteBuffer data = ByteBuffer.allocate(n * a * b * dtype.size).order(order);
        if (fortran) {
            for (int j = 0; j < b; j++) {
                for (int i = 0; i < a; i++) {
                    for (int s = 0; s < n; s++) {
                        put(data, dtype, values[s][i][j]);
                    }
                }
            }
        } else {
            for (double[][] sample : values) {
                for (double[] row : sample) {
                    for (double v : row) {
                        put(data, dtype, v);
                    }
                }
            }
        }
        writeRaw(file, version, header, data.array());
    }

    private static void put(ByteBuffer data, Dtype dtype, double v) {
        if (dtype == Dtype.FLOAT64) {
            data.putDouble(v);
        } else {
            data.putFloat((float) v);
        }
    }

    /**
     * Writes a file with an arbitrary header text (padded as numpy pads) and data bytes, for hostile inputs.
     *
     * @param file the target
     * @param version the format major version
     * @param header the dict literal
     * @param data the bytes after the header
     */
    static void writeRaw(Path file, int version, String header, byte[] data) throws IOException {
        int lengthBytes = version == 1 ? 2 : 4;
        int prefix = 8 + lengthBytes;
        StringBuilder text = new StringBuilder(header);
        while ((prefix + text.length() + 1) % 64 != 0) {
            text.append(' ');
        }
        text.append('\n');
        byte[] bytes = text.toString().getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer head = ByteBuffer.allocate(prefix).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            head.putShort((short) bytes.length);
        } else {
            head.putInt(bytes.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        out.write(bytes);
        out.write(data);
        Files.write(file, out.toByteArray());
    }

    /**
     * Writes only the fixed prefix and a declared header length, for headers that lie about their size.
     *
     * @param file the target
     * @param version the format major version
     * @param declaredLength the header length field
     * @param rest the bytes that follow
     */
    static void writePrefix(Path file, int version, long declaredLength, byte[] rest) throws IOException {
        int lengthBytes = version == 1 ? 2 : 4;
        ByteBuffer head = ByteBuffer.allocate(8 + lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            head.putShort((short) declaredLength);
        } else {
            head.putInt((int) declaredLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        out.write(rest);
        Files.write(file, out.toByteArray());
    }
}
