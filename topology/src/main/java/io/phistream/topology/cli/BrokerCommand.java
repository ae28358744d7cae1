package io.phistream.topology.cli;

import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code phi-stream broker --data DIR}: serves a kept broker data directory again (e.g. after {@code demo --keep}). */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Serve a kept single-node Kafka data directory (after 'demo --keep DIR') until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the directory 'demo --keep' wrote")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new ConfigException("--data: no such directory: " + data);
        }
        // a walkthrough: any folder was taken, formatted as a new empty store, and pointed at keys it did not hold
        if (!Files.isRegularFile(data.resolve("kafka-logs").resolve("meta.properties"))) {
            throw new ConfigException("--data: not a kept demo directory (no kafka-logs/meta.properties): " + data
                    + "; 'phi-stream demo --keep DIR' writes one");
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (EmbeddedKafka broker = EmbeddedKafka.start(data)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "broker-stop"));
            System.out.println("broker serving " + data + " at " + broker.bootstrapServers() + " (Ctrl-C stops it)");
            System.out.println("e.g. ./phi-stream audit verify --bootstrap-servers " + broker.bootstrapServers()
                    + " --public-keyset " + data.resolve("keys/audit-verify.json"));
            System.out.flush();
            stop.await();
        }
        return PhiStreamCli.OK;
    }
}
