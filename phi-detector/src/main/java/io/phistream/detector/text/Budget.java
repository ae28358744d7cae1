package io.phistream.detector.text;

/** Time budget of one detection; checked at loop boundaries, never by a watchdog thread. */
final class Budget {
    /** Thrown to unwind a scan out of time; preallocated, no stack trace, no content. */
    static final class Exceeded extends RuntimeException {
        static final Exceeded INSTANCE = new Exceeded();

        private Exceeded() {
            super("time budget exceeded", null, false, false);
        }
    }

    private final long deadline;

    Budget(long nanos) {
        this.deadline = System.nanoTime() + nanos;
    }

    void check() {
        if (System.nanoTime() > deadline) {
            throw Exceeded.INSTANCE;
        }
    }
}
