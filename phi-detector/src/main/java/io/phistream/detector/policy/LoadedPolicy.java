package io.phistream.detector.policy;

/** What every loaded policy tells audit records about itself: the file's policy name, version and SHA-256. */
public abstract class LoadedPolicy {

    private final PolicyFile.Header header;

    protected LoadedPolicy(PolicyFile.Header header) {
        this.header = header;
    }

    public final String name() {
        return header.name();
    }

    public final String version() {
        return header.version();
    }

    /** SHA-256 of the policy file as loaded, for audit records. */
    public final String sha256() {
        return header.sha256();
    }
}
