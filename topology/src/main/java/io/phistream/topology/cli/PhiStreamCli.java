package io.phistream.topology.cli;

import io.phistream.detector.hl7.Hl7Policy;
import io.phistream.topology.PipelineVersion;
import io.phistream.topology.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code phi-stream <command>}: the one entry point for people and scripts. Exit codes are a contract:
 * 0 success, 1 the command ran and found a failure, 2 bad usage or configuration.
 */
@Command(name = "phi-stream", mixinStandardHelpOptions = true, versionProvider = PhiStreamCli.Version.class,
        description = "Real-time PHI filtering of HL7 v2 and FHIR R4 streams on Apache Kafka.",
        subcommands = {DemoCommand.class, RunCommand.class, TopicsCommand.class, KeysCommand.class,
                DeidCommand.class, ReidentifyCommand.class, QuarantineCommand.class, ScoreCommand.class, EvalCommand.class,
                AuditCommand.class, BrokerCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class PhiStreamCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PhiStreamCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof Hl7Policy.PolicyException
                    || e instanceof IllegalArgumentException && e.getClass() == IllegalArgumentException.class
                    && e.getMessage() != null && e.getMessage().startsWith("--")) {
                commandLine.getErr().println("phi-stream: " + e.getMessage());
                return USAGE;
            }
            if (kafkaSettingsRejected(e)) {
                // Kafka's messages quote the values they reject, and kafka.* values hold passwords: types only
                commandLine.getErr().println("phi-stream: the Kafka client rejected its settings (" + causes(e)
                        + "): check the kafka.* keys (their values are not shown: they may hold secrets)");
                return USAGE;
            }
            // only the type: a library's message may quote the data it failed on
            commandLine.getErr().println("phi-stream: failed with " + e.getClass().getName()
                    + (e.getCause() == null ? "" : " (" + causes(e.getCause()) + ")"));
            return FAILURE;
        });
        return cli.execute(args);
    }

    /**
     * A Kafka client that could not be built from its settings: Kafka's own ConfigException, or a client failing on
     * an argument as it is built (a JAAS entry without its ';': a KafkaException caused by an IllegalArgumentException).
     * A configuration error (exit 2), not a failure found.
     */
    static boolean kafkaSettingsRejected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.config.ConfigException) {
                return true;
            }
            if (t instanceof org.apache.kafka.common.KafkaException && t.getCause() instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** The exception's class and its causes' classes, outermost first. */
    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause()) {
            b.append(b.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
        }
        return b.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"phi-stream " + PipelineVersion.get()};
        }
    }
}
