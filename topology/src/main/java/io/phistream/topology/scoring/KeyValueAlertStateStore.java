package io.phistream.topology.scoring;

import io.phistream.scoring.Band;
import io.phistream.scoring.alert.AlertFormat;
import io.phistream.scoring.alert.AlertState;
import io.phistream.scoring.alert.AlertStateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert router's state in a Kafka Streams key-value store: key {@code model + NUL + patient token}, value the
 * open alert (band, route, format, re-identification mark, time of the last alert sent). Hand-encoded with a version
 * byte for the same reason as {@link FeatureState}: five fields do not justify a new Avro contract.
 */
final class KeyValueAlertStateStore implements AlertStateStore {

    private static final byte FORMAT = 1;

    private final KeyValueStore<String, byte[]> store;

    KeyValueAlertStateStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    static String key(String patientToken, String model) {
        return model + '\u0000' + patientToken;
    }

    @Override
    public AlertState get(String patientToken, String model) {
        byte[] b = store.get(key(patientToken, model));
        if (b == null) {
            return null;
        }
        try {
            return decode(b);
        } catch (IllegalArgumentException e) {
            return null; // unreadable: treated as no open alert, so the next alert is raised rather than lost
        }
    }

    @Override
    public void put(String patientToken, String model, AlertState state) {
        store.put(key(patientToken, model), encode(state));
    }

    @Override
    public void delete(String patientToken, String model) {
        store.delete(key(patientToken, model));
    }

    static byte[] encode(AlertState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(s.band().code());
            out.writeUTF(s.route());
            out.writeByte(s.format().ordinal());
            out.writeBoolean(s.reidentify());
            out.writeLong(s.lastAlertMs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static AlertState decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown alert state format");
            }
            Band band = Band.fromCode(in.readByte());
            String route = in.readUTF();
            int format = in.readByte();
            if (format < 0 || format >= AlertFormat.values().length) {
                throw new IllegalArgumentException("corrupt alert state");
            }
            return new AlertState(band, route, AlertFormat.values()[format], in.readBoolean(), in.readLong());
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt alert state");
        }
    }
}
