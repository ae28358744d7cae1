package io.phistream.audit;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed digests of message bytes for audit records. A plain hash of a short or guessable payload can be
 * reversed by dictionary; an HMAC under a key the auditor does not hold cannot, yet equal inputs still give
 * equal digests, so lineage across stages can be followed. With a Tink-prefixed key the 5-byte key prefix is
 * part of the digest, which tells the key (and so rotations) apart.
 */
public final class Digests {
  private Digests() {}

  /** Lower-case hex of {@code mac.computeMac(data)}. */
  public static String keyed(Mac mac, byte[] data) {
    try {
      return HexFormat.of().formatHex(mac.computeMac(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keyed digest failed", e);
    }
  }
}
