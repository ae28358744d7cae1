package io.phistream.audit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Result of {@link AuditVerifier}: per log counts and every problem found. */
public record VerifyReport(List<LogReport> logs, List<Problem> problems) {

  /**
   * @param records distinct records present
   * @param checkpoints distinct validly signed checkpoints
   * @param contiguousSize records 0..n-1 all present
   * @param verifiedSize largest checkpoint size whose signed root matched the records (0 if none)
   * @param unsealed records after the largest valid checkpoint, which no signature covers yet
   */
  public record LogReport(String logId, long records, long checkpoints, long contiguousSize, long verifiedSize,
                          long unsealed, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public VerifyReport {
    logs = List.copyOf(logs);
    problems = List.copyOf(problems);
  }

  /** True when no problem of any kind was found. An empty input is ok (there is nothing to contradict). */
  public boolean ok() {
    return problems.isEmpty();
  }

  public Set<Problem.Kind> kinds() {
    Set<Problem.Kind> out = EnumSet.noneOf(Problem.Kind.class);
    problems.forEach(p -> out.add(p.kind()));
    return out;
  }

  public List<Problem> problems(Problem.Kind kind) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (p.kind() == kind) {
        out.add(p);
      }
    }
    return out;
  }

  public LogReport log(String logId) {
    for (LogReport l : logs) {
      if (l.logId().equals(logId)) {
        return l;
      }
    }
    return null;
  }

  /** A compact text rendering: one status line, one line per log, one indented line per problem. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("audit verification: ").append(ok() ? "OK" : "FAILED (" + problems.size() + " problems)");
    sb.append(", ").append(logs.size()).append(" logs\n");
    for (LogReport l : logs) {
      sb.append(l.ok() ? "  ok   " : "  FAIL ").append(l.logId()).append(": ")
          .append(l.records()).append(" records, ").append(l.checkpoints()).append(" checkpoints, verified to size ")
          .append(l.verifiedSize());
      if (l.unsealed() > 0) {
        sb.append(", ").append(l.unsealed()).append(" unsealed (no checkpoint yet)");
      }
      sb.append('\n');
      for (Problem p : l.problems()) {
        sb.append("       ").append(p.kind()).append(' ').append(p.where()).append(": ").append(p.detail()).append('\n');
      }
    }
    for (Problem p : problems) {
      if (log(p.logId()) == null) {
        sb.append("  ").append(p).append('\n');
      }
    }
    return sb.toString();
  }
}
