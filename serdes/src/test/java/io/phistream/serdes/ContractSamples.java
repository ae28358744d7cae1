package io.phistream.serdes;

import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.AlertKind;
import io.phistream.serdes.avro.AuditCheckpoint;
import io.phistream.serdes.avro.AuditRecord;
import io.phistream.serdes.avro.DriftEvent;
import io.phistream.serdes.avro.DriftLevel;
import io.phistream.serdes.avro.Observation;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.Score;
import io.phistream.serdes.avro.SourceFormat;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Synthetic, PHI-free sample of every contract: one with every optional field set, one with none. */
final class ContractSamples {

    static final Instant T = Instant.ofEpochMilli(1_750_000_000_123L);
    static final String TOKEN = "AZ3xq0v2m8K1c9bUq7r4YtW5s6Lp0oNe1dHf2gJk3lMn4bVc5xZ6aSd7fGh8jKl9";

    private ContractSamples() {
    }

    static SpecificRecord full(Class<?> type) {
        return sample(type, true);
    }

    static SpecificRecord minimal(Class<?> type) {
        return sample(type, false);
    }

    private static SpecificRecord sample(Class<?> type, boolean full) {
        if (type == io.phistream.serdes.avro.QuarantineEnvelope.class) {
            return SingleObjectAvroSerdeTest.envelope();
        }
        if (type == Observation.class) {
            return Observation.newBuilder().setPatientToken(TOKEN).setLoincCode("8867-4").setValue(92.0)
                    .setUnit("/min").setValueCode(full ? "A" : null).setEffectiveTimeMs(T)
                    .setSourceMessageId("msg-000042").build();
        }
        if (type == ObservationBatch.class) {
            // full: a NEWS2 vitals set as one ORU gives it (six elements, one coded); minimal: one quantity
            List<Observation> set = full
                    ? List.of(vital("8867-4", 92.0, "/min", null), vital("9279-1", 22.0, "/min", null),
                            vital("59408-5", 94.0, "%", null), vital("8480-6", 118.0, "mm[Hg]", null),
                            vital("8310-5", 38.5, "Cel", null), vital("67775-7", 0.0, "{ACVPU}", "A"))
                    : List.of(vital("8867-4", 92.0, "/min", null));
            return ObservationBatch.newBuilder().setPatientToken(TOKEN).setSourceMessageId("msg-000042")
                    .setSourceFormat(full ? SourceFormat.FHIR : SourceFormat.HL7V2).setObservations(set).build();
        }
        if (type == Score.class) {
            return Score.newBuilder().setPatientToken(TOKEN).setModelName("news2").setModelVersion("1.0.0")
                    .setScore(7.0).setBand("high").setFeaturesDigest("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                    .setOutputs(full ? Map.of("rr_points", 3.0, "hr_points", 1.0) : Map.of())
                    .setShadow(full).setTimeMs(T).build();
        }
        if (type == Alert.class) {
            return Alert.newBuilder().setPatientToken(TOKEN).setRoute("rapid-response").setBand("high").setScore(7.0)
                    .setKind(full ? AlertKind.ESCALATE : AlertKind.RAISE).setModelName("news2").setModelVersion("1.0.0")
                    .setTimeMs(T).setPayloadFormat(full ? "fhir-r4-json" : null)
                    .setPayload(full ? "{\"resourceType\":\"RiskAssessment\",\"status\":\"final\"}" : null).build();
        }
        if (type == AuditRecord.class) {
            return AuditRecord.newBuilder().setStage("deid").setOutcome("OK").setMessageId("msg-000042")
                    .setInputDigest(full ? "a".repeat(64) : null).setOutputDigest(full ? "b".repeat(64) : null)
                    .setPhiCounts(full ? Map.of("NAME", 2, "DATE", 3) : Map.of())
                    .setRuleIds(full ? List.of("hl7.pid.5", "hl7.pid.7") : List.of())
                    .setPolicyVersion("2025.1").setPolicyHash("c".repeat(64))
                    .setKeyIds(full ? Map.of("token", 123456789, "dateshift", 987654321) : Map.of())
                    .setModelName(full ? "news2" : null).setModelVersion(full ? "1.0.0" : null)
                    .setRoute(full ? "ward" : null).setInstance("phi-stream-0")
                    .setEventTimeMs(T).setProcessingTimeMs(T.plusMillis(5)).setLogId("deid-3").setSequence(41L).build();
        }
        if (type == AuditCheckpoint.class) {
            byte[] root = new byte[32];
            for (int i = 0; i < root.length; i++) {
                root[i] = (byte) i;
            }
            return AuditCheckpoint.newBuilder().setLogId("deid-3").setTreeSize(1024L).setRootHash(ByteBuffer.wrap(root))
                    .setPreviousCheckpointHash(full ? ByteBuffer.wrap(new byte[32]) : null).setTimestampMs(T)
                    .setSignedNote("phi-stream/audit/deid-3\n1024\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n\n— phi-stream AbCd==\n")
                    .build();
        }
        if (type == DriftEvent.class) {
            return DriftEvent.newBuilder().setModelName("news2").setModelVersion("1.0.0").setFeature(full ? "hr" : "score")
                    .setPsi(full ? 0.31 : 0.12).setLevel(full ? DriftLevel.MAJOR : DriftLevel.MINOR)
                    .setWindowStartMs(T).setWindowEndMs(T.plusSeconds(3600)).setSampleSize(5000L).build();
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static Observation vital(String loinc, double value, String unit, String code) {
        return Observation.newBuilder().setPatientToken(TOKEN).setLoincCode(loinc).setValue(value).setUnit(unit)
                .setValueCode(code).setEffectiveTimeMs(T).setSourceMessageId("msg-000042").build();
    }
}
