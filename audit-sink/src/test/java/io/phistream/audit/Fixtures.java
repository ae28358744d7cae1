package io.phistream.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Synthetic drafts and logs. Digests are made-up hex, ids are sequence-derived codes: no PHI anywhere. */
final class Fixtures {
  private Fixtures() {}

  static AuditRecordDraft draft(Stage stage, int i) {
    return AuditRecordDraft.builder(stage, "msg-" + i)
        .outcome(i % 7 == 0 ? "quarantined" : "ok")
        .inputDigest(String.format("%064x", 0xabcdefL * (i + 1)))
        .outputDigest(String.format("%064x", 0x123457L * (i + 3)))
        .phiCount("NAME", 1 + i % 3).phiCount("DATE", i % 2)
        .ruleId("hl7.pid.5").ruleId("free-text.name")
        .policy("policy-2026.1", "sha256:" + String.format("%016x", 77L))
        .keyId("tok-key-1")
        .instance("node-a")
        .eventTimeMs(1_767_225_600_000L + i)
        .processingTimeMs(1_767_225_600_050L + i)
        .build();
  }

  /** A manual clock. */
  static final class Clock {
    final AtomicLong now = new AtomicLong(1_767_225_600_000L);

    long get() {
      return now.get();
    }

    void advance(long ms) {
      now.addAndGet(ms);
    }
  }

  /** n records into one fresh log, checkpoint every {@code every}; returns every entry in emission order. */
  static List<AuditEntry> log(TestKeys keys, Stage stage, int partition, int n, int every) {
    Clock clock = new Clock();
    AuditLog log = AuditLog.create(new AuditLogConfig(every, 60_000), keys.signer, stage, partition, clock::get);
    List<AuditEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clock.advance(1);
      out.addAll(log.append(draft(stage, i)));
    }
    return out;
  }
}
