package org.unlearnstability.family;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unlearnstability.linalg.Hessian;

/**
 * Reads one set of per-sample Hessians (section 2.1 of the paper) from a NumPy .npy file of shape
 * (n, d, d) (dense H_i), (n, d, k) (factors G_i, H_i = G_i G_i^T) or (n, d) (diagonals), or from one
 * array of an .npz bundle (see {@link NpzReader}), which arrives as an in-memory channel.
 *
 * <p>Every declared size is checked against the file length and the heap before any array is
 * allocated, so a hostile header cannot exhaust memory; values are then streamed in chunks and
 * scattered into per-sample arrays in either C or Fortran order.
 */
final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final String source;
    private final String set;

    /** The Hessians of one file and the validator that names that file in later errors. */
    record FileSet(List<Hessian> hessians, FamilyValidator validator) {
        FileSet {
            hessians = List.copyOf(hessians);
        }
    }

    private NpyReader(Path file, String set) {
        this.file = file;
        this.source = file.toString();
        this.set = set;
    }

    /**
     * @param file the .npy file
     * @param set "retain" or "forget", for errors
     * @param layout how the last two dimensions are read
     * @return the validated Hessians of the file
     * @throws InputException when the file cannot be read or is not an accepted family set
     */
    static FileSet read(Path file, String set, NpyLayout layout) {
        NpyReader reader = new NpyReader(file, set);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return reader.read(channel, layout);
        } catch (EOFException e) {
            throw reader.reject("file ended early: " + e.getMessage());
        } catch (IOException e) {
            throw FamilyReader.unreadable(reader.source, e);
        }
    }

    /**
     * @param bundle the .npz file, named in errors
     * @param key the array's key in the bundle, named in errors as the set
     * @param channel the array's .npy bytes
     * @param layout how its shape is read
     * @return the validated Hessians of the array
     * @throws IOException when the channel cannot be read
     */
    static FileSet read(Path bundle, String key, SeekableByteChannel channel, NpyLayout layout) throws IOException {
        NpyReader reader = new NpyReader(bundle, key);
        try {
            return reader.read(channel, layout);
        } catch (EOFException e) {
            throw reader.reject("array ended early: " + e.getMessage());
        }
    }

    private FileSet read(SeekableByteChannel channel, NpyLayout layout) throws IOException {
        NpyHeader header = readHeader(channel, true);
        long[] shape = header.shape();
        checkShape(header, layout, channel.size());
        FamilyValidator validator = header.itemSize() == 4
                ? FamilyValidator.forFloat32(source) : FamilyValidator.forDoubles(source);
        if (shape.length == 2) {
            double[][][] diagonals = readValues(channel, header, shape[0], shape[1], 1, false);
            List<Hessian> hessians = new ArrayList<>(diagonals.length);
            for (int s = 0; s < diagonals.length; s++) {
                double[] diagonal = new double[(int) shape[1]];
                for (int i = 0; i < diagonal.length; i++) {
                    diagonal[i] = diagonals[s][i][0];
                }
                hessians.add(validator.diagonal(set, s, diagonal));
            }
            return new FileSet(hessians, validator);
        }
        boolean factor = layout.readsFactor(shape[1], shape[2]);
        double[][][] samples = readValues(channel, header, shape[0], shape[1], shape[2], factor);
        List<Hessian> hessians = new ArrayList<>(samples.length);
        for (int s = 0; s < samples.length; s++) {
            hessians.add(factor
                    ? validator.factorColumns(set, s, (int) shape[1], samples[s])
                    : validator.dense(set, s, samples[s]));
            samples[s] = new double[0][]; // lets the raw copy go while the rest is built
        }
        return new FileSet(hessians, validator);
    }

    /**
     * Reads a two-dimensional float array (e.g. a factor Gram matrix) as rows.
     *
     * @param bundle the .npz file, named in errors
     * @param key the array's key
     * @param channel the array's .npy bytes
     * @return the header and the rows
     * @throws IOException when the channel cannot be read
     */
    static double[][] readMatrix(Path bundle, String key, SeekableByteChannel channel) throws IOException {
        NpyReader reader = new NpyReader(bundle, key);
        try {
            NpyHeader header = reader.readHeader(channel, true);
            long[] shape = header.shape();
            if (shape.length != 2) {
                throw reader.reject("expected a 2-dimensional array, found shape " + header.shapeText());
            }
            reader.checkSize(header, shape[0] * shape[1], channel.size());
            reader.checkMemory(header, 1, shape[0], shape[1]);
            return reader.readValues(channel, header, 1, shape[0], shape[1], false)[0];
        } catch (EOFException e) {
            throw reader.reject("array ended early: " + e.getMessage());
        }
    }

    /**
     * @param bundle the .npz file, named in errors
     * @param key the array's key
     * @param channel the array's .npy bytes
     * @return the header of any accepted dtype, positioned at the data
     * @throws IOException when the channel cannot be read
     */
    static NpyHeader readAnyHeader(Path bundle, String key, SeekableByteChannel channel) throws IOException {
        NpyReader reader = new NpyReader(bundle, key);
        try {
            NpyHeader header = reader.readHeader(channel, false);
            channel.position(header.dataOffset());
            return header;
        } catch (EOFException e) {
            throw reader.reject("array ended early: " + e.getMessage());
        }
    }

    private NpyHeader readHeader(SeekableByteChannel channel, boolean floats) throws IOException {
        long size = channel.size();
        ByteBuffer prefix = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, prefix, Math.min(12, size));
        prefix.flip();
        byte[] magic = new byte[Math.min(MAGIC.length, prefix.remaining())];
        prefix.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw reject("not a .npy file: it does not start with the magic string \\x93NUMPY");
        }
        if (prefix.remaining() < 2) {
            throw reject("file ended early: no format version after the magic string");
        }
        int major = prefix.get() & 0xff;
        int minor = prefix.get() & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw reject("unsupported .npy format version " + major + "." + minor + " (accepted: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        if (prefix.remaining() < lengthBytes) {
            throw reject("file ended early: no header length field");
        }
        long headerLength = major == 1 ? prefix.getShort() & 0xffffL : prefix.getInt() & 0xffffffffL;
        long textStart = 8L + lengthBytes;
        if (headerLength > NpyHeader.MAX_HEADER_LENGTH) {
            throw reject("header length " + headerLength + " exceeds " + NpyHeader.MAX_HEADER_LENGTH
                    + " bytes (numpy's own max_header_size)");
        }
        if (textStart + headerLength > size) {
            throw reject("header length " + headerLength + " runs past the end of the file (" + size + " bytes)");
        }
        ByteBuffer text = ByteBuffer.allocate((int) headerLength);
        channel.position(textStart);
        readFully(channel, text, headerLength);
        String header = new String(text.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        try {
            NpyHeader parsed = NpyHeader.parse(header, textStart + headerLength);
            if (floats) {
                parsed.requireFloat();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw reject("malformed .npy header: " + e.getMessage());
        }
    }

    private void checkShape(NpyHeader header, NpyLayout layout, long fileSize) {
        long[] shape = header.shape();
        layout.requireAccepts(shape.length, header.shapeText()).ifPresent(reason -> {
            throw reject(reason);
        });
        long n = shape[0];
        long d = shape[1];
        long k = shape.length == 3 ? shape[2] : 1;
        if (layout == NpyLayout.DENSE && d != k) {
            throw reject("layout DENSE needs shape (n, d, d), found " + header.shapeText()
                    + " (use the factor layout for G of shape (n, d, k))");
        }
        long elements;
        try {
            elements = Math.multiplyExact(Math.multiplyExact(n, d), k);
        } catch (ArithmeticException e) {
            throw reject("declared shape " + header.shapeText() + " of " + header.dtypeText()
                    + " needs more than " + Long.MAX_VALUE + " bytes");
        }
        checkSize(header, elements, fileSize);
        if (n == 0) {
            throw new InputException(source, set, -1, "empty set: shape " + header.shapeText() + " has no samples");
        }
        if (d == 0) {
            throw reject("empty matrices: d = 0 in shape " + header.shapeText());
        }
        checkMemory(header, n, d, k);
    }

    private void checkSize(NpyHeader header, long elements, long fileSize) {
        long declared;
        try {
            declared = Math.multiplyExact(elements, header.itemSize());
        } catch (ArithmeticException e) {
            throw reject("declared shape " + header.shapeText() + " of " + header.dtypeText()
                    + " needs more than " + Long.MAX_VALUE + " bytes");
        }
        long held = fileSize - header.dataOffset();
        if (declared != held) {
            throw reject("declared shape " + header.shapeText() + " of " + header.dtypeText() + " needs "
                    + declared + " bytes of data, the file holds " + held);
        }
    }

    private void checkMemory(NpyHeader header, long n, long d, long k) {
        long perSample = d * k;
        if (n > Integer.MAX_VALUE || perSample > Integer.MAX_VALUE - 8L) {
            throw reject("shape " + header.shapeText() + " exceeds Java array limits (n and d * k must be below 2^31)");
        }
        long needed = n * perSample * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw reject("shape " + header.shapeText() + " needs " + needed + " bytes of heap as float64, more than"
                    + " the maximum heap of " + heap + " bytes (raise -Xmx)");
        }
    }

    /**
     * Streams the values in file order and scatters them: sample s of a dense array is stored as
     * rows [s][i][j], of a factor array as the columns [s][c][i] that FactorHessian keeps.
     */
    private double[][][] readValues(SeekableByteChannel channel, NpyHeader header, long rows, long dimension,
            long width, boolean factor) throws IOException {
        int n = (int) rows;
        int d = (int) dimension;
        int k = (int) width;
        double[][][] samples = factor ? new double[n][k][d] : new double[n][d][k];
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(header.order());
        channel.position(header.dataOffset());
        int s = 0;
        int i = 0;
        int c = 0;
        long remaining = (long) n * d * k;
        while (remaining > 0) {
            buffer.clear();
            buffer.limit((int) Math.min(CHUNK, remaining * header.itemSize()));
            readFully(channel, buffer, buffer.limit());
            buffer.flip();
            while (buffer.hasRemaining()) {
                double value = header.itemSize() == 8 ? buffer.getDouble() : buffer.getFloat();
                if (factor) {
                    samples[s][c][i] = value;
                } else {
                    samples[s][i][c] = value;
                }
                remaining--;
                if (header.fortranOrder()) {
                    if (++s == n) {
                        s = 0;
                        if (++i == d) {
                            i = 0;
                            c++;
                        }
                    }
                } else if (++c == k) {
                    c = 0;
                    if (++i == d) {
                        i = 0;
                        s++;
                    }
                }
            }
        }
        return samples;
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer, long count) throws IOException {
        buffer.limit((int) count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("expected " + count + " more bytes");
            }
        }
    }

    private InputException reject(String reason) {
        return new InputException(source, set, -1, reason);
    }
}
