package io.phistream.detector.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.PhiType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * What the HL7 v2 and FHIR policies share in reading their files: {@code builtin:NAME} or a path, the JSON tree,
 * the {@code policy}/{@code version} header, PHI type names and the file's SHA-256. Each policy keeps its own schema
 * and its own exception type (callers catch {@code Hl7Policy.PolicyException} and {@code FhirPolicy.PolicyException}),
 * so every failure is made by the policy's {@code fail} function. Messages name places in the policy, never values
 * of a message (policies hold no PHI).
 */
public final class PolicyFile {

    public static final String BUILTIN_PREFIX = "builtin:";

    /** The {@code policy} and {@code version} text fields every policy file starts with, and the file's hash. */
    public record Header(String name, String version, String sha256) {
    }

    private final Function<String, ? extends RuntimeException> fail;

    /** @param fail makes the policy's own exception from a message */
    public PolicyFile(Function<String, ? extends RuntimeException> fail) {
        this.fail = fail;
    }

    private RuntimeException fail(String message) {
        return fail.apply(message);
    }

    /** The bytes of {@code builtin:NAME} (classpath {@code /policy/NAME.json}) or of a file path. */
    public byte[] read(String location) {
        try {
            if (location.startsWith(BUILTIN_PREFIX)) {
                String resource = "/policy/" + location.substring(BUILTIN_PREFIX.length()) + ".json";
                try (InputStream in = PolicyFile.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw fail("no built-in policy named " + location);
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw fail("cannot read policy " + location + ": " + e.getClass().getSimpleName());
        }
    }

    /** The JSON tree of a policy file (any JSON value: the caller checks its shape). */
    public JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw fail("policy is not valid JSON");
        }
    }

    /** The header of a policy file: {@code root} is the tree {@link #json} made of {@code bytes}. */
    public Header header(JsonNode root, byte[] bytes) {
        return new Header(text(root, "policy"), text(root, "version"), sha256(bytes));
    }

    /** A required text field. */
    public String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw fail("policy lacks the text field '" + field + "'");
        }
        return v.asText();
    }

    public PhiType phiType(String where, String word) {
        try {
            return PhiType.valueOf(word);
        } catch (IllegalArgumentException e) {
            throw fail(where + ": unknown PHI type " + word);
        }
    }

    /** SHA-256 of the policy file as loaded, hex, for audit records. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
