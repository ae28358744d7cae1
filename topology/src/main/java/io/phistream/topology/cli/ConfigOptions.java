package io.phistream.topology.cli;

import io.phistream.topology.config.PhiStreamConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that reads the typed configuration shares. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "properties file (PHI_STREAM_* env and flags override it)")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one configuration key")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The configuration of a command that reads a cluster: {@code --bootstrap-servers} over the file's. */
    PhiStreamConfig loadCluster(String bootstrapServers, String whenMissing) {
        PhiStreamConfig c = load(bootstrapServers == null ? Map.of()
                : Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS, bootstrapServers));
        if (!c.hasBootstrapServers()) {
            throw new io.phistream.topology.config.ConfigException(whenMissing);
        }
        return c;
    }

    PhiStreamConfig load(Map<String, String> flagOverrides) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(flagOverrides);
        return PhiStreamConfig.load(configFile, all);
    }
}
