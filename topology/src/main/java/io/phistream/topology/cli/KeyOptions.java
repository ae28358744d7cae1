package io.phistream.topology.cli;

import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.config.PhiStreamConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --keys DIR [--master-key-file F]}, shared by the offline commands. */
final class KeyOptions {

    @Option(names = "--keys", paramLabel = "DIR", description = "key store made by 'phi-stream keys init'")
    Path keysDir;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "master key (default: the one 'keys init' created inside DIR)")
    Path masterKeyFile;

    boolean present() {
        return keysDir != null;
    }

    KeyStore load() {
        return KeyStore.load(keysDir, masterKeyFile);
    }

    /** The store {@code --keys} names, else {@code keys.dir} of the configuration (--config, PHI_STREAM_KEYS_DIR, --set). */
    Optional<KeyStore> loadOr(PhiStreamConfig config) {
        if (present()) {
            return Optional.of(load());
        }
        return config.keysDir().map(dir -> KeyStore.load(dir, config.masterKeyFile().orElse(null)));
    }
}
