package org.unlearnstability.family;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.unlearnstability.family.NpyFixture.Dtype;

/** Writes .npz bundles the way numpy.savez does (a zip of NAME.npy entries), for reader and command tests. */
public final class NpzBundles {
    private final Path scratch;
    private final Map<String, byte[]> arrays = new LinkedHashMap<>();

    private NpzBundles(Path scratch) {
        this.scratch = scratch;
    }

    /**
     * @param scratch a directory for temporary .npy files
     * @return an empty bundle
     */
    public static NpzBundles in(Path scratch) {
        return new NpzBundles(scratch);
    }

    /**
     * @param key the key
     * @param values a 3-dimensional float64 array (n, a, b)
     * @return this bundle
     * @throws IOException when the scratch file fails
     */
    public NpzBundles array(String key, double[][][] values) throws IOException {
        Path file = scratch.resolve(key + "-array.npy");
        NpyFixture.write(file, values, Dtype.FLOAT64, ByteOrder.LITTLE_ENDIAN, false, 1);
        arrays.put(key, Files.readAllBytes(file));
        return this;
    }

    /**
     * @param key the key
     * @param rows a 2-dimensional float64 array (C order)
     * @return this bundle
     * @throws IOException when the scratch file fails
     */
    public NpzBundles matrix(String key, double[][] rows) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(rows.length * rows[0].length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : rows) {
            for (double v : row) {
                data.putDouble(v);
            }
        }
        return raw(key, "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows.length + ", " + rows[0].length
                + "), }", data.array());
    }

    /**
     * @param key the key
     * @param value a float64 scalar
     * @return this bundle
     * @throws IOException when the scratch file fails
     */
    public NpzBundles real(String key, double value) throws IOException {
        return raw(key, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
    }

    /**
     * @param key the key
     * @param value an int64 scalar
     * @return this bundle
     * @throws IOException when the scratch file fails
     */
    public NpzBundles integer(String key, long value) throws IOException {
        return raw(key, "{'descr': '<i8', 'fortran_order': False, 'shape': (), }",
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    /**
     * @param key the key
     * @param text a numpy unicode scalar (dtype '&lt;U')
     * @return this bundle
     * @throws IOException when the scratch file fails
     */
    public NpzBundles text(String key, String text) throws IOException {
        return raw(key, "{'descr': '<U" + text.length() + "', 'fortran_order': False, 'shape': (), }",
                text.getBytes(Charset.forName("UTF-32LE")));
    }

    /**
     * @param key the key
     * @param header the .npy header dict
     * @param data the data bytes
     * @return this bundle
     * @throws IOException when the scratch file fails
     */
    public NpzBundles raw(String key, String header, byte[] data) throws IOException {
        Path file = scratch.resolve(key + "-raw.npy");
        NpyFixture.writeRaw(file, 1, header, data);
        arrays.put(key, Files.readAllBytes(file));
        return this;
    }

    /**
     * @param file the .npz to write (deflated entries, as numpy.savez_compressed)
     * @return the file
     * @throws IOException when it cannot be written
     */
    public Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
