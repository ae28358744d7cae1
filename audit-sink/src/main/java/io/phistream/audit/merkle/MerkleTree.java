package io.phistream.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 Merkle tree over a full list of leaf hashes, for proofs and verification (the pipeline itself only
 * keeps a {@link MerkleFrontier}). Proof generation follows RFC 9162 2.1.3.1 (PATH) and 2.1.4.1 (PROOF/SUBPROOF);
 * verification follows the iterative algorithms of 2.1.3.2 and 2.1.4.2, which need no tree at all.
 *
 * <p>Indexes and sizes are longs as in the RFC, but a tree held in memory is bounded by {@code int}.
 */
public final class MerkleTree {
  private final List<byte[]> leaves;

  /** @param leafHashes leaf hashes ({@link MerkleHash#leaf}), in log order */
  public MerkleTree(List<byte[]> leafHashes) {
    List<byte[]> copy = new ArrayList<>(leafHashes.size());
    for (byte[] h : leafHashes) {
      MerkleHash.requireHash(h, "leaf hash");
      copy.add(h.clone());
    }
    this.leaves = copy;
  }

  public static MerkleTree ofData(List<byte[]> leafData) {
    List<byte[]> hashes = new ArrayList<>(leafData.size());
    MessageDigest md = MerkleHash.sha256();
    for (byte[] d : leafData) {
      hashes.add(MerkleHash.leaf(md, d));
    }
    return new MerkleTree(hashes);
  }

  public long size() {
    return leaves.size();
  }

  public byte[] leafHash(long index) {
    return leaves.get(checkedIndex(index, size())).clone();
  }

  public byte[] root() {
    return root(size());
  }

  /** MTH of the first {@code size} leaves. */
  public byte[] root(long size) {
    checkSize(size);
    return size == 0 ? MerkleHash.emptyRoot() : mth(MerkleHash.sha256(), 0, (int) size);
  }

  /** PATH(index, D[0:size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
  public List<byte[]> inclusionProof(long index, long size) {
    checkSize(size);
    checkedIndex(index, size);
    List<byte[]> out = new ArrayList<>();
    path(MerkleHash.sha256(), (int) index, 0, (int) size, out);
    return out;
  }

  /** PROOF(m, D[0:n]): proves that the tree of the first m leaves is a prefix of the tree of the first n. */
  public List<byte[]> consistencyProof(long m, long n) {
    checkSize(n);
    if (m < 0 || m > n) {
      throw new IllegalArgumentException("consistency proof needs 0 <= m <= n");
    }
    List<byte[]> out = new ArrayList<>();
    if (m > 0 && m < n) {
      subproof(MerkleHash.sha256(), (int) m, 0, (int) n, true, out);
    }
    return out;
  }

  // ---- verification (RFC 9162 2.1.3.2 and 2.1.4.2) ----

  /** True when {@code proof} shows leaf {@code leafHash} at {@code index} in a tree of {@code size} with {@code root}. */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    byte[] r = rootFromInclusionProof(index, size, leafHash, proof);
    return r != null && root != null && MessageDigest.isEqual(r, root);
  }

  /** The root implied by an inclusion proof, or null when the proof is malformed for that index and size. */
  public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
    if (index < 0 || index >= size || !isHash(leafHash) || proof == null) {
      return null;
    }
    MessageDigest md = MerkleHash.sha256();
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (!isHash(p) || sn == 0) {
        return null;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(md, p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = MerkleHash.node(md, r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 ? r : null;
  }

  /**
   * True when {@code proof} shows the tree of size {@code m} with root {@code first} is a prefix of the tree of
   * size {@code n} with root {@code second}. Sizes 0 and m == n need an empty proof (equal roots for m == n).
   */
  public static boolean verifyConsistency(long m, long n, byte[] first, byte[] second, List<byte[]> proof) {
    if (m < 0 || n < m || proof == null || !isHash(first) || !isHash(second)) {
      return false;
    }
    if (m == n) {
      return proof.isEmpty() && MessageDigest.isEqual(first, second);
    }
    if (m == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    for (byte[] p : proof) {
      if (!isHash(p)) {
        return false;
      }
    }
    List<byte[]> path = proof;
    if (Long.bitCount(m) == 1) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(first);
      path.addAll(proof);
    }
    MessageDigest md = MerkleHash.sha256();
    long fn = m - 1;
    long sn = n - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (int i = 1; i < path.size(); i++) {
      byte[] c = path.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(md, c, fr);
        sr = MerkleHash.node(md, c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = MerkleHash.node(md, sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, first) && MessageDigest.isEqual(sr, second);
  }

  // ---- RFC 9162 recursive definitions over leaves[lo, hi) ----

  private byte[] mth(MessageDigest md, int lo, int hi) {
    int n = hi - lo;
    if (n == 1) {
      return leaves.get(lo);
    }
    int k = largestPowerOfTwoBelow(n);
    return MerkleHash.node(md, mth(md, lo, lo + k), mth(md, lo + k, hi));
  }

  private void path(MessageDigest md, int m, int lo, int hi, List<byte[]> out) {
    int n = hi - lo;
    if (n <= 1) {
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(md, m, lo, lo + k, out);
      out.add(mth(md, lo + k, hi));
    } else {
      path(md, m - k, lo + k, hi, out);
      out.add(mth(md, lo, lo + k));
    }
  }

  private void subproof(MessageDigest md, int m, int lo, int hi, boolean complete, List<byte[]> out) {
    int n = hi - lo;
    if (m == n) {
      if (!complete) {
        out.add(mth(md, lo, hi));
      }
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(md, m, lo, lo + k, complete, out);
      out.add(mth(md, lo + k, hi));
    } else {
      subproof(md, m - k, lo + k, hi, false, out);
      out.add(mth(md, lo, lo + k));
    }
  }

  /** The largest power of two strictly smaller than n (n >= 2). */
  static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static boolean isHash(byte[] h) {
    return h != null && h.length == MerkleHash.SIZE;
  }

  private void checkSize(long size) {
    if (size < 0 || size > leaves.size()) {
      throw new IllegalArgumentException("tree size out of range");
    }
  }

  private static int checkedIndex(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index out of range");
    }
    return (int) index;
  }

  @Override
  public String toString() {
    return "MerkleTree[size=" + leaves.size() + "]";
  }
}
