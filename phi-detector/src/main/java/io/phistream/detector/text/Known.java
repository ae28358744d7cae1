package io.phistream.detector.text;

import io.phistream.detector.PhiType;

/**
 * Values the message's structure identified (ids, phones, places, e-mails) and the patient's
 * remembered digests, found again in the text in other spacing, separators and case. Names are
 * matched inside {@link Names} so that they take part in the name-sequence logic.
 */
final class Known {
    private Known() {
    }

    static void detect(Scan s) {
        DetectionContext c = s.ctx;
        if (c.isEmpty()) {
            return;
        }
        Tokens tk = s.tk;
        boolean memory = c.hasMemory();
        for (int t = 0; t < tk.n; t++) {
            if ((t & 255) == 0) {
                s.budget.check();
            }
            byte k = tk.kind[t];
            if (k == Tokens.NUM || k == Tokens.ALNUM) {
                // the whole id: tokens glued or joined by separators without letters in between
                int last = t;
                while (last + 1 < tk.n && (tk.adjacent(last, last + 1) || tk.spaceOnly(last, last + 1)
                        && tk.kind[last + 1] == Tokens.NUM) && last - t < 12) {
                    int nx = last + 1;
                    if (tk.kind[nx] == Tokens.PUNCT && "-./() ".indexOf(tk.firstChar(nx)) < 0) {
                        break;
                    }
                    if (tk.kind[nx] == Tokens.WORD) {
                        break;
                    }
                    last = nx;
                }
                while (last > t && tk.kind[last] == Tokens.PUNCT) {
                    last--;
                }
                // try the longest run first, then shorter prefixes (an id may be followed by other numbers)
                for (int e = last; e >= t; e--) {
                    if (tk.kind[e] == Tokens.PUNCT) {
                        continue;
                    }
                    CharSequence v = s.text.subSequence(tk.start[t], tk.end[e]);
                    String idKey = DetectionContext.idKey(PhiType.OTHER_ID, v);
                    String phoneKey = DetectionContext.idKey(PhiType.PHONE, v);
                    PhiType hit = c.idKeys.get(idKey);
                    if (hit == null && phoneKey.length() == 10) {
                        hit = c.idKeys.get(phoneKey);
                    }
                    // memory: hash only the whole run and its first token (each digest is a keyed hash)
                    if (hit == null && memory && idKey.length() >= 4 && (e == last || e == t)
                            && (c.remembered.contains(c.digest.apply("i:" + idKey))
                            || phoneKey.length() == 10 && c.remembered.contains(c.digest.apply("i:" + phoneKey)))) {
                        hit = PhiType.OTHER_ID;
                        s.addTokens(hit, t, e, "id.memory", 0.95);
                        t = e;
                        break;
                    }
                    if (hit != null) {
                        s.addTokens(hit, t, e, "id.known", 0.97);
                        t = e;
                        break;
                    }
                    if (e - t > 10) {
                        break;
                    }
                }
            } else if (k == Tokens.WORD && tk.len(t) >= 3) {
                if (c.geoKeys.isEmpty() && !memory) {
                    continue;
                }
                int f = s.flags(t);
                if ((f & Lexicon.STOP) != 0) {
                    continue;
                }
                String key = s.key(t);
                boolean hit = c.geoKeys.contains(key);
                if (!hit && memory && ((f & Lexicon.COMMON) == 0 || (f & Lexicon.NAME_LISTED) != 0)) {
                    hit = c.remembered.contains(c.digest.apply("g:" + key));
                }
                if (hit) {
                    int first = t;
                    int last = t;
                    // widen to the street: house number before, suffix after
                    if (t > 0 && tk.kind[t - 1] == Tokens.NUM && tk.spaceOnly(t - 1, t)) {
                        first = t - 1;
                    }
                    if (t + 1 < tk.n && s.has(t + 1, Lexicon.SUFFIX) && tk.spaceOnly(t, t + 1)) {
                        last = t + 1;
                    }
                    s.addTokens(PhiType.GEO, first, last, memory && !c.geoKeys.contains(key) ? "geo.memory" : "geo.known", 0.95);
                }
            }
        }
        if (!c.webKeys.isEmpty()) {
            String text = s.text.toString();
            for (var e : c.webKeys.entrySet()) {
                String v = e.getKey();
                // regionMatches keeps offsets exact (toLowerCase may change the length of some texts)
                for (int i = 0; i + v.length() <= text.length(); i++) {
                    if (text.regionMatches(true, i, v, 0, v.length())) {
                        s.add(e.getValue(), i, i + v.length(), "web.known", 0.97);
                        i += v.length() - 1;
                    }
                    if ((i & 4095) == 0) {
                        s.budget.check();
                    }
                }
            }
        }
    }
}
