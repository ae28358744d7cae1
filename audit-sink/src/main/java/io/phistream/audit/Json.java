package io.phistream.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/** Shared strict JSON handling: duplicate keys, trailing tokens and unknown fields are errors, never ignored. */
final class Json {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  private Json() {}

  static JsonNode read(byte[] bytes) {
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || !n.isObject()) {
        throw new AuditException("not a JSON object");
      }
      return n;
    } catch (IOException e) {
      // Jackson messages quote the input: drop them.
      throw new AuditException("malformed JSON");
    }
  }

  static byte[] write(Object tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new AuditException("JSON encoding failed", e);
    }
  }

  static void onlyFields(JsonNode n, Set<String> allowed, String what) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      if (!allowed.contains(it.next())) {
        throw new AuditException(what + " has an unknown field");
      }
    }
  }

  static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new AuditException("missing field " + field);
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new AuditException("field " + field + " must be a string");
    }
    return v.textValue();
  }

  static long integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new AuditException("field " + field + " must be an integer");
    }
    return v.longValue();
  }

  static byte[] base64(JsonNode n, String field) {
    try {
      return Base64.getDecoder().decode(text(n, field, true));
    } catch (IllegalArgumentException e) {
      throw new AuditException("field " + field + " must be base64");
    }
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
