package io.phistream.topology.ops;

import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Strimzi {@code KafkaTopic} and {@code KafkaUser} manifests derived from {@link Topics}, so the cluster's
 * topics have exactly the configuration {@code phi-stream topics create} would give them and the ACLs follow
 * the topic list. {@code k8s/} holds the rendered files; {@code K8sManifestsTest} fails when they drift
 * and rewrites them with {@code -Dk8s.regenerate=true}.
 *
 * <p>ACLs, least privilege: Read on the ingest topics; Read and Write on the patient memory; Write on every output
 * topic (and on the
 * {@code alerts.} prefix, so a new route needs no ACL change); everything Kafka Streams needs for its own
 * internal topics, transactional ids and consumer group, prefixed on the application id. Nothing else — no
 * cluster operations, no other groups, no topic creation outside the application id prefix.
 */
public final class StrimziManifests {

    static final String HEADER = "# Generated from io.phistream.topology.Topics by io.phistream.topology.ops.StrimziManifests;\n"
            + "# K8sManifestsTest keeps this file in step (-Dk8s.regenerate=true rewrites it). Do not edit by hand.\n";

    private StrimziManifests() {
    }

    /** One {@code KafkaTopic} per topic, partitions and replicas explicit, configuration as {@link Topics#newTopic}. */
    public static String topics(Topics topics, List<String> alertRoutes, String cluster, int replicas) {
        StringBuilder y = new StringBuilder(HEADER);
        for (Topic<?, ?> t : topics.topics(alertRoutes)) {
            NewTopic nt = topics.newTopic(t);
            y.append("---\n");
            y.append("apiVersion: kafka.strimzi.io/v1beta2\n");
            y.append("kind: KafkaTopic\n");
            y.append("metadata:\n");
            y.append("  name: ").append(resourceName(t.name())).append('\n');
            y.append("  labels:\n");
            y.append("    strimzi.io/cluster: ").append(cluster).append('\n');
            y.append("    app.kubernetes.io/part-of: phi-stream\n");
            y.append("spec:\n");
            y.append("  topicName: ").append(t.name()).append('\n');
            y.append("  partitions: ").append(nt.numPartitions()).append('\n');
            y.append("  replicas: ").append(replicas).append('\n');
            Map<String, String> config = new TreeMap<>(nt.configs());
            if (replicas > 1 && !config.containsKey("min.insync.replicas")) {
                // Topics was built with the broker's default replication; the manifest states it explicitly
                config.put("min.insync.replicas", Integer.toString(Math.min(2, replicas)));
            }
            if (!config.isEmpty()) {
                y.append("  config:\n");
                config.forEach((k, v) -> y.append("    ").append(k).append(": \"").append(v).append("\"\n"));
            }
        }
        return y.toString();
    }

    /** The application's {@code KafkaUser}: SCRAM-SHA-512 credentials and the ACLs described above. */
    public static String user(Topics topics, String applicationId, String cluster, String topicPrefix) {
        List<String[]> acls = new ArrayList<>(); // type, name, patternType, operations
        for (Topic<?, ?> t : topics.topics(List.of())) {
            String base = t.name().substring(topicPrefix.length());
            boolean ingest = base.startsWith("ingest.");
            // the patient memory is written by de-identification and read back by every instance's global store
            String ops = ingest ? "Read, Describe" : base.equals(Topics.PATIENT_MEMORY) ? "Read, Write, Describe"
                    : "Write, Describe";
            acls.add(new String[] {"topic", t.name(), "literal", ops});
        }
        acls.add(new String[] {"topic", topicPrefix + Topics.ALERTS_PREFIX, "prefix", "Write, Describe"});
        // Kafka Streams' internal topics are named <application.id>-<name>-changelog|-repartition
        acls.add(new String[] {"topic", applicationId + "-", "prefix",
                "Create, Delete, Read, Write, Describe, DescribeConfigs"});
        acls.add(new String[] {"group", applicationId, "literal", "Read"});
        // exactly_once_v2 transactional ids are <application.id>-<process id>-<thread index>
        acls.add(new String[] {"transactionalId", applicationId + "-", "prefix", "Write, Describe"});

        StringBuilder y = new StringBuilder(HEADER);
        y.append("apiVersion: kafka.strimzi.io/v1beta2\n");
        y.append("kind: KafkaUser\n");
        y.append("metadata:\n");
        y.append("  name: ").append(resourceName(applicationId)).append('\n');
        y.append("  labels:\n");
        y.append("    strimzi.io/cluster: ").append(cluster).append('\n');
        y.append("    app.kubernetes.io/part-of: phi-stream\n");
        y.append("spec:\n");
        y.append("  authentication:\n");
        y.append("    type: scram-sha-512\n");
        y.append("  authorization:\n");
        y.append("    type: simple\n");
        y.append("    acls:\n");
        for (String[] a : acls) {
            y.append("      - resource:\n");
            y.append("          type: ").append(a[0]).append('\n');
            y.append("          name: ").append(a[1]).append('\n');
            y.append("          patternType: ").append(a[2]).append('\n');
            y.append("        operations: [").append(a[3]).append("]\n");
            y.append("        host: \"*\"\n");
        }
        return y.toString();
    }

    /** A Kubernetes resource name (lower-case DNS subdomain) for a topic or user name. */
    static String resourceName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        n = n.replaceAll("[^a-z0-9.-]", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return n.length() > 253 ? n.substring(0, 253) : n;
    }
}
