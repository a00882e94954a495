package org.unlearnstability.family;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;

/**
 * Reads a NumPy .npz bundle (numpy.savez / savez_compressed: a zip archive of .npy arrays) holding a
 * Hessian family (section 2.1 of the paper) in one of two forms of specs/family.md: {@code retain} and
 * {@code forget} arrays with a {@code layout} (dense, factor or diagonal), or only the Gram matrix of
 * the factor columns, {@code factor_gram} with {@code n_retain}, {@code n_forget}, {@code rank} and
 * {@code dimension} (see {@link FactorGram}); optional {@code eta}, {@code alpha}, {@code batch},
 * {@code description}.
 *
 * <p>The archive is read with java.util.zip, never unpickled: an object array is rejected from its
 * header. Every entry is inflated into memory under two caps checked while inflating, so that a zip
 * bomb stops early ({@link Limits}): the size cap bounds the memory any bundle can take, the ratio cap
 * stops an entry that inflates more than numeric data does.
 */
final class NpzReader {
    /** Largest accepted inflation ratio of an entry; deflate itself tops out near 1032 (all zeros). */
    static final long MAX_RATIO = 1000;
    /** Entries up to this size are exempt from the ratio cap (a small scalar deflates to almost nothing). */
    static final long RATIO_FREE_BYTES = 1 << 20;

