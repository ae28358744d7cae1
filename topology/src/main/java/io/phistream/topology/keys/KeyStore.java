package io.phistream.topology.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.topology.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * phi-stream's Tink keysets.
 *
 * <p>On disk each secret keyset is a Tink encrypted-keyset JSON file, encrypted under a master AEAD key and
 * bound (as associated data) to its file's role, so files cannot be swapped for one another. The master key
 * is a cleartext Tink AES256_GCM keyset JSON file, normally mounted from a secret store (a Kubernetes
 * secret, say); only {@code keys init} without a master key creates one, next to the keysets, for trials.
 *
 * <table>
 * <caption>Keysets</caption>
 * <tr><th>file</th><th>primitive</th><th>use</th></tr>
 * <tr><td>tokenization.json</td><td>DeterministicAead AES256_SIV</td><td>reversible, join-preserving tokens</td></tr>
 * <tr><td>quarantine.json</td><td>Aead AES256_GCM</td><td>encrypts quarantined originals</td></tr>
 * <tr><td>dateshift.json</td><td>Prf HMAC_SHA256</td><td>per-patient date shift</td></tr>
 * <tr><td>digest.json</td><td>Mac HMAC_SHA256</td><td>keyed message ids and audit digests</td></tr>
 * <tr><td>audit-signing.json</td><td>PublicKeySign ED25519 (raw output: plain 64-byte signatures any C2SP verifier accepts)</td><td>signs audit checkpoints</td></tr>
 * <tr><td>audit-verify.json</td><td>public keyset, cleartext</td><td>verifies audit checkpoints</td></tr>
 * </table>
 *
 * <p>Rotation adds a new primary key and keeps the old ones, so old tokens and ciphertexts still decrypt and
 * old signatures still verify. New tokens differ from old ones for the same value after a tokenization
 * rotation, so state keyed by the patient token (scoring features, open alerts, patient memory) starts over for every
 * patient (README-infra, Keys). Rotating {@code dateshift} or {@code digest} changes every patient's date shift and
 * every message id from then on (a duplicate sent across the rotation is no longer recognised, shifted dates no
 * longer line up), so they are only rotated when named explicitly.
 */
