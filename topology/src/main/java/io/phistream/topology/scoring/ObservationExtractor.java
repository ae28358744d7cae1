package io.phistream.topology.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.er7.Er7Segment;
import io.phistream.serdes.avro.Observation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the vital signs ({@link Vital}) out of de-identified HL7 v2 ORU OBX segments and FHIR R4 Observations
 * (single resources or Bundles) into {@link Observation} records, units normalised. Pure and thread-safe.
 *
 * <p>The input is already released, so nothing here may fail: a message that cannot be read, or a result that
 * cannot be used (no number, unknown unit, implausible value, no time, withdrawn status, two patients in one
 * message), is skipped and counted by {@link Skip} reason. Results that are not vital signs are ignored, not
 * counted. Nothing about a value ever goes into a reason.
 */
public final class ObservationExtractor {

    /** Why a vital-sign result (or a whole message) was not turned into an observation. */
    public enum Skip {
        /** not parseable as ER7 / JSON */
        UNREADABLE,
        /** FHIR XML: this path reads JSON only */
        UNSUPPORTED_FORMAT,
        /** no patient token (record key) */
        NO_PATIENT,
        /** more than one patient in one message: whose vitals they are is not certain */
        AMBIGUOUS_PATIENT,
        /** result status says deleted, wrong, not obtained or pending */
        STATUS,
        NO_VALUE,
        NOT_A_NUMBER,
        UNKNOWN_UNIT,
        OUT_OF_RANGE,
        /** a coded value (ACVPU) that is none of A, C, V, P, U */
        UNKNOWN_CODE,
        /** no effective time to minute precision */
        NO_TIME
    }

    /** What one message gave: observations in message order and skip counts. */
    public record Extraction(List<Observation> observations, Map<Skip, Integer> skipped) {
        public Extraction {
            observations = List.copyOf(observations);
            EnumMap<Skip, Integer> copy = new EnumMap<>(Skip.class);
            copy.putAll(skipped);
            skipped = Collections.unmodifiableMap(copy);
        }

        public int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        static Extraction skippedWhole(Skip reason) {
            Map<Skip, Integer> m = new EnumMap<>(Skip.class);
            m.put(reason, 1);
            return new Extraction(List.of(), m);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9})");
    private static final Set<String> HL7_WITHDRAWN = Set.of("D", "W", "X", "I", "N");
    private static final Set<String> FHIR_USABLE = Set.of("final", "amended", "corrected", "preliminary");
    private static final String LOINC_SYSTEM = "http://loinc.org";
    private static final String UCUM_SYSTEM = "http://unitsofmeasure.org";

    private ObservationExtractor() {
    }

    // ------------------------------------------------------------------------------------------------ HL7 v2

    /**
     * @param patientToken the record key of deid.hl7v2
     * @param er7          de-identified ER7
     * @param messageId    the pipeline message id (header), carried into every observation
     */
    public static Extraction fromHl7(String patientToken, String er7, String messageId) {
        if (patientToken == null || patientToken.isBlank()) {
            return Extraction.skippedWhole(Skip.NO_PATIENT);
        }
        Er7Message m;
        try {
            m = Er7Message.parse(er7 == null ? "" : er7);
        } catch (Er7Exception | RuntimeException e) {
            return Extraction.skippedWhole(Skip.UNREADABLE);
        }
        Delimiters d = m.delimiters();
        int pids = 0;
        for (Er7Segment s : m.segments()) {
            if (s.name().equals("PID")) {
                pids++;
            }
        }
        if (pids > 1) {
            return Extraction.skippedWhole(Skip.AMBIGUOUS_PATIENT);
        }
        List<Observation> out = new ArrayList<>();
        Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
        String obrTime = "";
        for (Er7Segment s : m.segments()) {
            if (s.name().equals("OBR")) {
                obrTime = Er7.leaf(s.field(7), d, 1, 1, 1);
                continue;
            }
            if (!s.name().equals("OBX")) {
                continue;
            }
            Vital v = hl7Vital(s.field(3), d);
            if (v == null) {
                continue;
            }
            Skip problem = hl7Obx(s, d, v, obrTime, patientToken, messageId, out);
            if (problem != null) {
                skipped.merge(problem, 1, Integer::sum);
            }
        }
        return new Extraction(out, skipped);
    }

