package io.phistream.detector.fhir.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.phistream.detector.fhir.FhirDeidentifier;
import io.phistream.detector.fhir.FhirOutcome;
import io.phistream.detector.fhir.FhirTestKit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A companion to {@link FhirDeidentifyBenchmark} for shared, overloaded machines: de-identification and HAPI's
 * parse+encode alternate bundle by bundle and each is timed by this thread's CPU time, so both see the same JIT
 * state and neither is charged for time the scheduler gave to other processes. Prints MB/s (CPU) of both and the
 * ratio. GC threads are not charged to either (both allocate; de-identification somewhat more).
 *
 * <p>Run: {@code java -cp <test classpath> io.phistream.detector.fhir.bench.FhirThroughputRunner [seconds] [JSON|XML]}
 */
public final class FhirThroughputRunner {

    private FhirThroughputRunner() {
    }

    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        boolean json = args.length < 2 || args[1].equalsIgnoreCase("JSON");
        if (!FhirTestKit.syntheaPresent()) {
            throw new IllegalStateException(FhirTestKit.SYNTHEA + " is absent: nothing to measure");
        }
        FhirDeidentifier.warmUp();
        FhirContext ctx = FhirDeidentifier.context();
        FhirDeidentifier deid = new FhirTestKit().deidentifier();
        List<String> bundles = new ArrayList<>();
        long bytes = 0;
        for (Path p : FhirTestKit.syntheaBundles()) {
            String text = (json ? ctx.newJsonParser() : ctx.newXmlParser())
                    .encodeResourceToString(ctx.newJsonParser().parseResource(Files.readString(p)));
            bundles.add(text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long deidNanos = 0;
        long hapiNanos = 0;
        long passes = 0;
        long warmEnd = System.nanoTime() + Math.min(10, seconds / 3) * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            boolean measuring = System.nanoTime() >= warmEnd;
            for (String b : bundles) {
                long c0 = mx.getCurrentThreadCpuTime();
                FhirOutcome o = deid.deidentify(b);
                long c1 = mx.getCurrentThreadCpuTime();
                IParser p = json ? ctx.newJsonParser() : ctx.newXmlParser();
                String round = p.encodeResourceToString(p.parseResource(b));
                long c2 = mx.getCurrentThreadCpuTime();
                if (!(o instanceof FhirOutcome.Deidentified) || round.isEmpty()) {
                    throw new IllegalStateException("a bundle was not released");
                }
                if (measuring) {
                    deidNanos += c1 - c0;
                    hapiNanos += c2 - c1;
                }
            }
            if (measuring) {
                passes++;
            }
        }
        double mb = bytes / 1e6 * passes;
        System.out.printf("%s: %d bundles x %d passes (%.2f MB each pass)%n", json ? "JSON" : "XML", bundles.size(),
                passes, bytes / 1e6);
        System.out.printf("de-identify       %6.2f MB/s (CPU)%n", mb / (deidNanos / 1e9));
        System.out.printf("HAPI parse+encode %6.2f MB/s (CPU)%n", mb / (hapiNanos / 1e9));
        System.out.printf("ratio             %6.1f %%%n", 100.0 * hapiNanos / deidNanos);
    }
}
