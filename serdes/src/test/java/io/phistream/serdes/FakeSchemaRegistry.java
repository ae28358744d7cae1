package io.phistream.serdes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParseException;

/**
 * An in-test HTTP server implementing the three Confluent Schema Registry endpoints the client uses, with
 * their documented error codes. A real registry cannot be run on our build machines (Confluent's and
 * Apicurio's servers are not served by our package registries and there is no Docker engine), so this
 * stands in for one; it follows the Confluent API reference:
 * POST /subjects/{subject}/versions -> {"id"}, 409 incompatible (BACKWARD per subject), 42201 invalid schema;
 * POST /subjects/{subject} -> {"subject","id","version","schema"}, 40401 no subject, 40403 schema not under it;
 * GET /schemas/ids/{id} -> {"schema"}, 40403 unknown id. Ids are global: the same schema gets the same id.
 */
public final class FakeSchemaRegistry implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Integer> idsByCanonical = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String requiredAuthorization;
    private volatile int failWith;

    private FakeSchemaRegistry(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSchemaRegistry http() throws IOException {
        return new FakeSchemaRegistry(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    public static FakeSchemaRegistry https(SSLContext ssl) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        return new FakeSchemaRegistry(s);
    }

    public String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://localhost:" + server.getAddress().getPort();
    }

    /** Every request as "METHOD raw-path", in order. */
    public List<String> requests() {
        return requests;
    }

    /** Every Authorization header received ("none" when absent), in order. */
    public List<String> authorizations() {
        return authorizations;
    }

    /** From now on, requests must carry exactly this Authorization header, else 401. */
    public void requireAuthorization(String header) {
        this.requiredAuthorization = header;
    }

    /** From now on every request fails with this registry error code (HTTP status = its first 3 digits); 0 = off. */
    public void failWith(int errorCode) {
        this.failWith = errorCode;
    }

    /** Registers directly (as another producer would) and returns the id. */
    public int preRegister(String subject, Schema schema) {
        return store(subject, schema.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "none" : auth);
            if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
                error(ex, 401, 401, "Unauthorized");
                return;
            }
            if (failWith > 0) {
                error(ex, Integer.parseInt(Integer.toString(failWith).substring(0, 3)), failWith, "Error in the backend data store");
                return;
            }
            String[] parts = path.split("/");
            if ("GET".equals(method) && parts.length == 4 && "schemas".equals(parts[1]) && "ids".equals(parts[2])) {
                String schema = schemasById.get(Integer.parseInt(parts[3]));
                if (schema == null) {
                    error(ex, 404, 40403, "Schema " + parts[3] + " not found");
                    return;
                }
                ObjectNode body = json.createObjectNode().put("schema", schema);
                send(ex, 200, body);
                return;
            }
            if ("POST".equals(method) && parts.length >= 3 && "subjects".equals(parts[1])) {
                String subject = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
                JsonNode req = json.readTree(ex.getRequestBody());
                String text = req.path("schema").asText();
                Schema schema;
                try {
                    schema = new Schema.Parser().parse(text);
                } catch (SchemaParseException e) {
                    error(ex, 422, 42201, "Invalid schema");
                    return;
                }
                if (parts.length == 4 && "versions".equals(parts[3])) {
                    register(ex, subject, schema);
                    return;
                }
                if (parts.length == 3) {
                    lookup(ex, subject, schema);
                    return;
                }
            }
            error(ex, 404, 404, "HTTP 404 Not Found");
        }
    }

    private void register(HttpExchange ex, String subject, Schema schema) throws IOException {
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        Integer existing = idsByCanonical.get(schema.toString());
        if (existing == null || !versions.contains(existing)) {
            for (int id : versions) {
                Schema old = new Schema.Parser().parse(schemasById.get(id));
                if (SchemaCompatibility.checkReaderWriterCompatibility(schema, old).getType()
                        != SchemaCompatibilityType.COMPATIBLE) {
                    error(ex, 409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                            + subject + "\"");
                    return;
                }
            }
        }
        send(ex, 200, json.createObjectNode().put("id", store(subject, schema.toString())));
    }

    private void lookup(HttpExchange ex, String subject, Schema schema) throws IOException {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            error(ex, 404, 40401, "Subject '" + subject + "' not found.");
            return;
        }
        Integer id = idsByCanonical.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            error(ex, 404, 40403, "Schema not found");
            return;
        }
        send(ex, 200, json.createObjectNode().put("subject", subject).put("id", id)
                .put("version", versions.indexOf(id) + 1).put("schema", schemasById.get(id)));
    }

    private synchronized int store(String subject, String schema) {
        int id = idsByCanonical.computeIfAbsent(schema, s -> {
            int n = nextId.getAndIncrement();
            schemasById.put(n, s);
            return n;
        });
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    private void error(HttpExchange ex, int status, int code, String message) throws IOException {
        send(ex, status, json.createObjectNode().put("error_code", code).put("message", message));
    }

    private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