    private static Vital hl7Vital(String obx3, Delimiters d) {
        String system = Er7.leaf(obx3, d, 1, 3, 1).trim();
        if (system.isEmpty() || system.equals("LN") || system.equals("LOINC")) {
            Vital v = Vital.byLoinc(Er7.leaf(obx3, d, 1, 1, 1));
            if (v != null) {
                return v;
            }
        }
        String alternate = Er7.leaf(obx3, d, 1, 6, 1).trim();
        return alternate.equals("LN") || alternate.equals("LOINC") ? Vital.byLoinc(Er7.leaf(obx3, d, 1, 4, 1)) : null;
    }

    private static Skip hl7Obx(Er7Segment s, Delimiters d, Vital v, String obrTime, String token, String messageId,
                               List<Observation> out) {
        String status = Er7.leaf(s.field(11), d, 1, 1, 1).trim();
        if (HL7_WITHDRAWN.contains(status)) {
            return Skip.STATUS;
        }
        String time = Er7.leaf(s.field(14), d, 1, 1, 1).trim();
        Instant at = hl7Time(time.isEmpty() ? obrTime.trim() : time);
        if (at == null) {
            return Skip.NO_TIME;
        }
        String obx5 = s.field(5);
        if (v.coded()) {
            String code = Er7.unescape(Er7.leaf(obx5, d, 1, 1, 1), d);
            String text = Er7.unescape(Er7.leaf(obx5, d, 1, 2, 1), d);
            if (code.isBlank() && text.isBlank()) {
                return Skip.NO_VALUE;
            }
            Character letter = Vital.acvpu(code);
            if (letter == null) {
                letter = Vital.acvpu(text);
            }
            if (letter == null) {
                return Skip.UNKNOWN_CODE;
            }
            out.add(coded(token, Er7.leaf(s.field(3), d, 1, 1, 1).trim(), letter, at, messageId, v));
            return null;
        }
        String type = Er7.leaf(s.field(2), d, 1, 1, 1).trim();
        String raw;
        if (type.equals("SN")) {
            // structured numeric: comparator^num1^separator^num2; only a plain "=" or empty comparator is a value
            String comparator = Er7.leaf(obx5, d, 1, 1, 1).trim();
            String separator = Er7.leaf(obx5, d, 1, 3, 1).trim();
            if (!(comparator.isEmpty() || comparator.equals("=")) || !separator.isEmpty()) {
                return Skip.NOT_A_NUMBER;
            }
            raw = Er7.leaf(obx5, d, 1, 2, 1);
        } else if (type.isEmpty() || type.equals("NM")) {
            raw = Er7.leaf(obx5, d, 1, 1, 1);
        } else {
            return Skip.NOT_A_NUMBER;
        }
        if (raw.isBlank()) {
            return Skip.NO_VALUE;
        }
        OptionalDouble value = number(raw);
        if (value.isEmpty()) {
            return Skip.NOT_A_NUMBER;
        }
        String unit = Er7.unescape(Er7.leaf(s.field(6), d, 1, 1, 1), d);
        if (!v.knowsUnit(unit)) {
            String text = Er7.unescape(Er7.leaf(s.field(6), d, 1, 2, 1), d);
            unit = text.isBlank() ? unit : text;
        }
        return quantity(token, Er7.leaf(s.field(3), d, 1, 1, 1).trim(), v, value.getAsDouble(), unit, at, messageId, out);
    }

