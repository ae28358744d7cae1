package io.phistream.topology.cli;

import io.phistream.topology.keys.KeyStore;
import java.nio.file.Path;
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
}
