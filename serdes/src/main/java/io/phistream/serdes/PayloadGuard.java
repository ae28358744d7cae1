package io.phistream.serdes;

import io.phistream.serdes.ContractViolationException.Reason;
import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Structural check of an Avro binary body against its writer schema before it is decoded.
 *
 * <p>Why: Avro allocates a string, bytes or array of the length a payload announces before reading it, so a
 * corrupt 10-byte record can ask for a 2 GB buffer; and Avro's stream decoders read ahead, so they cannot
 * tell whether bytes are left over. {@link GenericDatumReader#skip} walks the body without allocating values,
 * over the exact byte range, which turns both into contract violations (TRUNCATED_BODY, TRAILING_BYTES)
 * instead of an OutOfMemoryError or silent acceptance.
 */
final class PayloadGuard {

    private static final ThreadLocal<BinaryDecoder> REUSE = new ThreadLocal<>();

    private PayloadGuard() {
    }

    static void check(Schema writer, byte[] data, int offset, String topic) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, REUSE.get());
        REUSE.set(decoder);
        try {
            GenericDatumReader.skip(writer, decoder);
            if (!decoder.isEnd()) {
                throw new ContractViolationException(topic, Reason.TRAILING_BYTES);
            }
        } catch (EOFException e) {
            throw new ContractViolationException(topic, Reason.TRUNCATED_BODY);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ContractViolationException cve) {
                throw cve;
            }
            throw new ContractViolationException(topic, Reason.MALFORMED_BODY);
        }
    }
}
