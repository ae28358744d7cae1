package io.phistream.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests with the RFC 6962 reference vectors used by Certificate Transparency implementations
 * (transparency-dev/merkle testonly/constants.go and proof/verify_test.go; RFC 9162 hashing is unchanged).
 */
class MerkleVectorsTest {
  static final HexFormat HEX = HexFormat.of();

  static final List<byte[]> LEAF_INPUTS = List.of(h(""), h("00"), h("10"), h("2021"), h("3031"), h("40414243"),
      h("5051525354555657"), h("606162636465666768696a6b6c6d6e6f"));

  /** Roots by tree size 0..8. */
  static final List<byte[]> ROOTS = List.of(
      h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
      h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
      h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
      h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
      h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
      h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
      h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
      h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

  static final List<byte[]> LEAF_HASHES = List.of(
      h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
      h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
      h("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
      h("07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
      h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
      h("4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"),
      h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
      h("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"));

  record Vector(long index, long size, List<byte[]> proof) {}

  static final List<Vector> INCLUSION = List.of(
      new Vector(0, 1, List.of()),
      new Vector(0, 8, List.of(h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
          h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
      new Vector(5, 8, List.of(h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
          h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
          h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
      new Vector(2, 3, List.of(h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"))),
      new Vector(1, 5, List.of(h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
          h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))));

  /** (m, n, proof) with index = m and size = n. */
  static final List<Vector> CONSISTENCY = List.of(
      new Vector(1, 1, List.of()),
      new Vector(1, 8, List.of(h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
          h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
      new Vector(6, 8, List.of(h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
          h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
          h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
      new Vector(2, 5, List.of(h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))),
      new Vector(6, 7, List.of(h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
          h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
          h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))));

  static final MerkleTree TREE = MerkleTree.ofData(LEAF_INPUTS);

  @Test
  void givenReferenceLeaves_whenHashed_thenLeafHashesMatchTheVectors() {
    for (int i = 0; i < LEAF_INPUTS.size(); i++) {
      assertThat(MerkleHash.leaf(LEAF_INPUTS.get(i))).as("leaf %d", i).isEqualTo(LEAF_HASHES.get(i));
    }
  }

  @Test
  void givenEveryPrefix_whenRootComputedByTreeAndFrontier_thenBothMatchTheReferenceRoot() {
    MerkleFrontier f = new MerkleFrontier();
    assertThat(f.root()).isEqualTo(ROOTS.get(0));
    assertThat(TREE.root(0)).isEqualTo(ROOTS.get(0));
    for (int n = 1; n <= 8; n++) {
      f.append(LEAF_HASHES.get(n - 1));
      assertThat(f.root()).as("frontier root of size %d", n).isEqualTo(ROOTS.get(n));
      assertThat(TREE.root(n)).as("tree root of size %d", n).isEqualTo(ROOTS.get(n));
    }
  }

  @Test
  void givenReferenceInclusionVectors_whenProofsGenerated_thenTheyEqualTheVectorsAndVerify() {
    for (Vector v : INCLUSION) {
      List<byte[]> proof = TREE.inclusionProof(v.index(), v.size());
      assertThat(proof).as("proof %d/%d", v.index(), v.size()).containsExactlyElementsOf(v.proof());
      assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), LEAF_HASHES.get((int) v.index()), v.proof(),
          ROOTS.get((int) v.size()))).isTrue();
    }
  }

  @Test
  void givenReferenceConsistencyVectors_whenProofsGenerated_thenTheyEqualTheVectorsAndVerify() {
    for (Vector v : CONSISTENCY) {
      List<byte[]> proof = TREE.consistencyProof(v.index(), v.size());
      assertThat(proof).as("proof %d->%d", v.index(), v.size()).containsExactlyElementsOf(v.proof());
      assertThat(MerkleTree.verifyConsistency(v.index(), v.size(), ROOTS.get((int) v.index()),
          ROOTS.get((int) v.size()), v.proof())).isTrue();
    }
  }

  @Test
  void givenCorruptedInclusionProofs_whenVerified_thenEveryProbeIsRejected() {
    byte[] someHash = h("abacaba000000000000000000000000000000000000000000060061e00123456");
    for (Vector v : INCLUSION) {
      long i = v.index();
      long n = v.size();
      byte[] leaf = LEAF_HASHES.get((int) i);
      byte[] root = ROOTS.get((int) n);
      List<byte[]> p = v.proof();
      assertThat(MerkleTree.verifyInclusion(i - 1, n, leaf, p, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i + 1, n, leaf, p, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i ^ 2, n, leaf, p, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n * 2, leaf, p, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n / 2, leaf, p, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n, "WrongLeaf".getBytes(), p, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n, leaf, p, ROOTS.get(0))).isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n, leaf, p, someHash)).isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n, leaf, with(p, root, false), root)).as("trailing root").isFalse();
      assertThat(MerkleTree.verifyInclusion(i, n, leaf, with(p, root, true), root)).as("preceding root").isFalse();
      for (int k = 0; k < p.size(); k++) {
        List<byte[]> bad = new ArrayList<>(p);
        byte[] flipped = p.get(k).clone();
        flipped[0] ^= 8;
        bad.set(k, flipped);
        assertThat(MerkleTree.verifyInclusion(i, n, leaf, bad, root)).as("bit flip in proof[%d]", k).isFalse();
      }
      if (!p.isEmpty()) {
        assertThat(MerkleTree.verifyInclusion(i, n, leaf, p.subList(0, p.size() - 1), root)).isFalse();
      }
    }
  }

  @Test
  void givenCorruptedConsistencyProofs_whenVerified_thenEveryProbeIsRejected() {
    for (Vector v : CONSISTENCY) {
      if (v.proof().isEmpty()) {
        continue;
      }
      long m = v.index();
      long n = v.size();
      byte[] r1 = ROOTS.get((int) m);
      byte[] r2 = ROOTS.get((int) n);
      List<byte[]> p = v.proof();
      assertThat(MerkleTree.verifyConsistency(m - 1, n, r1, r2, p)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m + 1, n, r1, r2, p)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m ^ 2, n, r1, r2, p)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n * 2, r1, r2, p)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n / 2, r1, r2, p)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r2, r1, p)).as("swapped roots").isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, List.of())).as("empty proof").isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, with(p, r1, false))).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, with(p, r2, true))).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, with(p, p.get(0), true))).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, p.subList(0, p.size() - 1))).isFalse();
      for (int k = 0; k < p.size(); k++) {
        List<byte[]> bad = new ArrayList<>(p);
        byte[] flipped = p.get(k).clone();
        flipped[0] ^= 16;
        bad.set(k, flipped);
        assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, bad)).as("bit flip in proof[%d]", k).isFalse();
      }
    }
  }

  @Test
  void givenTrivialSizes_whenConsistencyVerified_thenOnlyEmptyProofsWithMatchingRootsPass() {
    byte[] a = ROOTS.get(1);
    byte[] b = ROOTS.get(2);
    assertThat(MerkleTree.verifyConsistency(0, 0, a, a, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 5, a, b, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(1, 1, a, b, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(2, 1, a, b, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 1, a, a, List.of(ROOTS.get(0)))).isFalse();
    assertThat(MerkleTree.verifyConsistency(0, 1, a, a, List.of(ROOTS.get(0)))).isFalse();
  }

  @Test
  void givenOutOfRangeArguments_whenProofsRequested_thenRejected() {
    assertThatThrownBy(() -> TREE.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TREE.inclusionProof(7, 7)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TREE.inclusionProof(0, 9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TREE.consistencyProof(9, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThat(MerkleTree.verifyInclusion(0, 0, LEAF_HASHES.get(0), List.of(), ROOTS.get(0))).isFalse();
  }

  private static List<byte[]> with(List<byte[]> p, byte[] extra, boolean front) {
    List<byte[]> out = new ArrayList<>(p);
    if (front) {
      out.add(0, extra);
    } else {
      out.add(extra);
    }
    return out;
  }

  static byte[] h(String hex) {
    return HEX.parseHex(hex);
  }
}
