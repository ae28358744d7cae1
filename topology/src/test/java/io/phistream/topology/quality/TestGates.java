package io.phistream.topology.quality;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared fixtures: a gate with throwaway keys, the shipped rules, the shared corpus when present. */
final class TestGates {

    static final Path CORPUS = Path.of("..", "..", "shared", "corpora", "hl7v2-samples", "messages");
    static final Hl7Rules RULES = Hl7Rules.load(Hl7Rules.DEFAULT);

    private TestGates() {
    }

    static QualityGate gate(KeyStore keys) {
        return gate(keys, RULES);
    }

    static QualityGate gate(KeyStore keys, Hl7Rules rules) {
        return new QualityGate(new Hl7Validator(rules), new KeyedDigest(keys.digest()), Stages.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Corpus file name → bytes, sorted; empty when the shared folder is absent (callers assume it is there). */
    static Map<String, byte[]> corpus() throws IOException {
        return corpus(CORPUS);
    }

    /** The files of a corpus folder: name → bytes, sorted; empty when the folder is absent. */
    static Map<String, byte[]> corpus(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return m;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** A complete, valid ORU^R01 vitals message (v2.5.1); tests replace one element to break one rule. */
    static String oru() {
        return String.join("\r", List.of(
                "MSH|^~\\&|VITALS|WARD7|PHI|STREAM|20240311101500+0000||ORU^R01^ORU_R01|CTRL0001|P|2.5.1",
                "PID|1||MRN12345^^^HOSP^MR||DOE^JANE||19700102|F",
                "PV1|1|I|W7^12^1",
                "OBR|1|ORD1|FIL1|85353-1^Vital signs panel^LN|||20240311101000+0000",
                "OBX|1|NM|8867-4^Heart rate^LN||72|/min^beats per minute^UCUM|60-100|N|||F|||20240311101000+0000",
                "OBX|2|NM|9279-1^Respiratory rate^LN||16|/min|12-20|N|||F|||20240311101000+0000",
                "OBX|3|NM|59408-5^SpO2^LN||97|%|94-100|N|||F",
                "OBX|4|NM|8480-6^Systolic BP^LN||121|mm[Hg]|100-140|N|||F",
                "OBX|5|NM|8310-5^Body temperature^LN||36.8|Cel|36.1-37.8|N|||F",
                "OBX|6|NM|2160-0^Creatinine^LN||0.9|mg/dL|0.6-1.2|N|||F")) + "\r";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> lines(String msg) {
        return new ArrayList<>(List.of(msg.split("\r")));
    }
}
