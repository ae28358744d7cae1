package io.phistream.detector.fhir;

import io.phistream.detector.PhiType;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites references, fullUrls and request URLs so they still resolve after de-identification: every id part is
 * replaced by the same pseudonym as the target resource's id, {@code urn:uuid:} stays a UUID, versions and the
 * server base are kept. Search queries (conditional references, {@code ifNoneExist}) keep their parameter names;
 * {@code system|value} values are tokenised like the identifier they name, {@code _id} values pseudonymised, other
 * {@code _} parameters dropped and any other value tokenised. Anything else cannot be proven harmless and is
 * removed (null). Hand-written: HAPI's IdType parses these forms but also accepts shapes we must not pass through.
 */
final class References {

    /** What the rewriting needs from the message being de-identified. */
    interface Context {
        String pseudonym(String id);

        String token(PhiType type, String value);

        PhiType identifierPhi(String system);
    }

    private static final String ID = "[A-Za-z0-9\\-.]{1,64}";
    private static final Pattern RELATIVE = Pattern.compile("([A-Z][A-Za-z]{1,63})/(" + ID + ")(/_history/" + ID + ")?");
    private static final Pattern ABSOLUTE = Pattern.compile("(https?://[^\\s?#]+/)([A-Z][A-Za-z]{1,63})/(" + ID + ")"
            + "(/_history/" + ID + ")?");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_:.\\-]{1,64}");

    private final Set<String> resourceTypes;

    References(Set<String> resourceTypes) {
        this.resourceTypes = resourceTypes;
    }

    /** The rewritten reference, or null when it must be removed. */
    String rewrite(String ref, Context ctx) {
        if (ref == null || ref.isEmpty()) {
            return ref;
        }
        if (ref.startsWith("#")) {
            return ref.length() == 1 ? ref : "#" + ctx.pseudonym(ref.substring(1));
        }
        if (ref.startsWith("urn:uuid:")) {
            String uuid = ref.substring(9);
            return FhirDeidentifier.isUuid(uuid) ? "urn:uuid:" + ctx.pseudonym(uuid) : null;
        }
        int q = ref.indexOf('?');
        if (q >= 0) {
            String type = ref.substring(0, q);
            if (!TYPE.matcher(type).matches() || !resourceTypes.contains(type)) {
                return null;
            }
            String query = query(ref.substring(q + 1), ctx);
            return query == null ? null : type + "?" + query;
        }
        if (ref.indexOf('=') >= 0 && ref.indexOf('/') < 0) {
            return query(ref, ctx); // ifNoneExist: a bare query
        }
        if (TYPE.matcher(ref).matches()) {
            return resourceTypes.contains(ref) ? ref : null; // request.url of a create: the type alone
        }
        Matcher m = RELATIVE.matcher(ref);
        if (m.matches() && resourceTypes.contains(m.group(1))) {
            return m.group(1) + "/" + ctx.pseudonym(m.group(2)) + (m.group(3) == null ? "" : m.group(3));
        }
        m = ABSOLUTE.matcher(ref);
        if (m.matches() && resourceTypes.contains(m.group(2))) {
            // the server base names a system, not a person: kept so absolute fullUrls and references still match
            return m.group(1) + m.group(2) + "/" + ctx.pseudonym(m.group(3)) + (m.group(4) == null ? "" : m.group(4));
        }
        return null;
    }

    private static String query(String query, Context ctx) {
        StringBuilder out = new StringBuilder(query.length() + 64);
        for (String param : query.split("&")) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String name = param.substring(0, eq);
            if (!PARAM_NAME.matcher(name).matches()) {
                return null;
            }
            if (name.startsWith("_") && !name.equals("_id")) {
                continue;
            }
            String raw;
            try {
                raw = URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return null;
            }
            StringBuilder values = new StringBuilder();
            for (String v : raw.split(",", -1)) {
                if (values.length() > 0) {
                    values.append(',');
                }
                values.append(value(name, v, ctx));
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name).append('=').append(URLEncoder.encode(values.toString(), StandardCharsets.UTF_8));
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String value(String name, String v, Context ctx) {
        if (v.isEmpty()) {
            return v;
        }
        if (name.equals("_id")) {
            return ctx.pseudonym(v);
        }
        int bar = v.indexOf('|');
        if (bar >= 0) {
            String system = v.substring(0, bar);
            String value = v.substring(bar + 1);
            return system + "|" + (value.isEmpty() ? "" : ctx.token(ctx.identifierPhi(system.isEmpty() ? null : system), value));
        }
        return ctx.token(PhiType.OTHER_ID, v);
    }
}
