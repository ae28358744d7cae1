package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import java.util.Set;

/**
 * E-mail addresses, URLs, bare domain names, IPv4 and IPv6 addresses, MAC addresses. Hand-written scanners: each
 * is anchored on a rare character ('@', ':', '.', "www") and looks a bounded distance around it,
 * so the whole pass is linear whatever the input.
 */
final class Web {
    private static final Set<String> TLDS = Set.of("com", "org", "net", "edu", "gov", "mil", "int", "io", "co",
            "us", "uk", "ca", "de", "fr", "it", "es", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "cz",
            "ru", "cn", "jp", "kr", "au", "nz", "br", "mx", "ar", "info", "biz", "me", "tv", "app", "dev", "ai",
            "health", "care", "hu", "ie", "pt", "gr", "tr", "il", "za", "sg", "hk", "tw", "eu", "name", "online",
            "site", "xyz", "md", "ro", "sk", "si", "hr", "bg", "lt", "lv", "ee", "is", "lu", "ua", "by", "rs");

    /**
     * The characters the scanners below are anchored on: '@', the h, f and w of http, ftp and www, digits, ':', '.',
     * and '-' (a MAC address's separator).
     */
    private static final boolean[] OPENS = new boolean[128];

    static {
        for (char c : "@hHfFwW0123456789:.-".toCharArray()) {
            OPENS[c] = true;
        }
    }

    private Web() {
    }

