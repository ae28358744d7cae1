package io.phistream.serdes.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.serdes.registry.SchemaRegistryException.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A small client for any registry that speaks the Confluent Schema Registry REST API (Confluent Schema
 * Registry, Karapace, Redpanda, Apicurio's ccompat API), over {@code java.net.http}.
 *
 * <p>Hand-written because Confluent's own client ({@code io.confluent:kafka-schema-registry-client}) is not
 * served by the package registries this project builds from; the Apicurio client is, but speaks Apicurio's
 * own API rather than the Confluent one that every compatible registry implements. Only what the wire
 * format needs is covered: register ({@code POST /subjects/{subject}/versions}), look up
 * ({@code POST /subjects/{subject}}) and fetch by id ({@code GET /schemas/ids/{id}}), Avro schemas only.
 *
 * <p>Results are cached for the life of the client (ids and schemas are immutable in a registry); failures
 * are not. Several base URLs may be given: a request moves to the next URL only when one cannot be reached.
 * Basic or bearer authentication; TLS trust from a truststore file. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_ERROR_MESSAGE = 300;

    private final List<URI> baseUrls;
    private final HttpClient http;
    private final String authorization;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    private RestSchemaRegistryClient(Builder b) {
        if (b.urls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is required");
        }
        this.baseUrls = List.copyOf(b.urls);
        this.timeout = b.timeout;
        this.authorization = b.authorization;
        HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(b.timeout);
        if (b.sslContext != null) {
            hb.sslContext(b.sslContext);
        }
        this.http = hb.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send("POST", "/subjects/" + encode(subject) + "/versions", schemaRequest(schema));
        int id = requireInt(body, "id", "register");
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send("POST", "/subjects/" + encode(subject), schemaRequest(schema));
        int id = requireInt(body, "id", "lookup");
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send("GET", "/schemas/ids/" + id, null);
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new SchemaRegistryException("schema registry: schema id " + id + " is " + type.asText()
                    + ", not AVRO", ErrorKind.INVALID_SCHEMA, 200, 0);
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw malformedResponse("fetch by id");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("schema registry: schema id " + id + " is not valid Avro",
                    ErrorKind.INVALID_SCHEMA, 200, 0);
        }
        schemasById.put(id, schema);
        return schema;
    }

    private String schemaRequest(Schema schema) {
        ObjectNode req = json.createObjectNode();
        req.put("schema", schema.toString());
        return req.toString();
    }

    private JsonNode send(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            HttpRequest.Builder rb = HttpRequest.newBuilder(resolve(base, path))
                    .timeout(timeout)
                    .header("Accept", ACCEPT);
            if (authorization != null) {
                rb.header("Authorization", authorization);
            }
            if (body == null) {
                rb.GET();
            } else {
                rb.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response;
            try {
                response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("schema registry: interrupted during " + method + " " + path, e);
            }
            return parse(method, path, response);
        }
        throw new SchemaRegistryException("schema registry: no URL reachable for " + method + " " + path
                + " (" + baseUrls.size() + " tried)", lastFailure);
    }

    private JsonNode parse(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (IOException e) {
            node = null;
        }
        if (status / 100 == 2) {
            if (node == null || !node.isObject()) {
                throw malformedResponse(method + " " + path);
            }
            return node;
        }
        int code = status;
        String message = "";
        if (node != null && node.isObject()) {
            code = node.path("error_code").asInt(status);
            message = node.path("message").asText("");
        }
        if (message.length() > MAX_ERROR_MESSAGE) {
            message = message.substring(0, MAX_ERROR_MESSAGE) + "...";
        }
        ErrorKind kind = ErrorKind.of(code, status);
        throw new SchemaRegistryException("schema registry: " + kind + " (error_code " + code + ", HTTP " + status
                + ") on " + method + " " + path + (message.isEmpty() ? "" : ": " + message), kind, status, code);
    }

    private static SchemaRegistryException malformedResponse(String operation) {
        return new SchemaRegistryException("schema registry: malformed response to " + operation,
                ErrorKind.OTHER, 200, 0);
    }

    private static int requireInt(JsonNode body, String field, String operation) {
        JsonNode v = body.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw malformedResponse(operation);
        }
        return v.asInt();
    }

    private static URI resolve(URI base, String path) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) + path : b + path);
    }

    /** Subjects are path segments: percent-encode everything but unreserved characters (no '+' for space). */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Configuration; nothing is contacted until the first request. */
    public static final class Builder {
        private final List<URI> urls = new ArrayList<>();
        private String authorization;
        private SSLContext sslContext;
        private Duration timeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** One or more base URLs, comma-separated, tried in order when one is unreachable. */
        public Builder urls(String commaSeparated) {
            for (String u : commaSeparated.split(",")) {
                if (!u.isBlank()) {
                    urls.add(URI.create(u.trim()));
                }
            }
            return this;
        }

        public Builder basicAuth(String user, String password) {
            requireNoAuth();
            String token = Objects.requireNonNull(user) + ":" + Objects.requireNonNull(password);
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Builder bearerToken(String token) {
            requireNoAuth();
            this.authorization = "Bearer " + Objects.requireNonNull(token);
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** Trust the CAs in a truststore file (type e.g. PKCS12 or JKS). */
        public Builder trustStore(Path path, char[] password, String type) {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore ks = KeyStore.getInstance(type);
                ks.load(in, password);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                this.sslContext = ctx;
                return this;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot load schema registry truststore " + path, e);
            }
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        public RestSchemaRegistryClient build() {
            return new RestSchemaRegistryClient(this);
        }

        private void requireNoAuth() {
            if (authorization != null) {
                throw new IllegalArgumentException("configure either basic or bearer authentication, not both");
            }
        }
    }
}
