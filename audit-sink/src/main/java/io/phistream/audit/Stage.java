package io.phistream.audit;

import java.util.Locale;

/** The pipeline stage that wrote an audit record; its lower-case code starts the log id ("deidentify/3"). */
public enum Stage {
  PARSE, VALIDATE, DETECT, DEIDENTIFY, QUARANTINE, SCORE, ALERT, REIDENTIFY;

  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }

  public static Stage fromCode(String code) {
    for (Stage s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stage code");
  }
}
