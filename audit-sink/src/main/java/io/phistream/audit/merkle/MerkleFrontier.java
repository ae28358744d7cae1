package io.phistream.audit.merkle;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only RFC 9162 Merkle tree kept as its right edge: the roots of the perfect subtrees whose sizes are
 * the set bits of {@code size}, largest first. That is O(log n) state (at most 64 hashes), enough to append a
 * leaf and to compute the root, and small enough to live in a changelogged Kafka Streams state store.
 *
 * <p>Not thread-safe: one frontier belongs to one log, which one stream task owns.
 */
public final class MerkleFrontier {
  private static final byte FORMAT = 1;

  private final List<byte[]> stack;
  private long size;

  public MerkleFrontier() {
    this(0, new ArrayList<>());
  }

  private MerkleFrontier(long size, List<byte[]> stack) {
    this.size = size;
    this.stack = stack;
  }

  public long size() {
    return size;
  }

  /** Appends one leaf hash (already {@link MerkleHash#leaf leaf-hashed}); returns the new size. */
  public long append(byte[] leafHash) {
    MerkleHash.requireHash(leafHash, "leaf hash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full");
    }
    MessageDigest md = MerkleHash.local();
    byte[] h = leafHash.clone();
    // Every trailing 1-bit of the old size is a complete subtree of the same height as h: merge them.
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      h = MerkleHash.node(md, stack.remove(stack.size() - 1), h);
    }
    stack.add(h);
    return ++size;
  }

  /** MTH of all leaves appended so far (RFC 9162 2.1.1); the SHA-256 of "" for an empty tree. */
  public byte[] root() {
    if (stack.isEmpty()) {
      return MerkleHash.emptyRoot();
    }
    MessageDigest md = MerkleHash.local();
    byte[] r = stack.get(stack.size() - 1);
    for (int i = stack.size() - 2; i >= 0; i--) {
      r = MerkleHash.node(md, stack.get(i), r);
    }
    return r.clone();
  }

  /** The subtree roots, largest (leftmost) first; copies. */
  public List<byte[]> subtreeRoots() {
    List<byte[]> out = new ArrayList<>(stack.size());
    for (byte[] h : stack) {
      out.add(h.clone());
    }
    return out;
  }

  public MerkleFrontier copy() {
    return new MerkleFrontier(size, subtreeRoots());
  }

  /** Format byte, size (8 bytes), then bitCount(size) hashes of 32 bytes. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + stack.size() * MerkleHash.SIZE);
    b.put(FORMAT).putLong(size);
    for (byte[] h : stack) {
      b.put(h);
    }
    return b.array();
  }

  public static MerkleFrontier fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < 9 || bytes[0] != FORMAT) {
      throw new IllegalArgumentException("not a serialised Merkle frontier");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.get();
    long size = b.getLong();
    if (size < 0) {
      throw new IllegalArgumentException("negative frontier size");
    }
    int n = Long.bitCount(size);
    if (bytes.length != 9 + n * MerkleHash.SIZE) {
      throw new IllegalArgumentException("frontier length does not match its size");
    }
    List<byte[]> stack = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] h = new byte[MerkleHash.SIZE];
      b.get(h);
      stack.add(h);
    }
    return new MerkleFrontier(size, stack);
  }
}
