package io.phistream.topology.stream;

import io.phistream.audit.AuditEntry;
import io.phistream.audit.AuditLog;
import io.phistream.audit.AuditLogConfig;
import io.phistream.audit.AuditRecord;
import io.phistream.audit.AuditRecordDraft;
import io.phistream.audit.checkpoint.CheckpointSigner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Appends the audit drafts of the stage processors in this task to their (stage, partition) Merkle logs and
 * writes records and signed checkpoints to the audit topic. Log state (sequence, frontier, last checkpoint)
 * lives in a changelogged store written in the same exactly-once transaction as the entries, so a crash or a
 * rebalance continues each log with no gap and no fork.
 */
public final class AuditProcessor implements Processor<String, Object, String, byte[]> {

    static final String STORE = "audit-log-state";

    private final String storeName;
    private final AuditLogConfig config;
    private final CheckpointSigner signer;
    private final Map<String, AuditLog> logs = new HashMap<>();
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<String, byte[]> context;
    private int partition;

    AuditProcessor(AuditLogConfig config, CheckpointSigner signer) {
        this(STORE, config, signer);
    }

    AuditProcessor(String storeName, AuditLogConfig config, CheckpointSigner signer) {
        this.storeName = storeName;
        this.config = config;
        this.signer = signer;
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return storeBuilder(STORE);
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder(String name) {
        // cached: each record overwrites its log's state, so only the last state per commit needs a RocksDB write
        // and a changelog record (the cache is flushed before the transaction commits; an abort restores the last
        // committed state, as without the cache)
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // a revived task (after an aborted transaction) re-reads every log from its restored store
        logs.clear();
        this.partition = context.taskId().partition();
        long every = Math.max(100, Math.min(1_000, config.checkpointIntervalMs()));
        context.schedule(Duration.ofMillis(every), PunctuationType.WALL_CLOCK_TIME, now -> {
            for (AuditLog log : logs.values()) {
                log.checkpointIfDue().ifPresent(cp -> write(log, List.of(cp), now));
            }
        });
    }

    @Override
    public void process(Record<String, Object> record) {
        AuditRecordDraft draft = (AuditRecordDraft) record.value();
        String logId = AuditRecord.logId(draft.stage(), partition);
        AuditLog log = logs.computeIfAbsent(logId,
                id -> AuditLog.restore(config, signer, id, store.get(id), System::currentTimeMillis));
        write(log, log.append(draft), record.timestamp());
    }

    private void write(AuditLog log, List<AuditEntry> entries, long timestamp) {
        store.put(log.logId(), log.state().toBytes());
        for (AuditEntry e : entries) {
            context.forward(new Record<>(e.key(), e.value(), timestamp));
            if (e instanceof io.phistream.audit.CheckpointEntry) {
                LAST_CHECKPOINT_MS.set(System.currentTimeMillis());
            }
        }
    }

    /** Wall-clock time of the last checkpoint any audit node of this process signed (0: none yet), for /status. */
    static final java.util.concurrent.atomic.AtomicLong LAST_CHECKPOINT_MS = new java.util.concurrent.atomic.AtomicLong();

    /** How long ago this process last signed a checkpoint; empty before the first. */
    public static java.util.Optional<java.time.Duration> lastCheckpointAge() {
        long t = LAST_CHECKPOINT_MS.get();
        return t == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.Duration.ofMillis(System.currentTimeMillis() - t));
    }

    @Override
    public void close() {
        logs.clear(); // the next owner of this task restores from the store
    }
}
