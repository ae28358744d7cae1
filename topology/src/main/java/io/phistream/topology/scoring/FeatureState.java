package io.phistream.topology.scoring;

import io.phistream.serdes.avro.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest value of each vital sign of one patient, with its effective time, as kept in the scoring state store
 * under the patient token. Values and times only: no identifier, no text. Not thread-safe (one task owns a patient).
 *
 * <p>Oxygen is kept as one series, {@link Series#O2}: 1 when the latest inhaled-oxygen reading shows oxygen (a flow
 * above 0 L/min, or a concentration above room air's 21 %), 0 when it shows none.
 *
 * <p>The byte encoding is hand-written (a version byte, then fixed fields): a few numbers per patient do not
 * justify a new Avro contract in the serdes module, and the version byte lets a later layout read this one.
 */
public final class FeatureState {

    /** One series per vital; oxygen flow and concentration fold into {@link #O2}. */
    public enum Series { HR, RR, SPO2, SBP, TEMP, ACVPU, O2 }

    private static final byte FORMAT = 1;
    private static final double ROOM_AIR_O2_PERCENT = 21.0;
    private static final Series[] SERIES = Series.values();

    private final double[] value = new double[SERIES.length];
    private final long[] timeMs = new long[SERIES.length];
    private int present;
    private String lastMessageId = "";
    private long updatedWallMs;
    private final Map<String, float[]> lastScored = new TreeMap<>();

    /** The series an observation feeds, or null when it feeds none. */
    public static Series seriesOf(Observation o) {
        Vital v = Vital.byLoinc(o.getLoincCode());
        if (v == null) {
            return null;
        }
        return switch (v) {
            case HR -> Series.HR;
            case RR -> Series.RR;
            case SPO2 -> Series.SPO2;
            case SBP -> Series.SBP;
            case TEMP -> Series.TEMP;
            case ACVPU -> Series.ACVPU;
            case O2_FLOW, O2_CONCENTRATION -> Series.O2;
        };
    }

    /**
     * Takes an observation when it is at least as new as the series' current value (an older one, arriving late,
     * is ignored). Units are trusted to be the normalised ones ({@link Vital#unit()}); a record in another unit,
     * or an implausible value, is refused, since the state must only hold what the models can use.
     *
     * @return true when the state changed
     */
    public boolean apply(Observation o, long wallMs) {
        Series s = seriesOf(o);
        Vital v = Vital.byLoinc(o.getLoincCode());
        if (s == null || !v.unit().equals(o.getUnit()) || !Double.isFinite(o.getValue()) || !v.inRange(o.getValue())) {
            return false;
        }
        double x = o.getValue();
        if (v == Vital.ACVPU) {
            String code = o.getValueCode();
            int i = code == null || code.length() != 1 ? -1 : Vital.ACVPU_CODES.indexOf(code.charAt(0));
            if (i < 0) {
                return false;
            }
            x = i;
        } else if (v == Vital.O2_FLOW) {
            x = x > 0 ? 1 : 0;
        } else if (v == Vital.O2_CONCENTRATION) {
            x = x > ROOM_AIR_O2_PERCENT ? 1 : 0;
        }
        long t = o.getEffectiveTimeMs().toEpochMilli();
        int i = s.ordinal();
        if (has(s) && t < timeMs[i]) {
            return false;
        }
        boolean changed = !has(s) || value[i] != x || timeMs[i] != t;
        value[i] = x;
        timeMs[i] = t;
        present |= 1 << i;
        lastMessageId = o.getSourceMessageId();
        updatedWallMs = Math.max(updatedWallMs, wallMs);
        return changed;
    }

    public boolean has(Series s) {
        return (present & (1 << s.ordinal())) != 0;
    }

    /** The value (ACVPU: 0 = A .. 4 = U; O2: 1 on oxygen, 0 on air); NaN when absent. */
    public double value(Series s) {
        return has(s) ? value[s.ordinal()] : Double.NaN;
    }

    public long timeMs(Series s) {
        return has(s) ? timeMs[s.ordinal()] : Long.MIN_VALUE;
    }

    /** The newest effective time of any series: the patient's own clock (dates are shifted per patient). */
    public long newestTimeMs() {
        long newest = Long.MIN_VALUE;
        for (Series s : SERIES) {
            if (has(s)) {
                newest = Math.max(newest, timeMs[s.ordinal()]);
            }
        }
        return newest;
    }

    /**
     * Drops every series older than {@code ttlMs} before {@code nowMs} (both on the patient's clock).
     *
     * @return true when a series was dropped
     */
    public boolean expire(long nowMs, long ttlMs) {
        boolean changed = false;
        for (Series s : SERIES) {
            if (has(s) && timeMs[s.ordinal()] < nowMs - ttlMs) {
                present &= ~(1 << s.ordinal());
                value[s.ordinal()] = 0;
                timeMs[s.ordinal()] = 0;
                changed = true;
            }
        }
        return changed;
    }

    public boolean isEmpty() {
        return present == 0;
    }

    /** Message id of the observation applied last (joins scores to the audit log). */
    public String lastMessageId() {
        return lastMessageId;
    }

    /** Wall-clock time of the last update, for purging patients nobody has measured for a while. */
    public long updatedWallMs() {
        return updatedWallMs;
    }

    /** The model input last scored for {@code model}, or null. */
    public float[] lastScored(String model) {
        float[] r = lastScored.get(model);
        return r == null ? null : r.clone();
    }

    public void lastScored(String model, float[] row) {
        lastScored.put(model, row.clone());
    }

    public Map<String, float[]> lastScored() {
        return Collections.unmodifiableMap(lastScored);
    }

    // ---------------------------------------------------------------- encoding

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(present);
            for (Series s : SERIES) {
                if (has(s)) {
                    out.writeDouble(value[s.ordinal()]);
                    out.writeLong(timeMs[s.ordinal()]);
                }
            }
            out.writeUTF(lastMessageId);
            out.writeLong(updatedWallMs);
            out.writeShort(lastScored.size());
            for (Map.Entry<String, float[]> e : lastScored.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeShort(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a state of a known format (message names no value) */
    public static FeatureState fromBytes(byte[] bytes) {
        FeatureState s = new FeatureState();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown feature state format");
            }
            s.present = in.readInt();
            if ((s.present >>> SERIES.length) != 0) {
                throw new IllegalArgumentException("corrupt feature state");
            }
            for (Series x : SERIES) {
                if (s.has(x)) {
                    s.value[x.ordinal()] = in.readDouble();
                    s.timeMs[x.ordinal()] = in.readLong();
                }
            }
            s.lastMessageId = in.readUTF();
            s.updatedWallMs = in.readLong();
            int models = in.readUnsignedShort();
            for (int m = 0; m < models; m++) {
                String name = in.readUTF();
                float[] row = new float[in.readUnsignedShort()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = in.readFloat();
                }
                s.lastScored.put(name, row);
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("corrupt feature state");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt feature state");
        }
        return s;
    }

    @Override
    public String toString() { // values are clinical measurements, not identifiers; still, keep logs to the shape
        return "FeatureState" + Arrays.stream(SERIES).filter(this::has).map(Enum::name).toList();
    }
}
