package io.phistream.topology.quality;

import io.phistream.detector.RejectReason;

/** One violated rule: its id (ours, never message content) and its reason code. */
public record Finding(String ruleId, RejectReason reason) {
}
