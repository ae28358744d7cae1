package io.phistream.topology.keys;

import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.phistream.topology.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreTest {
    private static final byte[] MRN = "MRN-000123456789012".getBytes(StandardCharsets.UTF_8); // 19 bytes
    private static final byte[] AD = "PID-3".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void givenAnEmptyDirAndNoMasterKey_whenInit_thenEncryptedKeysetsAndAnOwnerOnlyMasterKeyAreWritten() throws Exception {
        Path dir = tmp.resolve("keys");

        KeyStore store = KeyStore.init(dir, null);

        for (String name : KeyStore.KEYSETS) {
            String json = Files.readString(dir.resolve(name + ".json"));
            assertThat(json).contains("encryptedKeyset").doesNotContain("\"keyData\"");
        }
        assertThat(Files.readString(dir.resolve("audit-verify.json"))).contains("Ed25519PublicKey").contains("ASYMMETRIC_PUBLIC");
        Path master = dir.resolve("master-key.json");
        assertThat(store.createdMasterKeyFile()).contains(master);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tokenization.json"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(master)).contains("AesGcmKey");
    }

    @Test
    void givenInitializedKeys_whenLoadedAgain_thenTokensAndCiphertextsAgree() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore first = KeyStore.init(dir, null);
        byte[] token = first.tokenization().encryptDeterministically(MRN, AD);
        byte[] sealed = first.quarantine().encrypt(MRN, AD);

        KeyStore again = KeyStore.load(dir, dir.resolve("master-key.json"));

        assertThat(again.tokenization().encryptDeterministically(MRN, AD)).isEqualTo(token);
        assertThat(again.tokenization().decryptDeterministically(token, AD)).isEqualTo(MRN);
        assertThat(again.quarantine().decrypt(sealed, AD)).isEqualTo(MRN);
        assertThat(again.dateShift().compute(MRN, 8)).isEqualTo(first.dateShift().compute(MRN, 8));
        assertThat(again.digest().computeMac(MRN)).isEqualTo(first.digest().computeMac(MRN));
        assertThat(again.primaryKeyIds()).isEqualTo(first.primaryKeyIds());
        assertThat(token).hasSize(40); // BRIEF 3: 19-byte value -> 40-byte token (5 prefix + 16 SIV + 19)
    }

    @Test
    void givenAnExternalMasterKey_whenInit_thenNoMasterKeyIsCreatedAndLoadNeedsThatKey() throws Exception {
        Path secret = tmp.resolve("secret").resolve("master.json");
        KeyStore.init(tmp.resolve("trial"), null);
        Files.createDirectories(secret.getParent());
        Files.copy(tmp.resolve("trial").resolve("master-key.json"), secret);
        Path dir = tmp.resolve("prod");

        KeyStore store = KeyStore.init(dir, secret);

        assertThat(store.createdMasterKeyFile()).isEmpty();
        assertThat(dir.resolve("master-key.json")).doesNotExist();
        assertThat(KeyStore.load(dir, secret).primaryKeyIds()).isEqualTo(store.primaryKeyIds());
    }

    @Test
    void givenExistingKeysets_whenInitAgain_thenRefusedNamingTheFile() {
        Path dir = tmp.resolve("keys");
        KeyStore.init(dir, null);

        assertThatThrownBy(() -> KeyStore.init(dir, dir.resolve("master-key.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenization.json")
                .hasMessageContaining("already exists");
    }

    @Test
    void givenAWrongMasterKey_whenLoaded_thenTheErrorNamesTheFilesAndNoKeyBytes() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore.init(dir, null);
        Path other = tmp.resolve("other");
        KeyStore.init(other, null);
        Path wrongMaster = other.resolve("master-key.json");

        assertThatThrownBy(() -> KeyStore.load(dir, wrongMaster))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenization.json")
                .hasMessageContaining(wrongMaster.toString())
                .hasMessageContaining("wrong master key")
                .hasMessageNotContaining("keyValue");
    }

    @Test
    void givenSwappedKeysetFiles_whenLoaded_thenRefusedBecauseEachFileIsBoundToItsRole() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore.init(dir, null);
        Files.copy(dir.resolve("quarantine.json"), dir.resolve("tokenization.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> KeyStore.load(dir, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenization.json");
    }

    @Test
    void givenMissingOrBrokenFiles_whenLoaded_thenClearMessagesNameTheFile() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore.init(dir, null);
        Path master = dir.resolve("master-key.json");

        assertThatThrownBy(() -> KeyStore.load(tmp.resolve("absent"), master))
                .isInstanceOf(ConfigException.class).hasMessageContaining("absent").hasMessageContaining("keys init");
        assertThatThrownBy(() -> KeyStore.load(dir, tmp.resolve("no-master.json")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no-master.json").hasMessageContaining("does not exist");

        Path garbage = tmp.resolve("garbage.json");
        Files.writeString(garbage, "{\"primaryKeyId\": 1, \"key\": [ {\"keyData\": \"AAAA secret-bytes");
        assertThatThrownBy(() -> KeyStore.load(dir, garbage))
                .isInstanceOf(ConfigException.class).hasMessageContaining("garbage.json")
                .hasMessageNotContaining("secret-bytes");

        Files.delete(dir.resolve("digest.json"));
        assertThatThrownBy(() -> KeyStore.load(dir, master))
                .isInstanceOf(ConfigException.class).hasMessageContaining("digest.json");
    }

    @Test
    void givenAMasterKeyOfTheWrongKind_whenLoaded_thenRefusedAsNotAnAeadKey() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore.init(dir, null);
        // a public keyset parses as a keyset but is no AEAD
        Path notAead = tmp.resolve("public.json");
        Files.copy(dir.resolve("audit-verify.json"), notAead);

        assertThatThrownBy(() -> KeyStore.load(dir, notAead))
                .isInstanceOf(ConfigException.class).hasMessageContaining("public.json").hasMessageContaining("AEAD");
    }

    @Test
    void givenKeys_whenRotatedByDefault_thenNewPrimariesButOldTokensCiphertextsAndSignaturesStillWork() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore store = KeyStore.init(dir, null);
        byte[] oldToken = store.tokenization().encryptDeterministically(MRN, AD);
        byte[] oldSealed = store.quarantine().encrypt(MRN, AD);
        byte[] oldSignature = store.auditSigner().sign(MRN);
        byte[] oldShift = store.dateShift().compute(MRN, 8);
        var before = store.primaryKeyIds();

        store.rotate(Set.of());

        var after = store.primaryKeyIds();
        assertThat(after.get("tokenization")).isNotEqualTo(before.get("tokenization"));
        assertThat(after.get("quarantine")).isNotEqualTo(before.get("quarantine"));
        assertThat(after.get("audit-signing")).isNotEqualTo(before.get("audit-signing"));
        assertThat(after.get("dateshift")).isEqualTo(before.get("dateshift"));
        assertThat(after.get("digest")).isEqualTo(before.get("digest"));
        assertThat(store.dateShift().compute(MRN, 8)).isEqualTo(oldShift);

        KeyStore reloaded = KeyStore.load(dir, null);
        assertThat(reloaded.primaryKeyIds()).isEqualTo(after);
        assertThat(reloaded.keyCounts()).containsEntry("tokenization", 2).containsEntry("dateshift", 1);
        assertThat(reloaded.tokenization().decryptDeterministically(oldToken, AD)).isEqualTo(MRN);
        assertThat(reloaded.tokenization().encryptDeterministically(MRN, AD)).isNotEqualTo(oldToken);
        assertThat(reloaded.quarantine().decrypt(oldSealed, AD)).isEqualTo(MRN);

        var verifyFromDisk = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(
                Files.readString(dir.resolve("audit-verify.json")), RegistryConfiguration.get());
        PublicKeyVerify verify = verifyFromDisk.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
        verify.verify(oldSignature, MRN); // throws if not verifiable
        verify.verify(reloaded.auditSigner().sign(MRN), MRN);
        assertThat(verifyFromDisk.size()).isEqualTo(2);
    }

    @Test
    void givenDateshiftAndDigestNamedExplicitly_whenRotated_thenTheyChange() {
        KeyStore store = KeyStore.init(tmp.resolve("keys"), null);
        var before = store.primaryKeyIds();

        store.rotate(Set.of("dateshift", "digest"));

        assertThat(store.primaryKeyIds().get("dateshift")).isNotEqualTo(before.get("dateshift"));
        assertThat(store.primaryKeyIds().get("digest")).isNotEqualTo(before.get("digest"));
        assertThat(store.primaryKeyIds().get("tokenization")).isEqualTo(before.get("tokenization"));
    }

    @Test
    void givenAnUnknownKeysetName_whenRotated_thenRefusedAndNothingChanges() {
        KeyStore store = KeyStore.init(tmp.resolve("keys"), null);
        var before = store.primaryKeyIds();

        assertThatThrownBy(() -> store.rotate(Set.of("tokenization", "audit-verify")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("audit-verify");
        assertThat(store.primaryKeyIds()).isEqualTo(before);
    }

    @Test
    void givenTwoEphemeralStores_whenUsed_thenEachWorksAndTheirKeysDiffer() throws Exception {
        KeyStore a = KeyStore.ephemeral();
        KeyStore b = KeyStore.ephemeral();

        byte[] token = a.tokenization().encryptDeterministically(MRN, AD);

        assertThat(a.isEphemeral()).isTrue();
        assertThat(a.tokenization().decryptDeterministically(token, AD)).isEqualTo(MRN);
        assertThat(b.tokenization().encryptDeterministically(MRN, AD)).isNotEqualTo(token);
        assertThat(a.auditVerifyKeyset().getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class))
                .isNotNull();
        a.auditVerifyKeyset().getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class)
                .verify(a.auditSigner().sign(MRN), MRN);
        assertThat(a.primaryKeyIds()).containsOnlyKeys(KeyStore.KEYSETS);
        a.rotate(Set.of()); // in memory only
        assertThat(a.keyCounts()).containsEntry("tokenization", 2);
    }

    @Test
    void givenTheAuditVerifyJson_whenRead_thenItHoldsNoSecretKeyMaterial() throws Exception {
        Path dir = tmp.resolve("keys");
        KeyStore store = KeyStore.init(dir, null);

        String json = store.auditVerifyKeysetJson();

        assertThat(json).contains("ASYMMETRIC_PUBLIC").doesNotContain("ASYMMETRIC_PRIVATE").doesNotContain("SYMMETRIC\"");
    }

    @Test
    void aMasterKeyFileIsTooOpenWhenOthersOrGroupWritersCanReachIt_orItsOwnGroupCanReadIt() {
        assertThat(KeyStore.tooOpen(PosixFilePermissions.fromString("rw-------"), true)).isFalse();
        assertThat(KeyStore.tooOpen(PosixFilePermissions.fromString("r--------"), true)).isFalse();
        assertThat(KeyStore.tooOpen(PosixFilePermissions.fromString("rw-r-----"), true)).as("0640, the reader's own")
                .isTrue();
        assertThat(KeyStore.tooOpen(PosixFilePermissions.fromString("rw----r--"), false)).as("others").isTrue();
        assertThat(KeyStore.tooOpen(PosixFilePermissions.fromString("r--rw----"), false)).as("group write").isTrue();
        // a Kubernetes Secret: root's file, mode 0440, read by the pod's user through its fsGroup
        assertThat(KeyStore.tooOpen(PosixFilePermissions.fromString("r--r-----"), false)).isFalse();
    }
}
