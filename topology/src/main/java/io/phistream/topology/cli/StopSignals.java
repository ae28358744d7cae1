package io.phistream.topology.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT as a request to stop, handled by the caller, instead of the JVM's exit with 128 + the signal's
 * number. {@code sun.misc.Signal} (module jdk.unsupported) because the JDK has no supported API for it; where it is
 * refused, the caller falls back to a shutdown hook.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Runs {@code onStop} when TERM or INT arrives, for each of them that can be handled here. */
    static void handle(Runnable onStop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.info("SIG{} received: stopping", signal.getName());
                    onStop.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.info("SIG{} is left to the JVM ({}): a stop then exits with 128 + its number", name,
                        e.getClass().getSimpleName());
            }
        }
    }
}
