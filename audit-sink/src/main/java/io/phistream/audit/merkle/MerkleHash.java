package io.phistream.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 section 2.1.1 hashing with SHA-256: leaf = H(0x00 || data), node = H(0x01 || left || right).
 * The prefixes separate leaves from interior nodes, so a node can never be passed off as a leaf.
 *
 * <p>Hand-written rather than a library: no maintained Java RFC 9162 library is available from our registries,
 * and the hashing is three lines on top of the JDK's SHA-256.
 */
public final class MerkleHash {
  public static final int SIZE = 32;
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  /** One digest per thread: MessageDigest.getInstance costs about as much as hashing a record. */
  private static final ThreadLocal<MessageDigest> LOCAL = ThreadLocal.withInitial(MerkleHash::sha256);

  private MerkleHash() {}

  /** This thread's SHA-256 instance; every method here resets it before use, never hold it across calls. */
  public static MessageDigest local() {
    return LOCAL.get();
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }

  /** MTH({}) = SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  public static byte[] leaf(byte[] data) {
    return leaf(local(), data);
  }

  public static byte[] leaf(MessageDigest md, byte[] data) {
    md.reset();
    md.update(LEAF_PREFIX);
    md.update(data);
    return md.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    return node(local(), left, right);
  }

  public static byte[] node(MessageDigest md, byte[] left, byte[] right) {
    md.reset();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static void requireHash(byte[] h, String what) {
    if (h == null || h.length != SIZE) {
      throw new IllegalArgumentException(what + " must be a " + SIZE + "-byte SHA-256 hash");
    }
  }
}
