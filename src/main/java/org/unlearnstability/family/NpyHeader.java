package org.unlearnstability.family;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The header of a NumPy .npy file (format versions 1.0, 2.0 and 3.0 of numpy.lib.format), as far
 * as this tool accepts it: an array of fixed-size numbers or strings (dtype kinds f, i, u, b, U, S) of
 * either byte order, C or Fortran order. Object arrays (dtype 'O', which numpy stores pickled and
 * loads only with allow_pickle) are rejected while parsing: they are never executed or read.
 *
 * <p>The header text is a Python dict literal with exactly the keys 'descr', 'fortran_order' and
 * 'shape'; this strict parser accepts that literal and nothing else (no expressions, no other keys).
 *
 * @param descr the dtype as numpy wrote it, e.g. '&lt;f8'
 * @param order the byte order of the stored values
 * @param kind the dtype kind: 'f' float, 'i' signed, 'u' unsigned, 'b' bool, 'U' UTF-32 text, 'S' bytes
 * @param itemSize bytes per element (8 for float64, 4 for float32)
 * @param fortranOrder whether the first index varies fastest
 * @param shape the declared shape
 * @param dataOffset the file offset of the first value
 */
record NpyHeader(String descr, ByteOrder order, char kind, int itemSize, boolean fortranOrder, long[] shape,
        long dataOffset) {

    /** numpy's own default bound on the header length (numpy.lib.format, max_header_size). */
    static final int MAX_HEADER_LENGTH = 10_000;

    NpyHeader {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the shape as numpy prints it, e.g. "(3, 4, 4)" */
    String shapeText() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return LongStream.of(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * @throws IllegalArgumentException unless the dtype is float64 or float32, the only values a Hessian is read from
     */
    void requireFloat() {
        if (kind != 'f' || (itemSize != 8 && itemSize != 4)) {
            throw unsupported(descr);
        }
    }

    /** @return "float64" or "float32" with its byte order */
    String dtypeText() {
        return (itemSize == 8 ? "float64" : "float32")
                + (order == ByteOrder.LITTLE_ENDIAN ? " little-endian" : " big-endian");
    }

    /**
     * Parses the dict literal of a header.
     *
     * @param text the header text after the length field
     * @param dataOffset the offset of the first value
     * @return the header
     * @throws IllegalArgumentException with the reason when the text is not an accepted header
     */
    static NpyHeader parse(String text, long dataOffset) {
        DictParser parser = new DictParser(text);
        String descr = null;
        Boolean fortran = null;
        long[] shape = null;
        parser.expect('{');
        while (!parser.peekIs('}')) {
            String key = parser.string();
            parser.expect(':');
            switch (key) {
                case "descr" -> descr = parser.once(descr, key, parser.string());
                case "fortran_order" -> fortran = parser.once(fortran, key, parser.bool());
                case "shape" -> shape = parser.once(shape, key, parser.tuple());
                default -> throw new IllegalArgumentException("unexpected key '" + key
                        + "' (a header has exactly 'descr', 'fortran_order' and 'shape')");
            }
            if (!parser.peekIs('}')) {
                parser.expect(',');
            }
        }
        parser.expect('}');
        parser.requireEnd();
        if (descr == null || fortran == null || shape == null) {
            throw new IllegalArgumentException(
                    "missing key: a header has exactly 'descr', 'fortran_order' and 'shape'");
        }
        if (descr.contains("O")) {
            throw new IllegalArgumentException("dtype '" + descr + "' is a pickled Python object array (numpy's"
                    + " allow_pickle): rejected, never unpickled");
        }
        if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0 || "fiubUS".indexOf(descr.charAt(1)) < 0
                || descr.length() > 8 || !descr.substring(2).chars().allMatch(Character::isDigit)) {
            throw unsupported(descr);
        }
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = descr.charAt(1);
        int size = Integer.parseInt(descr.substring(2));
        int itemSize = kind == 'U' ? Math.multiplyExact(size, 4) : size;
        if (kind != 'U' && kind != 'S' && size != 1 && size != 2 && size != 4 && size != 8) {
            throw unsupported(descr);
        }
        return new NpyHeader(descr, order, kind, itemSize, fortran, shape, dataOffset);
    }

    private static IllegalArgumentException unsupported(String descr) {
        return new IllegalArgumentException("unsupported dtype '" + descr
                + "': expected float64 or float32 ('<f8', '>f8', '<f4' or '>f4')");
    }

    /** A recursive-descent reader of the Python literal subset numpy writes into a header. */
    private static final class DictParser {
        private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
        private final String text;
        private int position;

        DictParser(String text) {
            this.text = text;
        }

        <T> T once(@Nullable T previous, String key, T value) {
            if (previous != null) {
                throw new IllegalArgumentException("duplicate key '" + key + "'");
            }
            return value;
        }

        boolean peekIs(char c) {
            skipSpace();
            return position < text.length() && text.charAt(position) == c;
        }

        void expect(char c) {
            if (!peekIs(c)) {
                throw error("expected '" + c + "'");
            }
            position++;
        }

        String string() {
            skipSpace();
            char quote = position < text.length() ? text.charAt(position) : '\0';
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, position + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(position + 1, end);
            if (value.indexOf('\\') >= 0) {
                throw error("escape sequences are not accepted in a header string");
            }
            position = end + 1;
            return value;
        }

        Boolean bool() {
            skipSpace();
            if (text.startsWith("True", position)) {
                position += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", position)) {
                position += 5;
                return Boolean.FALSE;
            }
            throw error("expected True or False");
        }

        long[] tuple() {
            expect('(');
            List<Long> values = new ArrayList<>();
            while (!peekIs(')')) {
                values.add(integer());
                if (!peekIs(')')) {
                    expect(',');
                }
            }
            expect(')');
            return values.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() {
            skipSpace();
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw error("expected a non-negative integer");
            }
            BigInteger value = new BigInteger(text.substring(start, position));
            if (position < text.length() && (text.charAt(position) == 'L' || text.charAt(position) == 'l')) {
                position++; // Python 2 long suffix, still found in old files
            }
            if (value.compareTo(LONG_MAX) > 0) {
                throw new IllegalArgumentException("shape entry " + value + " exceeds " + Long.MAX_VALUE);
            }
            return value.longValue();
        }

        void requireEnd() {
            skipSpace();
            if (position != text.length()) {
                throw error("unexpected text after the dict");
            }
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private IllegalArgumentException error(String what) {
            String rest = text.substring(position, Math.min(text.length(), position + 20));
            String found = rest.isEmpty() ? "the end of the header" : "\"" + rest.replace("\n", "\\n") + "\"";
            return new IllegalArgumentException(what + " at header offset " + position + ", found " + found);
        }
    }
}