    /** HL7 DTM: YYYYMMDDHHMM[SS[.S{1,4}]][+/-ZZZZ]; minute precision at least. Without an offset: UTC. */
    static Instant hl7Time(String dtm) {
        if (dtm.length() < 12) {
            return null;
        }
        try {
            int i = 0;
            int year = digits(dtm, i, 4);
            int month = digits(dtm, i += 4, 2);
            int day = digits(dtm, i += 2, 2);
            int hour = digits(dtm, i += 2, 2);
            int minute = digits(dtm, i += 2, 2);
            i += 2;
            int second = 0;
            int nanos = 0;
            if (i + 2 <= dtm.length() && Character.isDigit(dtm.charAt(i))) {
                second = digits(dtm, i, 2);
                i += 2;
                if (i < dtm.length() && dtm.charAt(i) == '.') {
                    int start = ++i;
                    while (i < dtm.length() && i - start < 4 && Character.isDigit(dtm.charAt(i))) {
                        i++;
                    }
                    if (i == start) {
                        return null;
                    }
                    nanos = Integer.parseInt(dtm.substring(start, i) + "000000000".substring(i - start));
                }
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (i < dtm.length()) {
                char sign = dtm.charAt(i);
                if ((sign != '+' && sign != '-') || dtm.length() != i + 5) {
                    return null;
                }
                int hh = digits(dtm, i + 1, 2);
                int mm = digits(dtm, i + 3, 2);
                offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -hh : hh, sign == '-' ? -mm : mm);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int n) {
        if (from + n > s.length()) {
            throw new NumberFormatException();
        }
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------------ FHIR

    /**
     * @param patientToken the record key of deid.fhir
     * @param json         a de-identified Observation or Bundle in FHIR R4 JSON; other resources give nothing
     * @param messageId    the pipeline message id (header), carried into every observation
     */
    public static Extraction fromFhir(String patientToken, String json, String messageId) {
        if (patientToken == null || patientToken.isBlank()) {
            return Extraction.skippedWhole(Skip.NO_PATIENT);
        }
        String text = json == null ? "" : json.strip();
        if (text.startsWith("<")) {
            return Extraction.skippedWhole(Skip.UNSUPPORTED_FORMAT);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return Extraction.skippedWhole(Skip.UNREADABLE);
        }
        if (root == null || !root.isObject()) {
            return Extraction.skippedWhole(Skip.UNREADABLE);
        }
        List<JsonNode> resources = new ArrayList<>();
        String type = root.path("resourceType").asText("");
        if (type.equals("Observation")) {
            resources.add(root);
        } else if (type.equals("Bundle")) {
            for (JsonNode e : root.path("entry")) {
                JsonNode r = e.path("resource");
                if (r.path("resourceType").asText("").equals("Observation")) {
                    resources.add(r);
                }
            }
        }
        List<JsonNode> vitals = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (JsonNode r : resources) {
            if (hasVital(r)) {
                vitals.add(r);
                String subject = subject(r.path("subject"));
                if (subject != null) {
                    subjects.add(subject);
                }
            }
        }
        if (subjects.size() > 1) {
            return Extraction.skippedWhole(Skip.AMBIGUOUS_PATIENT);
        }
        List<Observation> out = new ArrayList<>();
        Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
        for (JsonNode r : vitals) {
            fhirObservation(r, patientToken, messageId, out, skipped);
        }
        return new Extraction(out, skipped);
    }

    private static boolean hasVital(JsonNode r) {
        if (fhirVital(r.path("code")) != null) {
            return true;
        }
        for (JsonNode c : r.path("component")) {
            if (fhirVital(c.path("code")) != null) {
                return true;
            }
        }
        return false;
    }

    private static String subject(JsonNode s) {
        if (s.isMissingNode() || s.isNull()) {
            return null;
        }
        if (s.hasNonNull("reference")) {
            return "r|" + s.get("reference").asText();
        }
        JsonNode id = s.path("identifier");
        return id.isObject() ? "i|" + id.path("system").asText("") + "|" + id.path("value").asText("") : null;
    }

    /** The LOINC code of a vital in a CodeableConcept, or null. */
    private static String fhirVital(JsonNode codeableConcept) {
        for (JsonNode coding : codeableConcept.path("coding")) {
            String system = coding.path("system").asText("");
            String code = coding.path("code").asText("");
            if ((system.isEmpty() || system.equals(LOINC_SYSTEM)) && Vital.byLoinc(code) != null) {
                return code.trim();
            }
        }
        return null;
    }

    private static void fhirObservation(JsonNode r, String token, String messageId, List<Observation> out,
                                        Map<Skip, Integer> skipped) {
        List<JsonNode[]> parts = new ArrayList<>(); // {code node's LOINC holder, value holder}
        if (fhirVital(r.path("code")) != null) {
            parts.add(new JsonNode[] {r.path("code"), r});
        }
        for (JsonNode c : r.path("component")) {
            if (fhirVital(c.path("code")) != null) {
                parts.add(new JsonNode[] {c.path("code"), c});
            }
        }
        String status = r.path("status").asText("");
        Instant at = status.isEmpty() || FHIR_USABLE.contains(status) ? fhirTime(r) : null;
        for (JsonNode[] part : parts) {
            String loinc = fhirVital(part[0]);
            Vital v = Vital.byLoinc(loinc);
            Skip problem;
            if (!status.isEmpty() && !FHIR_USABLE.contains(status)) {
                problem = Skip.STATUS;
            } else if (at == null) {
                problem = Skip.NO_TIME;
            } else {
                problem = v.coded() ? fhirCoded(part[1], token, loinc, v, at, messageId, out)
                        : fhirQuantity(part[1], token, loinc, v, at, messageId, out);
            }
            if (problem != null) {
                skipped.merge(problem, 1, Integer::sum);
            }
        }
    }

    private static Skip fhirQuantity(JsonNode holder, String token, String loinc, Vital v, Instant at,
                                     String messageId, List<Observation> out) {
        JsonNode q = holder.path("valueQuantity");
        if (!q.isObject() || !q.has("value") || q.get("value").isNull()) {
            return holder.has("valueString") || holder.has("valueCodeableConcept") ? Skip.NOT_A_NUMBER : Skip.NO_VALUE;
        }
        JsonNode value = q.get("value");
        if (!value.isNumber()) {
            return Skip.NOT_A_NUMBER;
        }
        String system = q.path("system").asText("");
        String code = q.path("code").asText("");
        String unit = (system.isEmpty() || system.equals(UCUM_SYSTEM)) && v.knowsUnit(code) ? code
                : q.path("unit").asText(code);
        return quantity(token, loinc, v, value.asDouble(), unit, at, messageId, out);
    }

    private static Skip fhirCoded(JsonNode holder, String token, String loinc, Vital v, Instant at, String messageId,
                                  List<Observation> out) {
        List<String> candidates = new ArrayList<>();
        JsonNode cc = holder.path("valueCodeableConcept");
        for (JsonNode coding : cc.path("coding")) {
            candidates.add(coding.path("code").asText(""));
            candidates.add(coding.path("display").asText(""));
        }
        candidates.add(cc.path("text").asText(""));
        candidates.add(holder.path("valueString").asText(""));
        if (candidates.stream().allMatch(String::isBlank)) {
            return Skip.NO_VALUE;
        }
        for (String c : candidates) {
            Character letter = Vital.acvpu(c);
            if (letter != null) {
                out.add(coded(token, loinc, letter, at, messageId, v));
                return null;
            }
        }
        return Skip.UNKNOWN_CODE;
    }

    /** effectiveDateTime, effectiveInstant or effectivePeriod.start, with a time of day; a date alone is not enough. */
    static Instant fhirTime(JsonNode r) {
        String t = r.path("effectiveDateTime").asText(null);
        if (t == null) {
            t = r.path("effectiveInstant").asText(null);
        }
        if (t == null) {
            t = r.path("effectivePeriod").path("start").asText(null);
        }
        if (t == null || t.length() < 16 || t.indexOf('T') < 0) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ shared

    private static OptionalDouble number(String raw) {
        String s = raw.trim();
        if (!NUMBER.matcher(s).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(s));
    }

    private static Skip quantity(String token, String loinc, Vital v, double value, String unit, Instant at,
                                 String messageId, List<Observation> out) {
        if (!Double.isFinite(value)) {
            return Skip.NOT_A_NUMBER;
        }
        OptionalDouble normalised = v.normalise(value, unit);
        if (normalised.isEmpty()) {
            return Skip.UNKNOWN_UNIT;
        }
        double x = normalised.getAsDouble();
        if (!v.inRange(x)) {
            return Skip.OUT_OF_RANGE;
        }
        out.add(Observation.newBuilder()
                .setPatientToken(token)
                .setLoincCode(loinc)
                .setValue(x)
                .setUnit(v.unit())
                .setValueCode(null)
                .setEffectiveTimeMs(Instant.ofEpochMilli(at.toEpochMilli()))
                .setSourceMessageId(messageId)
                .build());
        return null;
    }

    private static Observation coded(String token, String loinc, char letter, Instant at, String messageId, Vital v) {
        return Observation.newBuilder()
                .setPatientToken(token)
                .setLoincCode(loinc)
                .setValue(Vital.ACVPU_CODES.indexOf(letter))
                .setUnit(v.unit())
                .setValueCode(String.valueOf(letter))
                .setEffectiveTimeMs(Instant.ofEpochMilli(at.toEpochMilli()))
                .setSourceMessageId(messageId)
                .build();
    }
}
