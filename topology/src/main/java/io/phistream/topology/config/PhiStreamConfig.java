package io.phistream.topology.config;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one typed configuration of phi-stream.
 *
 * <p>Sources, lowest to highest precedence: built-in defaults, a properties file ({@code --config FILE}),
 * environment variables {@code PHI_STREAM_*} (upper case, '.' and '-' written as '_', e.g.
 * {@code PHI_STREAM_BOOTSTRAP_SERVERS} for {@code bootstrap.servers}, {@code PHI_STREAM_KAFKA_SASL_MECHANISM}
 * for {@code kafka.sasl.mechanism}), then explicit overrides (command-line flags). Everything is parsed and
 * validated when loaded: unknown keys and bad values raise {@link ConfigException} naming the key, where
 * it came from and the expected form. Values of keys that look secret are never echoed.
 *
 * <p>Kafka's own {@code ConfigDef} is not used for our keys because its messages echo values and it has no
 * duration type; {@code kafka.*} keys are passed verbatim to Kafka, which does its own validation.
 */
public final class PhiStreamConfig {
    public static final String ENV_PREFIX = "PHI_STREAM_";
    public static final String KAFKA_PREFIX = "kafka.";
    /** Schema-registry settings for the Avro contracts, under Confluent's own names: {@code serdes.schema.registry.url}. */
    public static final String SERDES_PREFIX = "serdes.";
    public static final String SERDES_WIRE_FORMAT = "serdes.wire.format";
    private static final java.util.Set<String> SERDES_KEYS = java.util.Set.of(
            io.phistream.serdes.AvroSerdeConfig.SCHEMA_REGISTRY_URL, io.phistream.serdes.AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            io.phistream.serdes.AvroSerdeConfig.BASIC_AUTH_USER_INFO, io.phistream.serdes.AvroSerdeConfig.BEARER_AUTH_TOKEN,
            io.phistream.serdes.AvroSerdeConfig.TRUSTSTORE_LOCATION, io.phistream.serdes.AvroSerdeConfig.TRUSTSTORE_PASSWORD,
            io.phistream.serdes.AvroSerdeConfig.TRUSTSTORE_TYPE, io.phistream.serdes.AvroSerdeConfig.REQUEST_TIMEOUT_MS);

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "application.id";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String STATE_DIR = "state.dir";
    public static final String NUM_STREAM_THREADS = "num.stream.threads";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String RECORD_MAX_BYTES = "record.max.bytes";
    /**
     * Room above {@link #RECORD_MAX_BYTES} for what wraps a record: the quarantine envelope around a message of the
     * largest size an input topic takes, the key and the headers. Topics and the producer take the limit plus it.
     */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    public static final String KEYS_DIR = "keys.dir";
    public static final String KEYS_MASTER_KEY_FILE = "keys.master.key.file";
    public static final String POLICY_HL7V2 = "policy.hl7v2";
    public static final String POLICY_FHIR = "policy.fhir";
    public static final String DATESHIFT_MAX_DAYS = "dateshift.max.days";
    public static final String DEDUPE_WINDOW = "dedupe.window";
    public static final String INGEST_REKEY = "ingest.rekey";
    public static final String HTTP_PORT = "http.port";
    public static final String TEXT_SCRUBBING = "text.scrubbing";
    public static final String TEXT_REPLACEMENT = "text.replacement";
    public static final String FHIR_IDENTITY_MAP = "fhir.identity.map";
    public static final String SCORING_FEATURE_TTL = "scoring.feature.ttl";
    public static final String SCORING_MODELS = "scoring.models";
    public static final String ALERT_ROUTES = "alert.routes";
    public static final String QUALITY_RULES_HL7V2 = "quality.rules.hl7v2";
    public static final String QUALITY_RULES_FHIR = "quality.rules.fhir";
    /** Per-rule outcome overrides of both gates' rules: {@code quality.rule.<rule id>=quarantine|pass-with-warning|off}. */
    public static final String QUALITY_RULE_PREFIX = "quality.rule.";
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private static final String HIDDEN = "[hidden]";
    private static final Pattern TOPIC_CHARS = Pattern.compile("[A-Za-z0-9._-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");
    private static final Pattern KAFKA_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "jaas", "token", "key", "auth", "user.info");

    /** Client-config prefixes Kafka Streams understands; stripped to find what a kafka.* key really sets. */
    private static final List<String> CLIENT_PREFIXES = List.of(
            "main.consumer.", "restore.consumer.", "global.consumer.", "consumer.", "producer.", "admin.", "topic.");
    /**
     * Kafka settings phi-stream owns: overriding them through kafka.* could silently break exactly-once
     * delivery (fail closed) or contradict a typed key, so they are refused with a pointer to the right key.
     */
    private static final Map<String, String> MANAGED = Map.ofEntries(
            Map.entry("bootstrap.servers", "use " + BOOTSTRAP_SERVERS),
            Map.entry("application.id", "use " + APPLICATION_ID),
            Map.entry("state.dir", "use " + STATE_DIR),
            Map.entry("num.stream.threads", "use " + NUM_STREAM_THREADS),
            Map.entry("commit.interval.ms", "use " + COMMIT_INTERVAL_MS),
            Map.entry("replication.factor", "use " + TOPIC_REPLICATION_FACTOR),
            Map.entry("processing.guarantee", "phi-stream always runs exactly_once_v2"),
            Map.entry("isolation.level", "phi-stream always reads read_committed"),
            Map.entry("enable.idempotence", "exactly-once needs idempotent producers"),
            Map.entry("acks", "exactly-once needs acks=all"),
            Map.entry("transactional.id", "Kafka Streams manages transactional ids"));

    private record Spec(String name, String form, String defaultValue, String doc, Function<String, Object> parser) {
    }

    private record Raw(String value, String source) {
    }

    private static final Map<String, Spec> SPECS = specs();

    private static Map<String, Spec> specs() {
        Map<String, Spec> m = new LinkedHashMap<>();
        add(m, BOOTSTRAP_SERVERS, "host:port[,host:port...]", null,
                "Kafka brokers; required by `run` and `topics create`", PhiStreamConfig::parseBootstrap);
        add(m, APPLICATION_ID, "1-100 characters of [A-Za-z0-9._-]", "phi-stream",
                "Kafka Streams application id (consumer group, internal topic prefix)",
                v -> topicChars(v, 1, 100));
        add(m, TOPIC_PREFIX, "0-100 characters of [A-Za-z0-9._-]", "",
                "prefix of every phi-stream topic name", v -> topicChars(v, 0, 100));
        add(m, TOPIC_PARTITIONS, "an integer >= 1", "3",
                "partitions of each topic created by phi-stream", v -> parseInt(v, 1, 100_000));
        add(m, TOPIC_REPLICATION_FACTOR, "an integer 1..32767, or -1 for the broker default", "-1",
                "replication factor of phi-stream and Kafka Streams internal topics", PhiStreamConfig::parseReplication);
        add(m, STATE_DIR, "a directory path", Path.of(System.getProperty("java.io.tmpdir"), "phi-stream-state").toString(),
                "Kafka Streams local state directory", PhiStreamConfig::parsePath);
        add(m, NUM_STREAM_THREADS, "an integer >= 1", "1",
                "Kafka Streams threads in this instance", v -> parseInt(v, 1, 1024));
        add(m, COMMIT_INTERVAL_MS, "an integer >= 0 (milliseconds)", "100",
                "how often transactions commit; bounds end-to-end latency", v -> parseLong(v, 0, Long.MAX_VALUE));
        add(m, RECORD_MAX_BYTES, "an integer 65536..67108864 (bytes)", "1000000",
                "the largest message phi-stream takes in and writes out: a larger input, or an input whose de-identified "
                        + "form is larger (tokens are longer than the values they replace), is quarantined as TOO_LARGE "
                        + "or OUTPUT_TOO_LARGE; `topics create` sets the topics' max.message.bytes and `run` the "
                        + "producer's max.request.size to fit it (raise both on existing topics too)",
                v -> parseInt(v, 65_536, 64 << 20));
        add(m, KEYS_DIR, "a directory path", null,
                "Tink keysets written by `keys init` (unset: throwaway keys, demo only)", PhiStreamConfig::parsePath);
        add(m, KEYS_MASTER_KEY_FILE, "a file path", null,
                "master key (cleartext Tink AEAD keyset, e.g. a mounted secret) that decrypts the keysets",
                PhiStreamConfig::parsePath);
        add(m, POLICY_HL7V2, "a file path or builtin:NAME", "builtin:hl7v2-safe-harbor-v1",
                "HL7 v2 de-identification policy", PhiStreamConfig::parsePolicy);
        add(m, POLICY_FHIR, "a file path or builtin:NAME", "builtin:fhir-safe-harbor-v1",
                "FHIR de-identification policy", PhiStreamConfig::parsePolicy);
        add(m, DATESHIFT_MAX_DAYS, "an integer 1..3650", "365",
                "largest per-patient date shift, in days", v -> parseInt(v, 1, 3650));
        add(m, DEDUPE_WINDOW, "a positive duration such as 500ms, 30s, 5m, 24h or 7d", "24h",
                "how long a message id is remembered to drop duplicates", PhiStreamConfig::parseDuration);
        // the dedupe store is per partition: copies must meet in one. A producer that keys messages (by patient, by
        // control id) sends copies alike and keeps their order; one that sends null keys spreads copies over partitions
        add(m, INGEST_REKEY, "unkeyed, always or never", "unkeyed",
                "which inputs pass through a repartition topic keyed by their dedupe digest before the data-quality "
                        + "gate, so that copies of a message reach one partition and are dropped: those with a null "
                        + "Kafka key (default), every input (for producers whose keys differ between copies), or none",
                v -> IngestRekey.valueOf(((String) oneOf(v, "unkeyed", "always", "never")).toUpperCase(Locale.ROOT)));
        add(m, HTTP_PORT, "an integer 0..65535", "0",
                "port of the health/metrics HTTP endpoint; 0 = off", v -> parseInt(v, 0, 65535));
        add(m, FHIR_IDENTITY_MAP, "a file path", null,
                "JSON map of FHIR identifier systems to HL7 assigning authorities, so one patient gets one token "
                        + "and one date shift in both formats", PhiStreamConfig::parsePath);
        add(m, SERDES_WIRE_FORMAT, "single-object or confluent", "single-object",
                "wire format of the Avro contracts: Avro single-object encoding with the bundled schemas (no registry), "
                        + "or the Confluent format with a schema registry (serdes.schema.registry.url, ...)",
                v -> oneOf(v, "single-object", "confluent"));
        // fail closed by default: the detector finds about 99 % of free text's PHI spans, not all; removing the whole
        // field is the only choice that cannot leak, and span-level scrubbing is a choice a site makes knowingly
        add(m, TEXT_SCRUBBING, "spans or redact", "redact",
                "free text: remove the whole field (default, fail closed), or replace detected PHI spans",
                v -> oneOf(v, "spans", "redact"));
        add(m, TEXT_REPLACEMENT, "tags, tokens or surrogates", "tags",
                "with text.scrubbing=spans, what replaces a PHI span: a typed tag such as [NAME] (default), the keyed "
                        + "reversible token of its text (nam-AV3x..., as structured identifiers get; reidentify "
                        + "reverses it), or a made-up value of its kind (names, places, numbers of the same shape; "
                        + "dates moved by the patient's offset), seeded by a keyed digest so equal values get equal "
                        + "surrogates",
                v -> oneOf(v, "tags", "tokens", "surrogates"));
        add(m, SCORING_FEATURE_TTL, "a positive duration such as 30m, 12h or 1d", "12h",
                "how long a patient's latest value of a vital sign stays valid for scoring (patient's event time)",
                PhiStreamConfig::parseDuration);
        add(m, SCORING_MODELS, "comma-separated model names, e.g. news2,deterioration", "news2",
                "models (built-in names) that score each changed feature set of a patient",
                PhiStreamConfig::parseModelNames);
        add(m, ALERT_ROUTES, "a JSON routing-rules file path or builtin:NAME", "builtin:alert-rules",
                "alert routing rules (score and band to route, format, suppression window)",
                PhiStreamConfig::parsePolicy);
        add(m, QUALITY_RULES_HL7V2, "a JSON quality-rules file path or builtin:NAME", "builtin:hl7v2-rules-v1",
                "data-quality rules of the HL7 v2 gate (required elements, formats, value sets, outcomes)",
                PhiStreamConfig::parsePolicy);
        add(m, QUALITY_RULES_FHIR, "a JSON quality-rules file path or builtin:NAME", "builtin:fhir-r4-rules-v1",
                "data-quality rules of the FHIR R4 gate", PhiStreamConfig::parsePolicy);
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Spec> m, String name, String form, String def, String doc,
                            Function<String, Object> parser) {
        m.put(name, new Spec(name, form, def, doc, parser));
    }

    private final Map<String, Raw> raw;
    private final Map<String, Object> values;
    private final Map<String, String> kafka;

    private PhiStreamConfig(Map<String, Raw> raw) {
        this.raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        Map<String, Object> parsed = new LinkedHashMap<>();
        Map<String, String> kafkaKeys = new TreeMap<>();
        for (Map.Entry<String, Raw> e : raw.entrySet()) {
            String key = e.getKey();
            Raw r = e.getValue();
            if (key.startsWith(KAFKA_PREFIX)) {
                kafkaKeys.put(validateKafkaKey(key, r), r.value());
            } else if (key.startsWith(SERDES_PREFIX) && !key.equals(SERDES_WIRE_FORMAT)) {
                if (!SERDES_KEYS.contains(key.substring(SERDES_PREFIX.length()))) {
                    throw new ConfigException("unknown key " + key + " from " + r.source() + ": expected one of "
                            + SERDES_KEYS.stream().sorted().map(k -> SERDES_PREFIX + k).toList());
                }
                parsed.put(key, r.value());
            } else if (key.startsWith(QUALITY_RULE_PREFIX)) {
                parsed.put(key, parseRuleOutcome(key, r));
            } else {
                Spec spec = SPECS.get(key);
                if (spec == null) {
                    throw unknownKey(key, r.source());
                }
                parsed.put(key, parseValue(spec, r));
            }
        }
        for (Spec spec : SPECS.values()) {
            if (!parsed.containsKey(spec.name()) && spec.defaultValue() != null) {
                parsed.put(spec.name(), parseValue(spec, new Raw(spec.defaultValue(), "default")));
            }
        }
        this.values = Collections.unmodifiableMap(parsed);
        this.kafka = Collections.unmodifiableMap(kafkaKeys);
        if (!"tags".equals(values.get(TEXT_REPLACEMENT)) && !textSpans()) {
            throw new ConfigException(TEXT_REPLACEMENT + "=" + values.get(TEXT_REPLACEMENT) + " from "
                    + raw.get(TEXT_REPLACEMENT).source()
                    + " needs " + TEXT_SCRUBBING + "=spans: with whole free-text fields removed there is nothing to "
                    + "replace");
        }
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads the configuration.
     *
     * @param configFile properties file, or null for none
     * @param env        the environment to read {@code PHI_STREAM_*} from (inject for tests; normally {@link System#getenv()})
     * @param overrides  explicit settings (command-line flags), highest precedence; null for none
     */
    public static PhiStreamConfig load(Path configFile, Map<String, String> env, Map<String, String> overrides) {
        Map<String, Raw> merged = new LinkedHashMap<>();
        if (configFile != null) {
            readFile(configFile).forEach((k, v) -> merged.put(k, new Raw(v, "file " + configFile)));
        }
        if (env != null) {
            fromEnvironment(env).forEach((k, v) -> merged.put(k, v));
        }
        if (overrides != null) {
            overrides.forEach((k, v) -> merged.put(k, new Raw(v, "override")));
        }
        return new PhiStreamConfig(merged);
    }

    /** {@link #load(Path, Map, Map)} with the process environment. */
    public static PhiStreamConfig load(Path configFile, Map<String, String> overrides) {
        return load(configFile, System.getenv(), overrides);
    }

    /** Built-in defaults only (no file, no environment): the demo and tests start from this. */
    public static PhiStreamConfig defaults() {
        return new PhiStreamConfig(Map.of());
    }

    /** A copy with more explicit overrides on top (e.g. the demo's embedded broker address). */
    public PhiStreamConfig with(Map<String, String> overrides) {
        Map<String, Raw> merged = new LinkedHashMap<>(raw);
        overrides.forEach((k, v) -> merged.put(k, new Raw(v, "override")));
        return new PhiStreamConfig(merged);
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) { // messages could quote file content
            throw new ConfigException("configuration file " + file
                    + " cannot be read as a UTF-8 Java properties file (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k.trim(), p.getProperty(k)));
        return m;
    }

    private static Map<String, Raw> fromEnvironment(Map<String, String> env) {
        Map<String, String> knownByEnvName = new LinkedHashMap<>();
        SPECS.keySet().forEach(k -> knownByEnvName.put(envName(k), k));
        Map<String, Raw> m = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String var = e.getKey();
            if (!var.startsWith(ENV_PREFIX)) {
                continue;
            }
            String source = "environment " + var;
            String key = knownByEnvName.get(var);
            if (key == null) {
                String rest = var.substring(ENV_PREFIX.length());
                if (rest.startsWith("KAFKA_") && rest.length() > "KAFKA_".length()
                        && rest.equals(rest.toUpperCase(Locale.ROOT))) {
                    // Kafka client property names use dots only, so '_' maps back unambiguously.
                    key = rest.toLowerCase(Locale.ROOT).replace('_', '.');
                } else {
                    throw new ConfigException("unknown environment variable " + var + ": expected " + ENV_PREFIX
                            + "<KEY> for one of the configuration keys (topology/README-infra.md), or " + ENV_PREFIX
                            + "KAFKA_<PROPERTY>");
                }
            }
            m.put(key, new Raw(e.getValue(), source));
        }
        return m;
    }

    /** The environment variable that sets {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    // ---------------------------------------------------------------- validation

    private static Object parseValue(Spec spec, Raw r) {
        String v = r.value() == null ? "" : r.value().trim();
        try {
            return spec.parser().apply(v);
        } catch (IllegalArgumentException e) {
            String shown = looksSecret(spec.name()) ? "" : " (got '" + abbreviate(v) + "')";
            throw new ConfigException("invalid value for " + spec.name() + " from " + r.source()
                    + ": expected " + spec.form() + shown);
        }
    }

    private static String validateKafkaKey(String key, Raw r) {
        String property = key.substring(KAFKA_PREFIX.length());
        if (!KAFKA_KEY.matcher(property).matches()) {
            throw new ConfigException("invalid key " + key + " from " + r.source()
                    + ": expected kafka.<client property>, lower case, e.g. kafka.security.protocol");
        }
        String bare = property;
        for (String prefix : CLIENT_PREFIXES) {
            if (bare.startsWith(prefix)) {
                bare = bare.substring(prefix.length());
                break;
            }
        }
        String why = MANAGED.get(bare);
        if (why != null) {
            throw new ConfigException("key " + key + " from " + r.source() + " is not allowed: " + why);
        }
        if (r.value() == null) {
            throw new ConfigException("key " + key + " from " + r.source() + " has no value");
        }
        return property;
    }

    /** The rule id is checked against the loaded rules later (Stages): the rules files are configurable too. */
    private static String parseRuleOutcome(String key, Raw r) {
        if (!RULE_ID.matcher(key.substring(QUALITY_RULE_PREFIX.length())).matches()) {
            throw new ConfigException("invalid key " + key + " from " + r.source()
                    + ": expected " + QUALITY_RULE_PREFIX + "<rule id>, e.g. " + QUALITY_RULE_PREFIX + "hl7.obx.code");
        }
        String v = r.value() == null ? "" : r.value().trim();
        if (!List.of("quarantine", "pass-with-warning", "off").contains(v)) {
            throw new ConfigException("invalid value for " + key + " from " + r.source()
                    + ": expected quarantine, pass-with-warning or off (got '" + abbreviate(v) + "')");
        }
        return v;
    }

    private static ConfigException unknownKey(String key, String source) {
        return new ConfigException("unknown configuration key " + key + " from " + source
                + ": expected one of " + String.join(", ", SPECS.keySet()) + ", " + QUALITY_RULE_PREFIX
                + "<rule id> or kafka.<client property>");
    }

    /** True for keys whose values must never be shown (passwords, secrets, JAAS, tokens, keys). */
    public static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains);
    }

    private static String abbreviate(String v) {
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }

    private static Object parseBootstrap(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException();
        }
        for (String part : v.split(",", -1)) {
            String s = part.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException();
            }
            parseInt(s.substring(colon + 1), 1, 65535);
        }
        return v;
    }

    private static Object topicChars(String v, int min, int max) {
        if (v.length() < min || v.length() > max || !TOPIC_CHARS.matcher(v).matches()) {
            throw new IllegalArgumentException();
        }
        return v;
    }

    private static int parseInt(String v, int min, int max) {
        long l = parseLong(v, min, max);
        return (int) l;
    }

    private static long parseLong(String v, long min, long max) {
        long l;
        try {
            l = Long.parseLong(v);
        } catch (NumberFormatException e) { // its message holds the input
            throw new IllegalArgumentException("not an integer");
        }
        if (l < min || l > max) {
            throw new IllegalArgumentException("out of range");
        }
        return l;
    }

    private static Object parseReplication(String v) {
        long l = parseLong(v, -1, Short.MAX_VALUE);
        if (l == 0) {
            throw new IllegalArgumentException("zero");
        }
        return (short) l;
    }

    private static Object parsePath(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        try {
            return Path.of(v);
        } catch (RuntimeException e) { // InvalidPathException echoes the input
            throw new IllegalArgumentException("bad path");
        }
    }

    private static Object parsePolicy(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return PolicyRef.parse(v);
    }

    private static Object parseModelNames(String v) {
        List<String> names = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String name = part.trim();
            if (!MODEL_NAME.matcher(name).matches() || names.contains(name)) {
                throw new IllegalArgumentException("bad model name");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** Parses 500ms, 30s, 5m, 24h or 7d. */
    public static Duration parseDuration(String v) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long n = Long.parseLong(m.group(1));
        try {
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            d.toMillis(); // must fit the millisecond APIs it feeds
            if (d.isZero()) {
                throw new IllegalArgumentException("zero");
            }
            return d;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large");
        }
    }

    // ---------------------------------------------------------------- typed accessors

    public boolean hasBootstrapServers() {
        return values.containsKey(BOOTSTRAP_SERVERS);
    }

    /** @throws ConfigException when not set */
    public String bootstrapServers() {
        Object v = values.get(BOOTSTRAP_SERVERS);
        if (v == null) {
            throw new ConfigException(BOOTSTRAP_SERVERS + " is required: set it in the --config file or "
                    + envName(BOOTSTRAP_SERVERS));
        }
        return (String) v;
    }

    public String applicationId() {
        return (String) values.get(APPLICATION_ID);
    }

    public String topicPrefix() {
        return (String) values.get(TOPIC_PREFIX);
    }

    public int partitions() {
        return (Integer) values.get(TOPIC_PARTITIONS);
    }

    /** -1 means the broker's default. */
    public short replicationFactor() {
        return (Short) values.get(TOPIC_REPLICATION_FACTOR);
    }

    public Path stateDir() {
        return (Path) values.get(STATE_DIR);
    }

    public int numStreamThreads() {
        return (Integer) values.get(NUM_STREAM_THREADS);
    }

    /** {@link #RECORD_MAX_BYTES}. */
    public int recordMaxBytes() {
        return (Integer) values.get(RECORD_MAX_BYTES);
    }

    public long commitIntervalMs() {
        return (Long) values.get(COMMIT_INTERVAL_MS);
    }

    public Optional<Path> keysDir() {
        return Optional.ofNullable((Path) values.get(KEYS_DIR));
    }

    public Optional<Path> masterKeyFile() {
        return Optional.ofNullable((Path) values.get(KEYS_MASTER_KEY_FILE));
    }

    public PolicyRef policyHl7v2() {
        return (PolicyRef) values.get(POLICY_HL7V2);
    }

    public PolicyRef policyFhir() {
        return (PolicyRef) values.get(POLICY_FHIR);
    }

    public int dateShiftMaxDays() {
        return (Integer) values.get(DATESHIFT_MAX_DAYS);
    }

    public Duration dedupeWindow() {
        return (Duration) values.get(DEDUPE_WINDOW);
    }

    /** Which inputs are re-keyed by their dedupe digest before the gate ({@code ingest.rekey}). */
    public IngestRekey ingestRekey() {
        return (IngestRekey) values.get(INGEST_REKEY);
    }

    /** FHIR identifier systems mapped to HL7 assigning authorities ({@code fhir.identity.map}), when set. */
    public Optional<Path> fhirIdentityMap() {
        return Optional.ofNullable((Path) values.get(FHIR_IDENTITY_MAP));
    }

    /** Settings for {@code AvroSerdeFactory.fromConfig}: the wire format and the schema-registry keys. */
    public Map<String, Object> serdesProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(io.phistream.serdes.AvroSerdeConfig.WIRE_FORMAT, values.get(SERDES_WIRE_FORMAT));
        values.forEach((k, v) -> {
            if (k.startsWith(SERDES_PREFIX) && !k.equals(SERDES_WIRE_FORMAT)) {
                p.put(k.substring(SERDES_PREFIX.length()), v);
            }
        });
        return p;
    }

    /** True when free text's PHI spans are replaced by surrogates rather than typed tags (only with spans). */
    public boolean textSurrogates() {
        return "surrogates".equals(values.get(TEXT_REPLACEMENT));
    }

    /** True when free text's PHI spans are replaced by reversible tokens rather than typed tags (only with spans). */
    public boolean textTokens() {
        return "tokens".equals(values.get(TEXT_REPLACEMENT));
    }

    /** True when free text is scrubbed span by span; false when whole free-text fields are removed. */
    public boolean textSpans() {
        return "spans".equals(values.get(TEXT_SCRUBBING));
    }

    private static Object oneOf(String v, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
    }

    public Duration scoringFeatureTtl() {
        return (Duration) values.get(SCORING_FEATURE_TTL);
    }

    /** Distinct model names, in the configured order. */
    @SuppressWarnings("unchecked")
    public List<String> scoringModels() {
        return (List<String>) values.get(SCORING_MODELS);
    }

    public PolicyRef alertRoutes() {
        return (PolicyRef) values.get(ALERT_ROUTES);
    }

    /** 0 = no HTTP endpoint. */
    public int httpPort() {
        return (Integer) values.get(HTTP_PORT);
    }

    public PolicyRef qualityRulesHl7v2() {
        return (PolicyRef) values.get(QUALITY_RULES_HL7V2);
    }

    public PolicyRef qualityRulesFhir() {
        return (PolicyRef) values.get(QUALITY_RULES_FHIR);
    }

    /** {@code quality.rule.*} overrides: rule id → quarantine, pass-with-warning or off (ids not checked here). */
    public Map<String, String> qualityRuleOutcomes() {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(QUALITY_RULE_PREFIX)) {
                m.put(k.substring(QUALITY_RULE_PREFIX.length()), (String) v);
            }
        });
        return m;
    }

    /** The {@code kafka.*} settings without their prefix, verbatim. */
    public Map<String, String> kafkaOverrides() {
        return kafka;
    }

    // ---------------------------------------------------------------- Kafka client properties

    /** Kafka Streams properties: exactly_once_v2, read_committed, EOS-safe producers, then kafka.* verbatim. */
    public Map<String, Object> streamsProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor());
        if (replicationFactor() > 1) {
            p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), minInSyncReplicas(replicationFactor()));
        }
        // Kafka Streams applies these itself under exactly_once_v2; stating them documents the intent
        // and keeps them if a future default changes.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        // a quarantine envelope holds a whole input: the producer must take the largest one (a walkthrough: an output
        // over Kafka's 1 MB default failed every transaction of the instance, which replaced its thread for ever)
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), recordMaxBytes() + 2 * RECORD_OVERHEAD_BYTES);
        // the internal topics Kafka Streams creates: the ingest repartition topics carry whole inputs
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), recordMaxBytes() + RECORD_OVERHEAD_BYTES);
        // no global stores here; set because Kafka 4 warns at every start without it (the default from Kafka 5); the
        // partition assignor builds its own StreamsConfig from the main consumer's settings, so they carry it too
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.putAll(kafka);
        return p;
    }

    /** Admin client properties: bootstrap servers plus the kafka.* settings an admin client knows. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.putAll(clientOverrides(AdminClientConfig.configNames(), "admin."));
        return p;
    }

    /** Plain producer properties: idempotent, acks=all, plus the kafka.* settings a producer knows. */
    public Map<String, Object> producerProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putAll(clientOverrides(ProducerConfig.configNames(), "producer."));
        return p;
    }

    /** Plain consumer properties: read_committed, plus the kafka.* settings a consumer knows. */
    public Map<String, Object> consumerProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putAll(clientOverrides(ConsumerConfig.configNames(), "consumer."));
        return p;
    }

    /** Known names apply as they are; {@code <client>.name} (as Kafka Streams spells it) wins over them. */
    private Map<String, Object> clientOverrides(Set<String> known, String clientPrefix) {
        Map<String, Object> p = new LinkedHashMap<>();
        kafka.forEach((k, v) -> {
            // config providers' own settings (config.providers.<name>.class/.param.*) are not client config
            // names, but without them ${file:...} secrets would reach the broker unresolved
            if (known.contains(k) || k.startsWith("config.providers.")) {
                p.put(k, v);
            }
        });
        kafka.forEach((k, v) -> {
            if (k.startsWith(clientPrefix) && known.contains(k.substring(clientPrefix.length()))) {
                p.put(k.substring(clientPrefix.length()), v);
            }
        });
        return p;
    }

    /** Durability over availability: with replicas to spare, a write needs two of them. */
    public static int minInSyncReplicas(short replicationFactor) {
        return Math.min(2, replicationFactor);
    }

    // ---------------------------------------------------------------- documentation

    /** A markdown table of every key: name, expected form, default, meaning. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | environment | form | default | meaning |\n|---|---|---|---|---|\n");
        for (Spec s : SPECS.values()) {
            String def = s.defaultValue() == null ? "(none)" : s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue();
            sb.append("| ").append(s.name()).append(" | ").append(envName(s.name())).append(" | ").append(s.form())
                    .append(" | ").append(def).append(" | ").append(s.doc()).append(" |\n");
        }
        sb.append("| kafka.<property> | PHI_STREAM_KAFKA_<PROPERTY> | any Kafka client property | (none) | passed verbatim "
                + "to every Kafka client (security.protocol, sasl.*, ssl.*, ...); settings phi-stream manages are refused |\n");
        sb.append("| quality.rule.<rule id> | (file or flag only) | quarantine, pass-with-warning or off | (the rules file's) "
                + "| overrides one rule's outcome in quality.rules.hl7v2 or quality.rules.fhir; an unknown rule id is refused |\n");
        return sb.toString();
    }

    /** The keys this configuration knows, in documentation order. */
    public static List<String> keys() {
        return new ArrayList<>(SPECS.keySet());
    }

    /** Effective values, secret-looking ones shown as [hidden]. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, looksSecret(k) ? HIDDEN : String.valueOf(v)));
        kafka.forEach((k, v) -> shown.put(KAFKA_PREFIX + k, looksSecret(k) ? HIDDEN : v));
        return "PhiStreamConfig" + shown;
    }
}
