package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BudgetAndHostileInputTest {
    private final TextPhiDetector d = Spans.D;

    @Test
    void givenTextOverTheSizeLimit_thenFailsClosedAndDetectCoversEverything() {
        TextPhiDetector small = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withMaxChars(100));
        String t = "x".repeat(101);
        DetectionResult r = small.analyse(t, DetectionContext.EMPTY);
        assertThat(r.failedClosed()).isTrue();
        assertThat(r.reason()).isEqualTo(DetectionResult.Reason.TOO_LARGE);
        assertThat(small.detect(t, DetectionContext.EMPTY)).singleElement()
                .satisfies(s -> assertThat(s.start()).isZero()).satisfies(s -> assertThat(s.end()).isEqualTo(101));
    }

    @Test
    void givenATinyTimeBudget_whenTextIsLong_thenFailsClosedOnTime() {
        TextPhiDetector hasty = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofNanos(1)));
        DetectionResult r = hasty.analyse("PT SEEN BY DR SMITH ON 3/4. ".repeat(2000), DetectionContext.EMPTY);
        assertThat(r.failedClosed()).isTrue();
        assertThat(r.reason()).isEqualTo(DetectionResult.Reason.TIME_BUDGET);
    }

    @Test
    void givenLoneSurrogatesControlCharsAndBinary_thenNoCrashAndOffsetsValid() {
        StringBuilder b = new StringBuilder("DR SMITH \uD800 called \uDC00\u0000\u0007 555-0123 ");
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            b.append((char) r.nextInt(0x10000));
        }
        String t = b.toString();
        // a generous budget: this checks robustness, not speed (a shared CI machine may be slow)
        TextPhiDetector generous = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(10)));
        DetectionResult res = generous.analyse(t, DetectionContext.EMPTY);
        assertThat(res.failedClosed()).isFalse();
        res.spans().forEach(s -> assertThat(s.end()).isLessThanOrEqualTo(t.length()));
        assertThat(res.spans()).anyMatch(s -> t.substring(s.start(), s.end()).equals("SMITH"));
    }

    @Test
    void givenPathologicalRepetition_thenFinishesWithinBudget() {
        String[] hostile = {
            "1/".repeat(200_000), "a@".repeat(200_000), "9".repeat(400_000), "-1".repeat(200_000),
            "DR ".repeat(150_000), "::".repeat(200_000), "www.".repeat(100_000), "ST. ".repeat(100_000),
            "(1".repeat(200_000), "1 ".repeat(200_000), "JOHN SMITH ".repeat(50_000), ".com".repeat(100_000)
        };
        TextPhiDetector generous = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(5)));
        for (String h : hostile) {
            DetectionResult res = generous.analyse(h, DetectionContext.EMPTY);
            assertThat(res.reason()).isIn(DetectionResult.Reason.NONE, DetectionResult.Reason.TIME_BUDGET);
            for (int i = 1; i < res.spans().size(); i++) {
                assertThat(res.spans().get(i).start()).isGreaterThanOrEqualTo(res.spans().get(i - 1).end());
            }
        }
    }

    @Test
    void givenConcurrentCallers_thenSameResultsAsSequential() throws Exception {
        String t = "DAUGHTER MARY SMITH CALLED 617-555-0123 ON 3/4 FROM WORCESTER";
        var expected = d.detect(t, DetectionContext.EMPTY);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<java.util.List<PhiSpan>>>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> d.detect(t, DetectionContext.EMPTY)));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenCustomRe2Pattern_thenSiteIdsFound() {
        TextPhiDetector site = TextPhiDetector.withConfig(
                TextPhiDetector.Config.DEFAULT.withPattern(io.phistream.detector.PhiType.MRN, "\\bZZ-[0-9]{3}\\b", "site.mrn"));
        assertThat(site.detect("sample ZZ-123 drawn", DetectionContext.EMPTY)).singleElement()
                .satisfies(s -> assertThat(s.rule()).isEqualTo("site.mrn"));
    }

    @Test
    void givenRandomMixturesOfTrickyFragments_thenSpansAreSortedDisjointInBoundsAndNeverFailClosed() {
        String[] frags = {"DR", "Dr.", "SMITH", "will", "MAY", "3/4", "/", "-", ".", ",", "(", ")", "@", "#", "'", "'S",
            "617", "555", "0123", "1/2", "ST", "Ave", "12", "OAK", "HOSPITAL", "ST.", "JOSEPH", "x", "www.", ".com",
            "::", "1.2.3.4", "MRN", ":", "0012345", "NINETY", "-TWO", "YO", "JAN", "5TH", "OF", "\n", " ", "  ", "\t",
            "\uD800", "\u00E9", "O'BRIEN", "DAUGHTER", "LIVES", "IN", "BOSTON", ",", "MA", "02114", "VIN", "1HGCM82633A004352"};
        java.util.Random r = new java.util.Random(42);
        for (int k = 0; k < 3000; k++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(40);
            for (int i = 0; i < len; i++) {
                b.append(frags[r.nextInt(frags.length)]);
                if (r.nextInt(3) > 0) {
                    b.append(' ');
                }
            }
            String t = b.toString();
            DetectionContext ctx = k % 2 == 0 ? DetectionContext.EMPTY : DetectionContext.builder()
                    .knownName("Smith", "Will").knownValue(io.phistream.detector.PhiType.MRN, "0012345")
                    .knownValue(io.phistream.detector.PhiType.GEO, "12 Oak St").knownValue(io.phistream.detector.PhiType.EMAIL, "a@b.com")
                    .rememberedDigests(java.util.Set.of("x"), v -> Integer.toHexString(v.hashCode())).build();
            DetectionResult res = d.analyse(t, ctx);
            assertThat(res.failedClosed()).as("failed closed on generated input #%d", k).isFalse();
            int prevEnd = 0;
            for (PhiSpan sp : res.spans()) {
                assertThat(sp.start()).isGreaterThanOrEqualTo(prevEnd);
                assertThat(sp.end()).isLessThanOrEqualTo(t.length()).isGreaterThan(sp.start());
                prevEnd = sp.end();
            }
        }
    }
}
