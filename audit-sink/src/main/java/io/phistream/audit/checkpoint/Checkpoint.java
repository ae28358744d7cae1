package io.phistream.audit.checkpoint;

import io.phistream.audit.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A log checkpoint in C2SP tlog-checkpoint form: origin line, decimal tree size, base64 root hash, then two
 * extension lines binding the previous checkpoint and the signing time:
 *
 * <pre>
 * phi-stream/deidentify/3
 * 1000
 * 3q2+7w...=
 * prev 9m0x...=
 * time 1767225600000
 * </pre>
 *
 * {@code prev} is {@link #hash()} of the previous checkpoint of the same log (32 zero bytes for the first), so
 * checkpoints form a hash chain on top of the Merkle tree: a removed or replayed checkpoint breaks the chain.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, byte[] previousHash, long timestampMs) {
  /** {@code prev} of a log's first checkpoint. */
  public static final byte[] NO_PREVIOUS = new byte[MerkleHash.SIZE];

  private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");
  private static final Base64.Encoder B64 = Base64.getEncoder();

  public Checkpoint {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException("checkpoint origin must be 1-200 printable ASCII characters without spaces");
    }
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must not be negative");
    }
    if (rootHash == null || rootHash.length != MerkleHash.SIZE
        || previousHash == null || previousHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("checkpoint hashes must be 32 bytes");
    }
    if (timestampMs < 0) {
      throw new IllegalArgumentException("checkpoint time must not be negative");
    }
    rootHash = rootHash.clone();
    previousHash = previousHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public byte[] previousHash() {
    return previousHash.clone();
  }

  public boolean isFirst() {
    return MessageDigest.isEqual(previousHash, NO_PREVIOUS);
  }

  /** The note body (the signed text), every line ending in a newline. */
  public String body() {
    return origin + "\n" + size + "\n" + B64.encodeToString(rootHash) + "\n"
        + "prev " + B64.encodeToString(previousHash) + "\n"
        + "time " + timestampMs + "\n";
  }

  public byte[] bodyBytes() {
    return body().getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 of the body: what the next checkpoint's {@code prev} line holds. Signatures are not hashed, so
   *  adding a co-signature (a witness) does not break the chain. */
  public byte[] hash() {
    return MerkleHash.sha256().digest(bodyBytes());
  }

  /** Parses a body strictly: exactly the five lines {@link #body()} writes, in canonical form. */
  public static Checkpoint parse(String body) {
    if (body == null || !body.endsWith("\n")) {
      throw new IllegalArgumentException("checkpoint body must end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length != 5) {
      throw new IllegalArgumentException("checkpoint body must have 5 lines, has " + lines.length);
    }
    if (!DECIMAL.matcher(lines[1]).matches()) {
      throw new IllegalArgumentException("checkpoint size is not a canonical decimal");
    }
    if (!lines[3].startsWith("prev ") || !lines[4].startsWith("time ")
        || !DECIMAL.matcher(lines[4].substring(5)).matches()) {
      throw new IllegalArgumentException("checkpoint extension lines must be 'prev <base64>' and 'time <ms>'");
    }
    Checkpoint c;
    try {
      c = new Checkpoint(lines[0], Long.parseLong(lines[1]), decode(lines[2]), decode(lines[3].substring(5)),
          Long.parseLong(lines[4].substring(5)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint number out of range"); // never echo the input
    }
    if (!c.body().equals(body)) {
      throw new IllegalArgumentException("checkpoint body is not in canonical form");
    }
    return c;
  }

  private static byte[] decode(String b64) {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint hash is not base64");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size && c.timestampMs == timestampMs
        && Arrays.equals(c.rootHash, rootHash) && Arrays.equals(c.previousHash, previousHash);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + Long.hashCode(size) + Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + " size=" + size + " root=" + B64.encodeToString(rootHash) + "]";
  }
}
