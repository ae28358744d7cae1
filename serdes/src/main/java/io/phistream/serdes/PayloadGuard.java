package io.phistream.serdes;

import io.phistream.serdes.ContractViolationException.Reason;
import org.apache.avro.Schema;

/**
 * Structural check of an Avro binary body against its writer schema, before Avro decodes it.
 *
 * <p>Why hand-written: Avro allocates a string, bytes, array or map of whatever length a payload announces
 * before reading it, so a corrupt 10-byte record can ask for gigabytes; its stream decoders read ahead, so
 * they cannot tell whether bytes are left over; and its own {@code GenericDatumReader.skip} trusts string
 * lengths, so a negative one moves the read position backwards (an array of such items re-reads the same byte
 * for as many items as it announces, up to 2^62; checked on Avro 1.12.2). This
 * walker reads the exact byte range once, allocates nothing, and checks every length, union branch, enum
 * ordinal and varint, turning each problem into a {@link ContractViolationException}.
 */
final class PayloadGuard {

    /** Deeper than any contract; bounds recursion for recursive writer schemas from a registry. */
    private static final int MAX_DEPTH = 64;
    /**
     * Only zero-byte items (null, empty records) let a valid block announce more items than it has bytes;
     * allow that up to this margin, no more.
     */
    private static final long ZERO_SIZE_ITEM_MARGIN = 1024;

    private final byte[] data;
    private final String topic;
    private int pos;

    private PayloadGuard(byte[] data, int offset, String topic) {
        this.data = data;
        this.pos = offset;
        this.topic = topic;
    }

    static void check(Schema writer, byte[] data, int offset, String topic) {
        PayloadGuard g = new PayloadGuard(data, offset, topic);
        g.walk(writer, 0);
        if (g.pos != data.length) {
            throw new ContractViolationException(topic, Reason.TRAILING_BYTES);
        }
    }

    private void walk(Schema s, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        switch (s.getType()) {
            case NULL -> { }
            case BOOLEAN -> {
                int b = readByte();
                if (b != 0 && b != 1) {
                    throw malformed();
                }
            }
            case INT -> readVarint(5);
            case LONG -> readVarint(10);
            case FLOAT -> skip(4);
            case DOUBLE -> skip(8);
            case FIXED -> skip(s.getFixedSize());
            case STRING, BYTES -> skip(length());
            case ENUM -> {
                long ordinal = readVarint(5);
                if (ordinal < 0 || ordinal >= s.getEnumSymbols().size()) {
                    throw malformed();
                }
            }
            case UNION -> {
                long branch = readVarint(10);
                if (branch < 0 || branch >= s.getTypes().size()) {
                    throw malformed();
                }
                walk(s.getTypes().get((int) branch), depth + 1);
            }
            case RECORD -> {
                for (Schema.Field f : s.getFields()) {
                    walk(f.schema(), depth + 1);
                }
            }
            case ARRAY -> blocks(false, s.getElementType(), depth);
            case MAP -> blocks(true, s.getValueType(), depth);
            default -> throw malformed();
        }
    }

    /** Array and map blocks: count, or negative count followed by the block's byte size; a 0 count ends. */
    private void blocks(boolean stringKeys, Schema item, int depth) {
        while (true) {
            long count = readVarint(10);
            if (count == 0) {
                return;
            }
            if (count < 0) {
                if (count == Long.MIN_VALUE) {
                    throw malformed();
                }
                count = -count;
                length(); // block byte size: must be sane, the walk below checks the items themselves
            }
            if (count > remaining() + ZERO_SIZE_ITEM_MARGIN) {
                throw truncatedOrMalformed();
            }
            for (long i = 0; i < count; i++) {
                if (stringKeys) {
                    skip(length());
                }
                walk(item, depth + 1);
            }
        }
    }

    private long length() {
        long n = readVarint(10);
        if (n < 0) {
            throw malformed();
        }
        if (n > remaining()) {
            throw new ContractViolationException(topic, Reason.TRUNCATED_BODY);
        }
        return n;
    }

    private void skip(long n) {
        if (n > remaining()) {
            throw new ContractViolationException(topic, Reason.TRUNCATED_BODY);
        }
        pos += (int) n;
    }

    private int readByte() {
        if (pos >= data.length) {
            throw new ContractViolationException(topic, Reason.TRUNCATED_BODY);
        }
        return data[pos++] & 0xFF;
    }

    /** Zig-zag varint of at most {@code maxBytes} bytes (5 for int, 10 for long), decoded. */
    private long readVarint(int maxBytes) {
        long raw = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = readByte();
            raw |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw malformed();
    }

    private long remaining() {
        return data.length - pos;
    }

    private ContractViolationException malformed() {
        return new ContractViolationException(topic, Reason.MALFORMED_BODY);
    }

    private ContractViolationException truncatedOrMalformed() {
        return new ContractViolationException(topic, Reason.TRUNCATED_BODY);
    }
}
