package io.phistream.scoring.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.phistream.scoring.Band;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Alert routing as data. Rules are tried in order; the FIRST rule whose model, band and score conditions all
 * hold decides the route, so list the most severe rules first. Example:
 * <pre>{@code
 * {"suppressionWindow": "PT1H",
 *  "rules": [
 *    {"model": "news2", "band": "high",   "route": "rapid-response", "format": "fhir"},
 *    {"model": "news2", "band": "medium", "route": "ward",           "format": "hl7v2"},
 *    {"model": "deterioration", "minScore": 0.6, "route": "ward-review", "format": "fhir"}]}
 * }</pre>
 *
 * @param suppressionWindow repeats of the same band for the same patient and model within this ISO-8601 duration
 *                          are suppressed
 * @param rules             ordered rules
 */
public record RoutingRules(String suppressionWindow, List<Rule> rules) {

    private static final Pattern ROUTE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * @param model      model name, or null for any model
     * @param band       lowest band that matches, or null for any band
     * @param minScore   lowest score that matches, or null for any score
     * @param route      route name (the topic suffix, e.g. rapid-response for alerts.rapid-response)
     * @param format     alert format on that route
     * @param reidentify marks a route whose consumer may re-identify the patient through the authorized, audited
     *                   step; the router never re-identifies, alerts always carry the token
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String model, Band band, Double minScore, String route, AlertFormat format, boolean reidentify) {
        public Rule {
            Objects.requireNonNull(route, "route");
            if (!ROUTE.matcher(route).matches()) {
                throw new IllegalArgumentException("route names must match [a-z0-9][a-z0-9._-]*");
            }
            format = format == null ? AlertFormat.FHIR : format;
        }

        boolean matches(ScoreEvent e) {
            return (model == null || model.equals(e.model()))
                    && (band == null || e.band().atLeast(band))
                    && (minScore == null || e.score() >= minScore);
        }
    }

    public RoutingRules {
        Objects.requireNonNull(rules, "rules");
        rules = List.copyOf(rules);
        Duration.parse(Objects.requireNonNull(suppressionWindow, "suppressionWindow"));
    }

    @JsonIgnore
    public long suppressionWindowMs() {
        return Duration.parse(suppressionWindow).toMillis();
    }

    /** The route for an event: the first matching rule, or null when no rule matches. */
    public Rule match(ScoreEvent e) {
        for (Rule r : rules) {
            if (r.matches(e)) {
                return r;
            }
        }
        return null;
    }

    public static RoutingRules fromJson(String json) {
        try {
            return JSON.readValue(json, RoutingRules.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid routing rules (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    public static RoutingRules fromJson(InputStream json) {
        try {
            return JSON.readValue(json, RoutingRules.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid routing rules (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The default rules shipped with the module (alert-rules.json next to this class). */
    public static RoutingRules defaults() {
        try (InputStream in = RoutingRules.class.getResourceAsStream("alert-rules.json")) {
            return fromJson(Objects.requireNonNull(in, "alert-rules.json resource"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