    /**
     * The zip-bomb guards.
     *
     * @param maxEntryBytes the most bytes one entry may inflate to
     * @param maxRatio the most bytes out per compressed byte in, beyond {@code ratioFreeBytes}
     * @param ratioFreeBytes the size up to which the ratio is not checked
     */
    record Limits(long maxEntryBytes, long maxRatio, long ratioFreeBytes) {
        /** @return the defaults: a third of the maximum heap (at most 2^31 - 9 bytes), ratio 1000 beyond 1 MiB */
        static Limits defaults() {
            return new Limits(Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 3), MAX_RATIO,
                    RATIO_FREE_BYTES);
        }
    }
    /** At most this many entries: a bundle has at most the dozen documented keys. */
    static final int MAX_ENTRIES = 64;

    private static final Set<String> FACTOR_KEYS = Set.of("retain", "forget", "layout");
    private static final Set<String> GRAM_KEYS = Set.of("factor_gram", "n_retain", "n_forget", "rank", "dimension");
    private static final Set<String> OPTIONAL_KEYS = Set.of("eta", "alpha", "batch", "description");
    private static final List<String> ALL_KEYS = List.of("retain", "forget", "layout", "factor_gram", "n_retain",
            "n_forget", "rank", "dimension", "eta", "alpha", "batch", "description");

    private final Path file;
    private final String source;
    private final Limits limits;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private NpzReader(Path file, Limits limits) {
        this.file = file;
        this.source = file.toString();
        this.limits = limits;
    }

    /**
     * @param file the .npz bundle
     * @param fallback the layout used when the bundle has no {@code layout} key
     * @return the family and its optional fields
     * @throws InputException naming the file, the key and the reason when the bundle is not accepted
     */
    static FamilyFile read(Path file, NpyLayout fallback) {
        return read(file, fallback, Limits.defaults());
    }

    /**
     * @param file the .npz bundle
     * @param fallback the layout used when the bundle has no {@code layout} key
     * @param limits the zip-bomb guards
     * @return the family and its optional fields
     */
    static FamilyFile read(Path file, NpyLayout fallback, Limits limits) {
        NpzReader reader = new NpzReader(file, limits);
        try {
            reader.inflate();
            return reader.family(fallback);
        } catch (ZipException e) {
            throw new InputException(reader.source, null, -1, "not a readable .npz (zip) archive: " + e.getMessage());
        } catch (IOException e) {
            throw FamilyReader.unreadable(reader.source, e);
        }
    }

    private void inflate() throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw reject(null, zip.size() + " entries, more than " + MAX_ENTRIES + " (a bundle has at most "
                        + ALL_KEYS.size() + " keys)");
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".npy") || entry.isDirectory()) {
                    throw reject(name, "not an .npy array: an .npz bundle holds only NAME.npy entries");
                }
                String key = name.substring(0, name.length() - 4);
                if (!ALL_KEYS.contains(key)) {
                    throw reject(key, "unexpected key (accepted: " + String.join(", ", ALL_KEYS) + ")");
                }
                if (entries.containsKey(key)) {
                    throw reject(key, "duplicate key");
                }
                entries.put(key, inflate(zip, entry, key));
            }
        }
    }

    private byte[] inflate(ZipFile zip, ZipEntry entry, String key) throws IOException {
        long cap = limits.maxEntryBytes();
        if (entry.getSize() > cap) {
            throw reject(key, "declares " + entry.getSize() + " uncompressed bytes, more than the cap of " + cap
                    + " (zip bomb guard: a third of the maximum heap; raise -Xmx)");
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        InputStream stream = zip.getInputStream(entry);
        if (stream == null) {
            throw reject(key, "cannot open the entry");
        }
        try (InputStream in = stream) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > cap) {
                    throw reject(key, "inflates past the cap of " + cap + " bytes (zip bomb guard)");
                }
                if (total > limits.ratioFreeBytes() && total > limits.maxRatio() * compressed) {
                    throw reject(key, "inflates more than " + limits.maxRatio() + " times its " + compressed
                            + " compressed bytes (zip bomb guard)");
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }

    private FamilyFile family(NpyLayout fallback) throws IOException {
        boolean gram = entries.containsKey("factor_gram");
        Set<String> required = gram ? GRAM_KEYS : Set.of("retain", "forget");
        for (String key : ALL_KEYS) {
            if (required.contains(key) && !entries.containsKey(key)) {
                throw reject(key, "missing key" + (gram ? " (a factor_gram bundle needs n_retain, n_forget, rank"
                        + " and dimension)" : " (a bundle needs retain and forget, or factor_gram)"));
            }
            if (entries.containsKey(key) && !required.contains(key) && !OPTIONAL_KEYS.contains(key)
                    && !(key.equals("layout") && !gram)) {
                throw reject(key, "not allowed together with " + (gram ? "factor_gram" : "retain and forget"));
            }
        }
        HessianFamily family = gram ? gramFamily() : factorFamily(fallback);
        Optional<Hyperparameters> hyper = hyperparameters();
        Optional<String> description = entries.containsKey("description")
                ? Optional.of(text("description")) : Optional.empty();
        return new FamilyFile(family, hyper, description, Optional.empty());
    }

    private HessianFamily factorFamily(NpyLayout fallback) throws IOException {
        NpyLayout layout = fallback;
        if (entries.containsKey("layout")) {
            String name = text("layout").trim();
            try {
                layout = NpyLayout.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw reject("layout", "unknown layout '" + name + "' (accepted: dense, factor, diagonal)");
            }
            if (layout == NpyLayout.AUTO) {
                throw reject("layout", "unknown layout '" + name + "' (accepted: dense, factor, diagonal)");
            }
        }
        NpyReader.FileSet retain = NpyReader.read(file, "retain", channel("retain"), layout);
        NpyReader.FileSet forget = NpyReader.read(file, "forget", channel("forget"), layout);
        return FamilyValidator.family(retain.hessians(), retain.validator(), forget.hessians(), forget.validator());
    }

    private HessianFamily gramFamily() throws IOException {
        int nRetain = positiveInt("n_retain");
        int nForget = positiveInt("n_forget");
        int rank = positiveInt("rank");
        int dimension = positiveInt("dimension");
        double[][] gram = NpyReader.readMatrix(file, "factor_gram", channel("factor_gram"));
        return FactorGram.stored(source, gram, nRetain, nForget, rank, dimension).spanFamily();
    }

    private Optional<Hyperparameters> hyperparameters() throws IOException {
        boolean any = entries.containsKey("eta") || entries.containsKey("alpha") || entries.containsKey("batch");
        if (!any) {
            return Optional.empty();
        }
        for (String key : List.of("eta", "alpha", "batch")) {
            if (!entries.containsKey(key)) {
                throw reject(key, "missing key: eta, alpha and batch come together");
            }
        }
        double eta = real("eta");
        double alpha = real("alpha");
        int batch = positiveInt("batch");
        try {
            return Optional.of(new Hyperparameters(eta, alpha, batch));
        } catch (IllegalArgumentException e) {
            throw reject("eta", e.getMessage() == null ? "invalid hyper-parameters" : e.getMessage());
        }
    }

    private SeekableByteChannel channel(String key) {
        byte[] bytes = entries.get(key);
        if (bytes == null) {
            throw reject(key, "missing key");
        }
        return new ByteChannel(bytes);
    }

    /** A 0-d (or one-element) number or string array, positioned at its value. */
    private ByteBuffer scalar(String key, NpyHeader header, SeekableByteChannel channel) throws IOException {
        long elements = 1;
        for (long extent : header.shape()) {
            elements *= extent;
        }
        if (elements != 1) {
            throw reject(key, "expected a scalar, found shape " + header.shapeText());
        }
        if (channel.size() - header.dataOffset() != header.itemSize()) {
            throw reject(key, "expected " + header.itemSize() + " bytes of data, the array holds "
                    + (channel.size() - header.dataOffset()));
        }
        ByteBuffer value = ByteBuffer.allocate(header.itemSize()).order(header.order());
        while (value.hasRemaining() && channel.read(value) >= 0) {
            // fills the buffer from the in-memory channel
        }
        return value.flip();
    }

    private double real(String key) throws IOException {
        SeekableByteChannel channel = channel(key);
        NpyHeader header = NpyReader.readAnyHeader(file, key, channel);
        ByteBuffer value = scalar(key, header, channel);
        double x = switch (header.kind()) {
            case 'f' -> header.itemSize() == 8 ? value.getDouble() : header.itemSize() == 4 ? value.getFloat()
                    : Double.NaN;
            case 'i', 'u' -> integer(key, header, value);
            default -> throw reject(key, "expected a number, found dtype '" + header.descr() + "'");
        };
        if (!Double.isFinite(x)) {
            throw reject(key, "not finite: " + x + " (dtype '" + header.descr() + "')");
        }
        return x;
    }

    private int positiveInt(String key) throws IOException {
        SeekableByteChannel channel = channel(key);
        NpyHeader header = NpyReader.readAnyHeader(file, key, channel);
        if (header.kind() != 'i' && header.kind() != 'u') {
            throw reject(key, "expected an integer, found dtype '" + header.descr() + "'");
        }
        long value = integer(key, header, scalar(key, header, channel));
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw reject(key, "expected an integer from 1 to " + Integer.MAX_VALUE + ", found " + value);
        }
        return (int) value;
    }

    private long integer(String key, NpyHeader header, ByteBuffer value) {
        long x = switch (header.itemSize()) {
            case 1 -> header.kind() == 'u' ? value.get() & 0xffL : value.get();
            case 2 -> header.kind() == 'u' ? value.getShort() & 0xffffL : value.getShort();
            case 4 -> header.kind() == 'u' ? value.getInt() & 0xffffffffL : value.getInt();
            default -> value.getLong();
        };
        if (header.kind() == 'u' && header.itemSize() == 8 && x < 0) {
            throw reject(key, "unsigned value exceeds " + Long.MAX_VALUE);
        }
        return x;
    }

    private String text(String key) throws IOException {
        SeekableByteChannel channel = channel(key);
        NpyHeader header = NpyReader.readAnyHeader(file, key, channel);
        Charset charset;
        if (header.kind() == 'U') {
            charset = Charset.forName(header.order() == java.nio.ByteOrder.BIG_ENDIAN ? "UTF-32BE" : "UTF-32LE");
        } else if (header.kind() == 'S') {
            charset = StandardCharsets.UTF_8;
        } else {
            throw reject(key, "expected a string, found dtype '" + header.descr() + "'");
        }
        ByteBuffer value = scalar(key, header, channel);
        String text = new String(value.array(), charset);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end); // numpy pads fixed-width strings with NULs
    }

    private InputException reject(@Nullable String key, String reason) {
        return new InputException(source, key, -1, reason);
    }

    /**
     * A read-only channel over an inflated entry, so that {@link NpyReader} reads it as it reads a file; open and
     * close are the JDK's channel base class's.
     */
    private static final class ByteChannel extends AbstractInterruptibleChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;

        ByteChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            requireOpen();
            if (position >= bytes.length) {
                return -1;
            }
            int count = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, count);
            position += count;
            return count;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            requireOpen();
            position = (int) Math.min(bytes.length, Math.max(0, newPosition));
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        protected void implCloseChannel() {
            // Nothing to release: the bytes go with the channel.
        }

        private void requireOpen() throws ClosedChannelException {
            if (!isOpen()) {
                throw new ClosedChannelException();
            }
        }
    }
}
