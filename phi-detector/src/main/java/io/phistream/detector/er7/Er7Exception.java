package io.phistream.detector.er7;

/**
 * Input is not a readable ER7 message. The message names the problem and a character offset only,
 * never input text, so it is safe to log.
 */
public final class Er7Exception extends Exception {

    public enum Problem { EMPTY, NO_MSH, BAD_ENCODING_CHARACTERS, BAD_SEGMENT_NAME, BINARY_CONTENT }

    private final Problem problem;
    private final int offset;

    public Er7Exception(Problem problem, int offset) {
        super(problem + " at offset " + offset, null, false, false);
        this.problem = problem;
        this.offset = offset;
    }

    public Problem problem() {
        return problem;
    }

    public int offset() {
        return offset;
    }
}
