package io.phistream.topology.memory;

import io.phistream.detector.PatientMemory;
import io.phistream.topology.Topic;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-patient memory across messages, kept in Kafka: one compacted topic of {@code <patient token>/<digest>} keys
 * (value: when the digest was first learned, epoch ms), read by every instance into a global store.
 *
 * <p>Why a global store: ingest is keyed by message, not by patient, so a later note about a patient may land on
 * another partition and another instance than the admission that named them. Re-partitioning by patient would put
 * raw messages, PHI in clear, on an internal topic; the global store holds only keyed digests. One record per
 * digest (not one set per patient) means concurrent writers never overwrite each other and compaction keeps
 * every digest. The memory is eventually consistent: a note processed before the global thread has read the
 * admission's digests (milliseconds) is scrubbed with what the note itself carries.
 */
public final class PatientMemoryStore {

    /** The global store's name. */
    public static final String STORE = "patient-memory";
    private static final String SOURCE = "patient-memory-source";
    private static final String UPDATER = "patient-memory-updater";
    private static final char SEPARATOR = '/';

    private PatientMemoryStore() {
    }

    /** Adds the global store, fed from the memory topic. */
    public static void addTo(Topology t, Topic<String, Long> topic) {
        t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        Serdes.Long()).withLoggingDisabled(), // the topic is the store's log
                // raw values: a record no phi-stream wrote must not stop the global thread (that stops the instance)
                SOURCE, topic.keySerde().deserializer(), new ByteArrayDeserializer(), topic.name(), UPDATER,
                Updater::new);
    }

    /** The key of one remembered digest. */
    public static String key(String patientToken, String digest) {
        return patientToken + SEPARATOR + digest;
    }

    /** The memory as the de-identifier reads it, over the store a processor got from its context. */
    public static PatientMemory reader(KeyValueStore<String, Long> store) {
        return patientToken -> {
            String prefix = patientToken + SEPARATOR;
            Set<String> digests = new HashSet<>();
            try (KeyValueIterator<String, Long> it = store.prefixScan(prefix, new StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, Long> kv = it.next();
                    digests.add(kv.key.substring(prefix.length()));
                }
            }
            return digests;
        };
    }

    /** Digests in {@code learned} that {@code recalled} does not hold yet: the only ones worth a record. */
    public static Set<String> newDigests(Set<String> learned, Set<String> recalled) {
        if (learned.isEmpty() || recalled.containsAll(learned)) {
            return Set.of();
        }
        Set<String> s = new HashSet<>(learned);
        s.removeAll(recalled);
        return s;
    }

    /** Copies the topic into the global store; a null value (tombstone) forgets the digest. */
    private static final class Updater implements Processor<String, byte[], Void, Void> {
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else if (record.value().length == Long.BYTES) {
                store.putIfAbsent(record.key(), ByteBuffer.wrap(record.value()).getLong());
            } // anything else was not written by phi-stream: skipped
        }
    }
}
