package io.phistream.topology.stream;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Gives a never-written store's changelog an offset. With exactly-once, Kafka Streams wipes a task's whole local state
 * on start-up when one of its persistent logged stores has no checkpointed changelog offset, which is the case of a
 * store that was never written (the FHIR gate's dedupe store on an HL7-only feed, the alert state of a quiet feed):
 * every clean restart then re-read all the task's other stores from their changelogs ({@code CleanRestartIT}).
 *
 * <p>One marker record fixes it. It is written from a one-shot punctuation because a changelog write needs the record
 * context a punctuation has and {@code init} does not.
 */
public final class ChangelogMarker {

    /** The marker's key: no digest, token or patient key can be equal to it. Its value is empty. */
    public static final String KEY = "~changelog-marker";

    private ChangelogMarker() {
    }

    /** When {@code empty}, schedules {@code write} (the store's put of the marker) once, as soon as the task runs. */
    public static void writeIfEmpty(ProcessorContext<?, ?> context, boolean empty, Runnable write) {
        if (!empty) {
            return;
        }
        Cancellable[] once = new Cancellable[1];
        once[0] = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> {
            once[0].cancel();
            write.run();
        });
    }

    /** Whether a store's iterator has nothing; closes it. */
    public static boolean isEmpty(KeyValueIterator<?, ?> all) {
        try (all) {
            return !all.hasNext();
        }
    }
}