public final class KeyStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeyStore.class);

    public static final String TOKENIZATION = "tokenization";
    public static final String QUARANTINE = "quarantine";
    public static final String DATESHIFT = "dateshift";
    public static final String DIGEST = "digest";
    public static final String AUDIT_SIGNING = "audit-signing";
    /** Every secret keyset, in a stable order. */
    public static final List<String> KEYSETS = List.of(TOKENIZATION, QUARANTINE, DATESHIFT, DIGEST, AUDIT_SIGNING);
    /** What {@link #rotate} rotates when no keyset is named. */
    public static final Set<String> ROTATED_BY_DEFAULT = orderedSet(TOKENIZATION, QUARANTINE, AUDIT_SIGNING);
    public static final String AUDIT_VERIFY_FILE = "audit-verify.json";
    public static final String DEFAULT_MASTER_KEY_FILE = "master-key.json";

    private static final Map<String, Parameters> PARAMETERS = Map.of(
            TOKENIZATION, PredefinedDeterministicAeadParameters.AES256_SIV,
            QUARANTINE, PredefinedAeadParameters.AES256_GCM,
            DATESHIFT, PredefinedPrfParameters.HMAC_SHA256_PRF,
            DIGEST, PredefinedMacParameters.HMAC_SHA256_256BITTAG,
            AUDIT_SIGNING, PredefinedSignatureParameters.ED25519WithRawOutput);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Configuration TINK;

    static {
        try {
            AeadConfig.register();
            DeterministicAeadConfig.register();
            PrfConfig.register();
            MacConfig.register();
            SignatureConfig.register();
            TINK = RegistryConfiguration.get();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path dir;
    private final Aead master;
    private final Path createdMasterKeyFile;
    private final Map<String, KeysetHandle> handles;
    private volatile Primitives primitives;

    private record Primitives(DeterministicAead tokenization, Aead quarantine, Prf dateShift, Mac digest,
                              PublicKeySign auditSigner, KeysetHandle auditVerify) {
    }

    private KeyStore(Path dir, Aead master, Path createdMasterKeyFile, Map<String, KeysetHandle> handles) {
        this.dir = dir;
        this.master = master;
        this.createdMasterKeyFile = createdMasterKeyFile;
        this.handles = new LinkedHashMap<>(handles);
        this.primitives = primitives(this.handles);
    }

    // ---------------------------------------------------------------- creation and loading

    /**
     * Creates fresh keysets in {@code dir}, encrypted under the master key.
     *
     * @param masterKeyFileOrNull an existing master key file; null creates {@code dir/master-key.json}
     *                            (owner-only permissions), which is for trials: production mounts the master
     *                            key from a secret store
     * @throws ConfigException if a keyset or the master key file to create already exists, or the master
     *                         key cannot be read
     */
    public static KeyStore init(Path dir, Path masterKeyFileOrNull) {
        for (String name : KEYSETS) {
            refuseExisting(dir.resolve(fileName(name)));
        }
        refuseExisting(dir.resolve(AUDIT_VERIFY_FILE));
        Path createdMaster = null;
        Aead masterAead;
        try {
            createDirectories(dir);
            if (masterKeyFileOrNull == null) {
                createdMaster = dir.resolve(DEFAULT_MASTER_KEY_FILE);
                refuseExisting(createdMaster);
                KeysetHandle masterHandle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, TINK);
                write(createdMaster, TinkJsonProtoKeysetFormat.serializeKeyset(masterHandle, TINK, InsecureSecretKeyAccess.get()),
                        OWNER_ONLY, false);
                masterAead = masterHandle.getPrimitive(TINK, Aead.class);
            } else {
                masterAead = readMasterKey(masterKeyFileOrNull);
            }
            Map<String, KeysetHandle> handles = new LinkedHashMap<>();
            for (String name : KEYSETS) {
                handles.put(name, KeysetHandle.generateNew(PARAMETERS.get(name), TINK));
            }
            KeyStore store = new KeyStore(dir, masterAead, createdMaster, handles);
            for (String name : KEYSETS) {
                store.save(name, false);
            }
            store.saveVerifyKeyset(false);
            return store;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("generating keysets in " + dir + " failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Loads the keysets of {@code dir}.
     *
     * @param masterKeyFileOrNull the master key; null means {@code dir/master-key.json}
     * @throws ConfigException naming the file that is missing, unreadable, of the wrong kind, or that the
     *                         master key cannot decrypt
     */
    public static KeyStore load(Path dir, Path masterKeyFileOrNull) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("keys directory " + dir + " does not exist (create it with `keys init`)");
        }
        Path masterFile = masterKeyFileOrNull != null ? masterKeyFileOrNull : dir.resolve(DEFAULT_MASTER_KEY_FILE);
        Aead masterAead = readMasterKey(masterFile);
        Map<String, KeysetHandle> handles = new LinkedHashMap<>();
        for (String name : KEYSETS) {
            Path file = dir.resolve(fileName(name));
            String json = readString(file, "keyset");
            try {
                handles.put(name, TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, masterAead, associatedData(name), TINK));
            } catch (GeneralSecurityException | RuntimeException e) { // messages may quote the file
                throw new ConfigException("keyset file " + file + " cannot be decrypted with master key " + masterFile
                        + ": wrong master key, a file from another keyset, or a damaged file");
            }
        }
        return new KeyStore(dir, masterAead, null, handles);
    }

    /** Fresh keysets that live only in memory: for the demo and for `deid` without --keys. */
    public static KeyStore ephemeral() {
        try {
            Map<String, KeysetHandle> handles = new LinkedHashMap<>();
            for (String name : KEYSETS) {
                handles.put(name, KeysetHandle.generateNew(PARAMETERS.get(name), TINK));
            }
            return new KeyStore(null, null, null, handles);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("generating ephemeral keysets failed", e);
        }
    }

    // ---------------------------------------------------------------- rotation

    /**
     * Adds a new primary key to each named keyset (all of {@link #ROTATED_BY_DEFAULT} when the set is empty
     * or null), keeping the old keys for decryption and verification, and saves the result.
     * {@code dateshift} and {@code digest} are rotated only when named (see the class comment).
     *
     * @throws ConfigException on an unknown keyset name
     */
    public synchronized void rotate(Set<String> keysetNames) {
        Set<String> names = keysetNames == null || keysetNames.isEmpty() ? ROTATED_BY_DEFAULT : keysetNames;
        for (String name : names) {
            if (!KEYSETS.contains(name)) {
                throw new ConfigException("unknown keyset " + name + ": expected one of " + String.join(", ", KEYSETS)
                        + (name.equals("audit-verify") ? " (rotate audit-signing; audit-verify follows it)" : ""));
            }
        }
        Map<String, KeysetHandle> rotated = new LinkedHashMap<>(handles);
        try {
            for (String name : names) {
                KeysetHandle.Builder b = KeysetHandle.newBuilder(handles.get(name));
                // adding a primary entry demotes the old primary, which stays enabled for decryption
                b.addEntry(KeysetHandle.generateEntryFromParameters(PARAMETERS.get(name)).withRandomId().makePrimary());
                rotated.put(name, b.build());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("rotating keysets failed (" + e.getClass().getSimpleName() + ")", e);
        }
        Primitives next = primitives(rotated);
        handles.putAll(rotated);
        primitives = next;
        if (dir != null) {
            for (String name : names) {
                save(name, true);
            }
            if (names.contains(AUDIT_SIGNING)) {
                saveVerifyKeyset(true);
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        primaryKeyIds().forEach((name, id) -> ids.put(name, Integer.toUnsignedString(id))); // as stdout and audit show them
        LOG.info("rotated keysets {}; primary key ids now {}", names, ids);
    }

    // ---------------------------------------------------------------- primitives

    /** AES256-SIV deterministic AEAD for tokens (associated data: the identifier type). */
    public DeterministicAead tokenization() {
        return primitives.tokenization();
    }

    /** AES256-GCM AEAD for quarantined originals. */
    public Aead quarantine() {
        return primitives.quarantine();
    }

    /** The primary HMAC-SHA256 PRF for per-patient date shifts. */
    public Prf dateShift() {
        return primitives.dateShift();
    }

    /** HMAC-SHA256 MAC for keyed message ids and audit digests. */
    public Mac digest() {
        return primitives.digest();
    }

    /** Ed25519 signer for audit checkpoints. */
    public PublicKeySign auditSigner() {
        return primitives.auditSigner();
    }

    /** The checkpoint signer of audit logs: the stream's and the key store's own account of reversals. */
    public io.phistream.audit.checkpoint.CheckpointSigner checkpointSigner() {
        return new io.phistream.audit.checkpoint.CheckpointSigner(auditSigner(),
                io.phistream.audit.checkpoint.CheckpointSigner.DEFAULT_KEY_NAME,
                (com.google.crypto.tink.signature.Ed25519PublicKey) auditVerifyKeyset().getPrimary().getKey());
    }

    /** The public keyset that verifies audit signatures (old keys included). */
    public KeysetHandle auditVerifyKeyset() {
        return primitives.auditVerify();
    }

    /** The public verification keyset as Tink JSON (no secrets). */
    public String auditVerifyKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(auditVerifyKeyset(), TINK);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("serializing the public keyset failed", e);
        }
    }

    /** Keyset name to its primary key id, for audit records (ids are not secret). */
    public synchronized Map<String, Integer> primaryKeyIds() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        handles.forEach((name, h) -> ids.put(name, h.getPrimary().getId()));
        return Collections.unmodifiableMap(ids);
    }

    /** Number of keys in each keyset (grows by one per rotation). */
    public synchronized Map<String, Integer> keyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        handles.forEach((name, h) -> counts.put(name, h.size()));
        return Collections.unmodifiableMap(counts);
    }

    /** True when the keysets live only in memory. */
    public boolean isEphemeral() {
        return dir == null;
    }

    /** The master key file {@link #init} created (trial set-ups), if it created one. */
    public Optional<Path> createdMasterKeyFile() {
        return Optional.ofNullable(createdMasterKeyFile);
    }

    public static String fileName(String keysetName) {
        return keysetName + ".json";
    }

    // ---------------------------------------------------------------- internals

    private static Primitives primitives(Map<String, KeysetHandle> h) {
        String name = null;
        try {
            name = TOKENIZATION;
            DeterministicAead daead = h.get(name).getPrimitive(TINK, DeterministicAead.class);
            name = QUARANTINE;
            Aead aead = h.get(name).getPrimitive(TINK, Aead.class);
            name = DATESHIFT;
            PrfSet prfSet = h.get(name).getPrimitive(TINK, PrfSet.class);
            Prf prf = prfSet.getPrfs().get(prfSet.getPrimaryId());
            name = DIGEST;
            Mac mac = h.get(name).getPrimitive(TINK, Mac.class);
            name = AUDIT_SIGNING;
            PublicKeySign signer = h.get(name).getPrimitive(TINK, PublicKeySign.class);
            KeysetHandle verify = h.get(name).getPublicKeysetHandle();
            return new Primitives(daead, aead, prf, mac, signer, verify);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ConfigException("keyset " + fileName(name) + " does not hold the expected kind of key "
                    + "(" + PARAMETERS.get(name) + ")");
        }
    }

    private static Aead readMasterKey(Path file) {
        String json = readString(file, "master key");
        warnIfOpen(file);
        KeysetHandle handle;
        try {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(json, TINK, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) { // messages may quote key material
            throw new ConfigException("master key file " + file + " is not a cleartext Tink keyset JSON");
        }
        try {
            return handle.getPrimitive(TINK, Aead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ConfigException("master key file " + file + " does not hold an AEAD key (expected AES256_GCM)");
        }
    }

    private static void warnIfOpen(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            boolean mine = Files.getOwner(file).getName().equals(System.getProperty("user.name"));
            if (tooOpen(perms, mine)) {
                LOG.warn("master key file {} is accessible to group or others; restrict it to its owner (chmod 600)", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // non-POSIX file system: nothing to check
        }
    }

    /**
     * Whether a master key file's mode lets more than its reader in: anything for others, group write, or group read
     * of a file the reader owns (it could be 0600). Group read of a file someone else owns is how a process that is
     * not its owner reads it: a Kubernetes Secret mounted with mode 0440 and the pod's fsGroup (k8s/base).
     */
    static boolean tooOpen(Set<PosixFilePermission> perms, boolean ownedByReader) {
        boolean others = perms.stream().anyMatch(p -> p.name().startsWith("OTHERS"));
        boolean groupRead = perms.contains(PosixFilePermission.GROUP_READ)
                || perms.contains(PosixFilePermission.GROUP_EXECUTE);
        return others || perms.contains(PosixFilePermission.GROUP_WRITE) || groupRead && ownedByReader;
    }

    private static String readString(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(what + " file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(what + " file " + file + " is not readable (permission denied)");
        } catch (IOException e) {
            throw new ConfigException(what + " file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void save(String name, boolean replace) {
        try {
            String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handles.get(name), master, associatedData(name), TINK);
            write(dir.resolve(fileName(name)), json, OWNER_ONLY, replace);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypting keyset " + name + " failed", e);
        }
    }

    private void saveVerifyKeyset(boolean replace) {
        write(dir.resolve(AUDIT_VERIFY_FILE), auditVerifyKeysetJson(), WORLD_READABLE, replace);
    }

    /** Binds each encrypted file to its role so that files cannot be swapped. */
    private static byte[] associatedData(String name) {
        return ("phi-stream keyset " + name).getBytes(StandardCharsets.UTF_8);
    }

    private static void refuseExisting(Path file) {
        if (Files.exists(file)) {
            throw new ConfigException(file + " already exists; `keys init` never overwrites keys (use `keys rotate`)");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot create keys directory " + dir + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes through a temporary file and an atomic rename, so a crash never leaves half a keyset. */
    private static void write(Path file, String content, Set<PosixFilePermission> perms, boolean replace) {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp", posix(parent));
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            if (replace) {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            tmp = null;
            if (supportsPosix(parent)) {
                Files.setPosixFilePermissions(file, perms);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(file + " already exists; `keys init` never overwrites keys");
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** The temporary file starts owner-only whatever its final permissions, so secrets are never exposed. */
    private static FileAttribute<?>[] posix(Path dir) {
        return supportsPosix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Set<String> orderedSet(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }
}
