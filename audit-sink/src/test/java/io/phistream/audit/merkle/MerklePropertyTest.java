package io.phistream.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties over random trees (fixed seeds, so failures reproduce). */
class MerklePropertyTest {

  static List<byte[]> randomLeaves(Random rnd, int n) {
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[rnd.nextInt(40)];
      rnd.nextBytes(data);
      out.add(MerkleHash.leaf(data));
    }
    return out;
  }

  @Test
  void givenRandomLeaves_whenAppendedToAFrontier_thenEveryPrefixRootEqualsTheFullTreeRoot() {
    Random rnd = new Random(9162);
    List<byte[]> leaves = randomLeaves(rnd, 600);
    MerkleTree tree = new MerkleTree(leaves);
    MerkleFrontier f = new MerkleFrontier();
    for (int n = 1; n <= leaves.size(); n++) {
      f.append(leaves.get(n - 1));
      assertThat(f.root()).as("size %d", n).isEqualTo(tree.root(n));
      assertThat(f.subtreeRoots()).hasSize(Long.bitCount(n));
    }
  }

  @Test
  void givenRandomTrees_whenEveryInclusionProofIsChecked_thenItVerifiesAndFailsForAnyOtherLeaf() {
    Random rnd = new Random(6962);
    for (int round = 0; round < 40; round++) {
      int n = 1 + rnd.nextInt(130);
      List<byte[]> leaves = randomLeaves(rnd, n);
      MerkleTree tree = new MerkleTree(leaves);
      int size = 1 + rnd.nextInt(n);
      byte[] root = tree.root(size);
      for (int i = 0; i < size; i++) {
        List<byte[]> proof = tree.inclusionProof(i, size);
        assertThat(MerkleTree.verifyInclusion(i, size, leaves.get(i), proof, root)).isTrue();
        int other = (i + 1) % size;
        if (other != i) {
          assertThat(MerkleTree.verifyInclusion(i, size, leaves.get(other), proof, root)).isFalse();
          assertThat(MerkleTree.verifyInclusion(other, size, leaves.get(i), proof, root)).isFalse();
        }
      }
    }
  }

  @Test
  void givenRandomTrees_whenConsistencyProofsForAllSizePairsAreChecked_thenTheyVerifyAndDetectARewrite() {
    Random rnd = new Random(2024);
    List<byte[]> leaves = randomLeaves(rnd, 70);
    MerkleTree tree = new MerkleTree(leaves);
    for (int m = 0; m <= leaves.size(); m++) {
      for (int n = m; n <= leaves.size(); n++) {
        List<byte[]> proof = tree.consistencyProof(m, n);
        assertThat(MerkleTree.verifyConsistency(m, n, tree.root(m), tree.root(n), proof))
            .as("%d -> %d", m, n).isTrue();
      }
    }
    // A history rewrite: the same sizes, one old leaf changed.
    List<byte[]> rewritten = new ArrayList<>(leaves);
    rewritten.set(5, MerkleHash.leaf(new byte[] {42}));
    MerkleTree forged = new MerkleTree(rewritten);
    for (int m = 6; m < 70; m += 7) {
      for (int n = m + 1; n <= 70; n += 5) {
        assertThat(MerkleTree.verifyConsistency(m, n, tree.root(m), forged.root(n), forged.consistencyProof(m, n)))
            .as("forged %d -> %d", m, n).isFalse();
      }
    }
  }

  @Test
  void givenAFrontier_whenSerialisedAndRestored_thenItContinuesTheSameTree() {
    Random rnd = new Random(7);
    List<byte[]> leaves = randomLeaves(rnd, 300);
    MerkleFrontier f = new MerkleFrontier();
    for (int i = 0; i < 137; i++) {
      f.append(leaves.get(i));
    }
    MerkleFrontier restored = MerkleFrontier.fromBytes(f.toBytes());
    assertThat(restored.size()).isEqualTo(137);
    assertThat(restored.root()).isEqualTo(f.root());
    for (int i = 137; i < 300; i++) {
      restored.append(leaves.get(i));
    }
    assertThat(restored.root()).isEqualTo(new MerkleTree(leaves).root());
    assertThat(f.toBytes().length).isEqualTo(9 + Long.bitCount(137) * 32);
  }

  @Test
  void givenCorruptFrontierBytes_whenRestored_thenRejected() {
    MerkleFrontier f = new MerkleFrontier();
    f.append(MerkleHash.leaf(new byte[0]));
    f.append(MerkleHash.leaf(new byte[1]));
    byte[] ok = f.toBytes();
    byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 1);
    byte[] wrongSize = ok.clone();
    wrongSize[8] = 3; // size 3 needs two hashes, one is present
    assertThatThrownBy(() -> MerkleFrontier.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleFrontier.fromBytes(wrongSize)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
  }
}