    static void detect(Scan s) {
        CharSequence t = s.text;
        int n = t.length();
        int lastEnd = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                s.budget.check();
            }
            char c = t.charAt(i);
            if (c >= OPENS.length || !OPENS[c]) {
                continue; // cheap test first: most characters open nothing below
            }
            if (c == '@') {
                int e = email(s, i);
                if (e == i + 1 && i >= lastEnd) {
                    e = Math.max(e, handle(s, i));
                }
                lastEnd = Math.max(lastEnd, e);
            } else if ((c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') && i >= lastEnd
                    && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))) {
                int e = url(s, i);
                if (e > i) {
                    lastEnd = e;
                    i = e - 1;
                }
            } else if (c >= '0' && c <= '9' && i >= lastEnd && (i == 0 || boundary(t.charAt(i - 1)))
                    && dottedOrColoned(t, i)) {
                int e = ipv4(s, i);
                if (e < 0) {
                    e = ipv6(s, i);
                }
                if (e > i) {
                    lastEnd = e;
                    i = e - 1;
                }
            } else if (c == ':' && i + 1 < n && t.charAt(i + 1) == ':' && i >= lastEnd
                    && (i == 0 || boundary(t.charAt(i - 1)) || isHex(t.charAt(i - 1)))) {
                int st = i;
                while (st > 0 && (isHex(t.charAt(st - 1)) || t.charAt(st - 1) == ':') && i - st < 40) {
                    st--;
                }
                if (st == 0 || boundary(t.charAt(st - 1))) {
                    int e = ipv6(s, st);
                    if (e > i) {
                        lastEnd = e;
                        i = e - 1;
                    }
                }
            } else if ((c == ':' || c == '-') && i >= lastEnd && i >= 2) {
                int e = mac(s, i - 2, c);
                if (e > i) {
                    lastEnd = e;
                    i = e - 1;
                }
            } else if (c == '.' && i >= lastEnd && i > 0 && Character.isLetterOrDigit(t.charAt(i - 1))) {
                int e = bareDomain(s, i);
                if (e > i) {
                    lastEnd = e;
                    i = e - 1;
                }
            }
        }
    }

    /**
     * Whether a '.' or a ':' closes the run of at most four hex digits at i: without one neither an IPv4 (one to three
     * digits, then '.') nor an IPv6 address (one to four hex digits, then ':') starts there. A cheap test for every
     * number of the text.
     */
    private static boolean dottedOrColoned(CharSequence t, int i) {
        int j = i;
        while (j < t.length() && j - i < 5 && isHex(t.charAt(j))) {
            j++;
        }
        return j < t.length() && j - i < 5 && (t.charAt(j) == '.' || t.charAt(j) == ':');
    }

    private static boolean boundary(char c) {
        return !Character.isLetterOrDigit(c) && c != '.' && c != ':' && c != '-' && c != '/';
    }

    private static boolean local(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    private static boolean host(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-');
    }

    private static int email(Scan s, int at) {
        CharSequence t = s.text;
        int a = at;
        while (a > 0 && at - a < 64 && local(t.charAt(a - 1))) {
            a--;
        }
        while (a < at && t.charAt(a) == '.') {
            a++;
        }
        if (a == at) {
            return at + 1;
        }
        int e = domainEnd(t, at + 1);
        if (e < 0) {
            return at + 1;
        }
        s.add(PhiType.EMAIL, a, e, "email", 0.98);
        return e;
    }

    // (no "x", "dm", "fb", "ig", "user", "account": they are also clinical shorthand or everyday words)
    private static final Set<String> SOCIAL = Set.of("handle", "instagram", "insta", "tiktok", "snapchat", "facebook",
            "twitter", "follows", "followed", "messaged", "username", "discord", "reddit", "youtube", "telegram",
            "whatsapp");

    /**
     * A social-media handle: "@rizzy.cbus614", "follows an account, @steubie_plugz". '@' opens a word (a blank or an
     * opening bracket before it) and a handle follows, glued. Nurses also write '@' for "at" ("@bedside", "@ 2200"),
     * so the handle needs a handle's shape (a digit, '_' or an inner '.' besides letters) or a social-media word in
     * the five words before it.
     */
    private static int handle(Scan s, int at) {
        CharSequence t = s.text;
        int n = t.length();
        if (at > 0 && !(Character.isWhitespace(t.charAt(at - 1)) || "([\"'".indexOf(t.charAt(at - 1)) >= 0)) {
            return at + 1;
        }
        int e = at + 1;
        if (e >= n || t.charAt(e) >= 128 || !Character.isLetter(t.charAt(e))) {
            return at + 1; // a handle starts with a letter: "@2200hrs", "@10am" are times
        }
        boolean letter = false;
        boolean shaped = false;
        while (e < n && e - at <= 31) {
            char c = t.charAt(e);
            if (c < 128 && Character.isLetter(c)) {
                letter = true;
            } else if (c >= '0' && c <= '9' || c == '_') {
                shaped = true;
            } else if (c == '.' && e + 1 < n && t.charAt(e + 1) < 128 && Character.isLetterOrDigit(t.charAt(e + 1))) {
                shaped = true;
            } else {
                break;
            }
            e++;
        }
        if (!letter || e - at < 4 || !(shaped || socialBefore(s, at))) {
            return at + 1;
        }
        s.add(PhiType.OTHER_ID, at, e, "id.handle", 0.85);
        return e;
    }

    /** A social-media word among the five words before {@code at}, on its line. */
    private static boolean socialBefore(Scan s, int at) {
        CharSequence t = s.text;
        int i = at - 1;
        for (int words = 0; words < 5 && i > 0; words++) {
            while (i > 0 && !Character.isLetter(t.charAt(i))) {
                if (t.charAt(i) == '\n') {
                    return false;
                }
                i--;
            }
            int end = i + 1;
            while (i > 0 && Character.isLetter(t.charAt(i - 1))) {
                i--;
            }
            if (SOCIAL.contains(t.subSequence(i, end).toString().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
            i--;
        }
        return false;
    }

    /** End of a dotted host name starting at i with an alphabetic last label, or -1. */
    private static int domainEnd(CharSequence t, int i) {
        int n = t.length();
        int e = i;
        int dots = 0;
        int labelStart = i;
        int lastLabelStart = -1;
        while (e < n && e - i < 255) {
            char c = t.charAt(e);
            if (host(c)) {
                e++;
            } else if (c == '.' && e > labelStart && e + 1 < n && host(t.charAt(e + 1))) {
                dots++;
                lastLabelStart = e + 1;
                e++;
                labelStart = e;
            } else {
                break;
            }
        }
        if (dots == 0 || e - lastLabelStart < 2) {
            return -1;
        }
        for (int k = lastLabelStart; k < e; k++) {
            if (!Character.isLetter(t.charAt(k))) {
                return -1;
            }
        }
        return e;
    }

    private static boolean startsWithIgnoreCase(CharSequence t, int i, String p) {
        if (i + p.length() > t.length()) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (Character.toLowerCase(t.charAt(i + k)) != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int url(Scan s, int i) {
        CharSequence t = s.text;
        // cheap test first: every prefix below is four characters or more, its second a 't' or a 'w'
        if (i + 4 > t.length() || Character.toLowerCase(t.charAt(i + 1)) != 't'
                && Character.toLowerCase(t.charAt(i + 1)) != 'w') {
            return -1;
        }
        int body;
        if (startsWithIgnoreCase(t, i, "https://")) {
            body = i + 8;
        } else if (startsWithIgnoreCase(t, i, "http://")) {
            body = i + 7;
        } else if (startsWithIgnoreCase(t, i, "ftp://")) {
            body = i + 6;
        } else if (startsWithIgnoreCase(t, i, "www.")) {
            body = i;
        } else {
            return -1;
        }
        int e = body;
        int n = t.length();
        while (e < n && e - i < 2048) {
            char c = t.charAt(e);
            if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c < 32 || c > 126) {
                break;
            }
            e++;
        }
        while (e > body && ".,;:!?)]}'".indexOf(t.charAt(e - 1)) >= 0) {
            e--;
        }
        if (e - body < 4) {
            return -1;
        }
        s.add(PhiType.URL, i, e, "url", 0.97);
        return e;
    }

    /**
     * "helps.no prn haldol", "visits weekends.pt is DNR", "she is HCP.pt's husb": a sentence run into the next without
     * its space, where the next begins with a short word that is also a country's domain. Only a word and such a
     * two-letter ending, with no path after it.
     */
    private static boolean sentenceGlued(Scan s, int a, int tldStart, int e) {
        CharSequence t = s.text;
        if (e - tldStart != 2 || !SENTENCE_WORD_TLDS.contains(t.subSequence(tldStart, e).toString())
                || e < t.length() && t.charAt(e) == '/') {
            return false;
        }
        for (int k = a; k < tldStart - 1; k++) {
            if (t.charAt(k) == '.' || Character.isDigit(t.charAt(k))) {
                return false;
            }
        }
        int w = s.tokenAt(a);
        return w >= 0 && s.tk.start[w] == a && s.tk.end[w] == tldStart - 1
                && (s.flags(w) & (Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.STOP)) != 0;
    }

    /** Two-letter domains that are also words or clinical shorthand opening a sentence (pt, no, md, he, it...). */
    private static final java.util.Set<String> SENTENCE_WORD_TLDS = java.util.Set.of("pt", "no", "md", "me", "ms",
            "am", "in", "is", "it", "us", "so", "to", "at", "be", "by", "do", "go", "he", "hi", "my", "re", "st", "pa",
            "id", "im", "la", "ne", "mo", "ma");

    private static int bareDomain(Scan s, int dot) {
        CharSequence t = s.text;
        if (dot + 1 >= t.length() || !host(t.charAt(dot + 1))) {
            return -1; // cheap test first: a host's label follows the dot ("end of a sentence. Next" has none)
        }
        int a = dot;
        while (a > 0 && dot - a < 64 && (host(t.charAt(a - 1)) || t.charAt(a - 1) == '.')) {
            a--;
        }
        while (a < dot && !Character.isLetterOrDigit(t.charAt(a))) {
            a++;
        }
        if (a > 0 && (t.charAt(a - 1) == '@' || t.charAt(a - 1) == '/' || t.charAt(a - 1) == ':')) {
            return -1;
        }
        int e = domainEnd(t, a);
        if (e < 0 || e <= dot) {
            return -1;
        }
        int tldStart = e;
        while (tldStart > a && t.charAt(tldStart - 1) != '.') {
            tldStart--;
        }
        String tld = t.subSequence(tldStart, e).toString();
        if (!TLDS.contains(tld) || tldStart - 1 - a < 2) {
            return -1; // lower-case TLDs only: "PT.IN" in a shouted note is not a web address
        }
        if (e < t.length() && (Character.isLetterOrDigit(t.charAt(e)) || t.charAt(e) == '@')) {
            return -1;
        }
        // at least one letter before the TLD, and not a decimal or an abbreviation like e.g.
        boolean letter = false;
        for (int k = a; k < tldStart - 1; k++) {
            if (Character.isLetter(t.charAt(k))) {
                letter = true;
                break;
            }
        }
        if (!letter) {
            return -1;
        }
        if (sentenceGlued(s, a, tldStart, e)) {
            return -1;
        }
        int end = e;
        if (end < t.length() && t.charAt(end) == '/') {
            while (end < t.length() && end - a < 2048 && !Character.isWhitespace(t.charAt(end))
                    && "<>\"".indexOf(t.charAt(end)) < 0) {
                end++;
            }
            while (end > e && ".,;:!?)]}'".indexOf(t.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        s.add(PhiType.URL, a, end, "url.domain", 0.85);
        return end;
    }

    private static int ipv4(Scan s, int i) {
        CharSequence t = s.text;
        int n = t.length();
        int p = i;
        for (int part = 0; part < 4; part++) {
            int v = 0;
            int d = 0;
            while (p < n && d < 4 && t.charAt(p) >= '0' && t.charAt(p) <= '9') {
                v = v * 10 + (t.charAt(p) - '0');
                p++;
                d++;
            }
            if (d == 0 || d > 3 || v > 255) {
                return -1;
            }
            if (part < 3) {
                if (p >= n || t.charAt(p) != '.') {
                    return -1;
                }
                p++;
            }
        }
        if (p < n && (Character.isLetterOrDigit(t.charAt(p))
                || t.charAt(p) == '.' && p + 1 < n && Character.isDigit(t.charAt(p + 1)))) {
            return -1;
        }
        s.add(PhiType.IP, i, p, "ip.v4", 0.95);
        return p;
    }

    /**
     * "MAC 00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e": a network card's address, six pairs of hex digits joined by one
     * separator, identifies a device. Returns the end, or -1.
     */
    private static int mac(Scan s, int st, char sep) {
        CharSequence t = s.text;
        int n = t.length();
        if (st > 0 && (Character.isLetterOrDigit(t.charAt(st - 1)) || t.charAt(st - 1) == sep)) {
            return -1;
        }
        int p = st;
        for (int pair = 0; pair < 6; pair++) {
            if (p + 2 > n || !isHex(t.charAt(p)) || !isHex(t.charAt(p + 1))) {
                return -1;
            }
            p += 2;
            if (pair < 5) {
                if (p >= n || t.charAt(p) != sep) {
                    return -1;
                }
                p++;
            }
        }
        if (p < n && (Character.isLetterOrDigit(t.charAt(p)) || t.charAt(p) == sep
                || t.charAt(p) == '.' && p + 1 < n && Character.isLetterOrDigit(t.charAt(p + 1)))) {
            return -1;
        }
        s.add(PhiType.DEVICE, st, p, "device.mac", 0.9);
        return p;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int ipv6(Scan s, int i) {
        CharSequence t = s.text;
        int n = t.length();
        int p = i;
        int groups = 0;
        int colons = 0;
        boolean dbl = false;
        boolean letters = false;
        int glen = 0;
        while (p < n && p - i < 45) {
            char c = t.charAt(p);
            if (isHex(c)) {
                if (++glen > 4) {
                    return -1;
                }
                letters |= Character.isLetter(c);
                p++;
            } else if (c == ':') {
                if (glen > 0) {
                    groups++;
                }
                glen = 0;
                colons++;
                if (p + 1 < n && t.charAt(p + 1) == ':') {
                    if (dbl) {
                        return -1;
                    }
                    dbl = true;
                    colons++;
                    p += 2;
                } else {
                    p++;
                }
            } else {
                break;
            }
        }
        if (glen > 0) {
            groups++;
        }
        // a '.' that ends the sentence ends the address; one before more of the word ("::ffff:192.0.2.1") does not
        if (p < n && (Character.isLetterOrDigit(t.charAt(p))
                || t.charAt(p) == '.' && p + 1 < n && Character.isLetterOrDigit(t.charAt(p + 1)))) {
            return -1;
        }
        // times like 12:30:45 have two colons and no "::"; a full address has 8 groups
        boolean ok = dbl ? groups >= 1 && groups <= 7 && (letters || groups >= 2 || colons >= 2)
                : groups == 8 && colons == 7;
        if (!ok || t.charAt(p - 1) == ':' && !dbl) {
            return -1;
        }
        s.add(PhiType.IP, i, p, "ip.v6", 0.9);
        return p;
    }
}
