package io.phistream.topology.cli;

import io.phistream.topology.config.ConfigException;
import io.phistream.topology.keys.KeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code phi-stream keys init | rotate | export-public}: the Tink keysets on disk. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create, rotate and export the Tink keysets (stored encrypted under a master key).",
        subcommands = {KeysCommand.Init.class, KeysCommand.Rotate.class, KeysCommand.ExportPublic.class})
public class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create fresh keysets in DIR. Never overwrites existing keys.")
    public static class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "directory for the keysets")
        Path dir;

        @Option(names = "--master-key-file", paramLabel = "FILE",
                description = "existing master key (cleartext Tink AES256_GCM keyset JSON, e.g. a mounted secret); "
                        + "without it a new one is written to DIR/" + KeyStore.DEFAULT_MASTER_KEY_FILE)
        Path masterKeyFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return run(err, () -> {
                KeyStore store = KeyStore.init(dir, masterKeyFile);
                out.println("created keysets in " + dir + ": " + String.join(", ", fileNames()));
                store.createdMasterKeyFile().ifPresent(f -> err.println("WARNING: created master key " + f
                        + " (owner-only permissions) next to the keysets. This is for trials only: in production "
                        + "keep the master key in a secret store, mount it, and pass --master-key-file."));
                printIds(out, store.primaryKeyIds());
                return 0;
            });
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Add a new primary key to keysets, keeping old keys so old tokens and ciphertexts still "
                    + "decrypt and old signatures still verify.",
                    "Without --keyset: " + "tokenization, quarantine, audit-signing. dateshift and digest are "
                            + "rotated only when named: rotating them changes every patient's date shift and every "
                            + "message id from then on.",
                    "Rotating tokenization gives every value a new token from then on (old tokens still reverse): "
                            + "downstream joins across the rotation need both tokens, and per-patient state kept "
                            + "under the token (scoring features, open alerts and their suppression, patient memory) "
                            + "starts over for every patient. To rotate without that, name the other keysets: "
                            + "--keyset quarantine audit-signing."})
    public static class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Location store;

        @Option(names = "--keyset", paramLabel = "NAME", arity = "1..*",
                description = "keysets to rotate: tokenization, quarantine, dateshift, digest, audit-signing")
        List<String> keysets;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return run(err, () -> {
                KeyStore keys = store.load();
                Set<String> names = keysets == null || keysets.isEmpty()
                        ? KeyStore.ROTATED_BY_DEFAULT : new LinkedHashSet<>(keysets);
                keys.rotate(names);
                out.println("rotated " + String.join(", ", names) + " in " + store.dir);
                if (names.contains(KeyStore.TOKENIZATION)) {
                    err.println("WARNING: tokenization rotated: the same value gets a new token from now on (old "
                            + "tokens still reverse); joins across the rotation need both.");
                    // the scoring side keys its state by the token, so the new token is a new patient to it; say what
                    // that does to alerts, which the joins warning alone did not (a walkthrough lost an open alert)
                    err.println("WARNING: per-patient state kept under the token will start over for every patient "
                            + "once the pipeline runs with the new key: scoring features (no score until a model's "
                            + "vitals are measured again), open alerts and their suppression (an alert open now is "
                            + "never resolved by phi-stream, and the patient can be alerted again under the new "
                            + "token), and patient memory for free text. Close or hand over open alerts in the "
                            + "receiving systems and tell their users. To rotate without this, name the other "
                            + "keysets: --keyset quarantine audit-signing.");
                }
                if (names.contains(KeyStore.DATESHIFT) || names.contains(KeyStore.DIGEST)) {
                    err.println("WARNING: dateshift/digest rotated: date shifts and message ids computed from now on "
                            + "differ from earlier ones.");
                }
                printIds(out, keys.primaryKeyIds());
                return 0;
            });
        }
    }

    @Command(name = "export-public", mixinStandardHelpOptions = true,
            description = "Write the public audit verification keyset (Tink JSON, no secrets) to FILE.")
    public static class ExportPublic implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Location store;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return run(err, () -> {
                KeyStore keys = store.load();
                try {
                    Files.writeString(out, keys.auditVerifyKeysetJson(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("error: cannot write --out " + out + " (" + e.getClass().getSimpleName() + ")");
                    return 1;
                }
                stdout.println("wrote public audit verification keyset to " + out);
                return 0;
            });
        }
    }

    /** {@code --dir DIR [--master-key-file FILE]}: an existing key store, for the commands that change or read it. */
    static final class Location {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "directory of the keysets")
        Path dir;

        @Option(names = "--master-key-file", paramLabel = "FILE",
                description = "the master key the keysets are encrypted under (default: the one 'keys init' created"
                        + " inside DIR, as deid, reidentify and run read it)")
        Path masterKeyFile;

        KeyStore load() {
            return KeyStore.load(dir, masterKeyFile);
        }
    }

    static List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>(KeyStore.KEYSETS.stream().map(KeyStore::fileName).toList());
        names.add(KeyStore.AUDIT_VERIFY_FILE);
        return names;
    }

    private static void printIds(PrintWriter out, Map<String, Integer> ids) {
        ids.forEach((name, id) -> out.println("  " + name + ": primary key id " + Integer.toUnsignedString(id)));
    }

    /** Maps configuration problems to exit code 2 and other failures to 1, printing messages only. */
    static int run(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return 1;
        }
    }
}
