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
                DeidCommand.class, ReidentifyCommand.class, ScoreCommand.class, EvalCommand.class,
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
            // only the type: a library's message may quote the data it failed on
            commandLine.getErr().println("phi-stream: failed with " + e.getClass().getName());
            return FAILURE;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"phi-stream " + PipelineVersion.get()};
        }
    }
}
