package io.phistream.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

  static AuditRecordDraft.Builder minimal() {
    return AuditRecordDraft.builder(Stage.DETECT, "m-1").inputDigest("00112233445566778899").instance("node-a")
        .eventTimeMs(1).processingTimeMs(2);
  }

  @Test
  void givenARecord_whenEncoded_thenCanonicalBytesAreSortedCompactJsonWithoutAbsentFields() {
    AuditRecord r = AuditRecord.of(minimal().phiCount("NAME", 2).phiCount("DATE", 1).ruleId("r2").ruleId("r1")
        .keyId("k1").build(), "detect/2", 5);
    assertThat(new String(r.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"eventTimeMs\":1,\"inputDigest\":\"00112233445566778899\",\"instance\":\"node-a\",\"keyIds\":[\"k1\"],"
            + "\"logId\":\"detect/2\",\"messageId\":\"m-1\",\"outcome\":\"ok\",\"phiCounts\":{\"DATE\":1,\"NAME\":2},"
            + "\"processingTimeMs\":2,\"ruleIds\":[\"r1\",\"r2\"],\"sequence\":5,\"stage\":\"detect\",\"v\":1}");
  }

  @Test
  void givenRecordsWithAndWithoutOptionalFields_whenEncodedByHand_thenTheBytesEqualJacksonsSortedMapEncoding() {
    AuditRecordDraft d = Fixtures.draft(Stage.SCORE, 3);
    AuditRecordDraft full = new AuditRecordDraft(d.stage(), d.outcome(), d.messageId(), d.inputDigest(),
        d.outputDigest(), d.phiCounts(), d.ruleIds(), d.policyVersion(), d.policyHash(), d.keyIds(), "news2",
        "2017.1", "rapid-response", d.instance(), d.eventTimeMs(), d.processingTimeMs());
    for (AuditRecord r : List.of(AuditRecord.of(full, "score/7", 42), AuditRecord.of(d, "score/0", 0),
        AuditRecord.of(minimal().build(), "detect/1", Long.MAX_VALUE))) {
      assertThat(r.canonicalBytes()).isEqualTo(Json.write(r.toTree()));
      RecordEntry e = RecordEntry.of(r);
      assertThat(e.value()).isEqualTo(e.jacksonValue());
      assertThat(AuditEntry.parse(e.value())).isEqualTo(e);
    }
  }

  @Test
  void givenARecordWithTheSourceOfItsInput_whenEncoded_thenSourceIsInKeyOrderUnderVersion2AndRoundTrips() {
    AuditRecord r = AuditRecord.of(minimal().source("acme.ingest.hl7v2/2/1041").build(), "detect/2", 5);

    String json = new String(r.canonicalBytes(), StandardCharsets.UTF_8);

    assertThat(json).endsWith(
        "\"sequence\":5,\"source\":\"acme.ingest.hl7v2/2/1041\",\"stage\":\"detect\",\"v\":2}");
    assertThat(r.canonicalBytes()).isEqualTo(Json.write(r.toTree()));
    assertThat(AuditRecord.fromCanonicalBytes(r.canonicalBytes())).isEqualTo(r);
    RecordEntry e = RecordEntry.of(r);
    assertThat(e.value()).isEqualTo(e.jacksonValue());
    assertThat(AuditEntry.parse(e.value())).isEqualTo(e);
  }

  @Test
  void givenAVersionThatDisagreesWithTheSource_whenParsed_thenRejected() {
    // one content, one encoding: a v1 record never has a source, a v2 record always has one
    String withSource = new String(AuditRecord.of(minimal().source("t/0/1").build(), "detect/0", 0)
        .canonicalBytes(), StandardCharsets.UTF_8);
    String v1WithSource = withSource.replace("\"v\":2}", "\"v\":1}");

    assertThatThrownBy(() -> AuditRecord.fromCanonicalBytes(v1WithSource.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AuditException.class).hasMessageContaining("version");
  }

  @Test
  void givenASourceThatIsNotTopicPartitionOffset_whenBuildingADraft_thenRejectedWithoutEchoingIt() {
    for (String bad : List.of("John Smith/0/1", "t/01/1", "t/0/-1", "t/0", "/0/1", "t//1", "t/0/1 x",
        "t/2147483648/1", "t/0/9223372036854775808", "a/b/0/1", "x".repeat(250) + "/0/1", "")) {
      assertThatThrownBy(() -> minimal().source(bad).build()).as(bad)
          .isInstanceOf(IllegalArgumentException.class).message().contains("source").doesNotContain("John");
    }
    for (String good : List.of("t/0/0", "x".repeat(249) + "/2147483647/9223372036854775807", "a-b_c.d/10/7")) {
      assertThat(minimal().source(good).build().source()).isEqualTo(good);
    }
  }

  @Test
  void givenTheSameContentInDifferentInsertionOrder_whenEncoded_thenTheBytesAreEqual() {
    AuditRecordDraft a = minimal().phiCount("NAME", 2).phiCount("DATE", 1).ruleId("b").ruleId("a").build();
    AuditRecordDraft b = minimal().phiCount("DATE", 1).phiCount("NAME", 2).ruleId("a").ruleId("b").ruleId("a")
        .build();
    assertThat(AuditRecord.of(a, "detect/0", 0).canonicalBytes())
        .isEqualTo(AuditRecord.of(b, "detect/0", 0).canonicalBytes());
  }

  @Test
  void givenAFullRecord_whenRoundTrippedThroughCanonicalJson_thenEqual() {
    AuditRecordDraft d = Fixtures.draft(Stage.SCORE, 3);
    AuditRecordDraft full = new AuditRecordDraft(d.stage(), d.outcome(), d.messageId(), d.inputDigest(),
        d.outputDigest(), d.phiCounts(), d.ruleIds(), d.policyVersion(), d.policyHash(), d.keyIds(), "news2",
        "2017.1", "rapid-response", d.instance(), d.eventTimeMs(), d.processingTimeMs());
    AuditRecord r = AuditRecord.of(full, "score/7", 42);
    assertThat(AuditRecord.fromCanonicalBytes(r.canonicalBytes())).isEqualTo(r);
  }

  @Test
  void givenFreeTextOrPhiShapedValues_whenBuildingADraft_thenRejectedWithoutEchoingTheValue() {
    String value = "John Smith";
    assertThatThrownBy(() -> minimal().outcome(value).build())
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("John").contains("outcome");
    assertThatThrownBy(() -> minimal().ruleId("rule " + value).build())
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("John");
    assertThatThrownBy(() -> minimal().phiCount("name", 1).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().phiCount("NAME", -1).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().inputDigest("not a digest!").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditRecordDraft.builder(Stage.DETECT, "555-12-3456 x").inputDigest("0011223344556677")
        .instance("a").build()).isInstanceOf(IllegalArgumentException.class).message().doesNotContain("555");
  }

  @Test
  void givenALogIdOfAnotherStage_whenPlacingTheRecord_thenRejected() {
    AuditRecordDraft d = minimal().build();
    assertThatThrownBy(() -> AuditRecord.of(d, "parse/0", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditRecord.of(d, "detect/-1", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditRecord.of(d, "detect/0", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(AuditRecord.of(d, "detect/12", 0).partition()).isEqualTo(12);
    for (String bad : new String[] {"detect/", "/1", "detect/01", "detect/1a", "detect/99999999999", "detect/2147483648",
        "Detect/1", "detect/+1", "unknown/1", "detect1", null}) {
      assertThat(AuditRecord.stageOf(bad)).as("log id %s", bad).isNull();
    }
    assertThat(AuditRecord.stageOf("detect/0")).isEqualTo(Stage.DETECT);
    assertThat(AuditRecord.partitionOf("reidentify/2147483647", Stage.REIDENTIFY)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void givenJsonWithUnknownFieldsDuplicatesOrFloats_whenParsed_thenRejected() {
    String ok = new String(AuditRecord.of(minimal().build(), "detect/0", 0).canonicalBytes(), StandardCharsets.UTF_8);
    for (String bad : List.of(
        ok.replace("\"v\":1}", "\"v\":1,\"note\":\"x\"}"),
        ok.replace("\"v\":1}", "\"v\":1,\"v\":1}"),
        ok.replace("\"sequence\":0", "\"sequence\":0.0"),
        ok.replace("\"v\":1}", "\"v\":2}"),
        ok + "{}")) {
      assertThatThrownBy(() -> AuditRecord.fromCanonicalBytes(bad.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(AuditException.class);
    }
  }

  @Test
  void givenATinkHmacKey_whenDigesting_thenDigestsAreKeyedDeterministicHexAndValidForARecord() throws Exception {
    MacConfig.register();
    Mac mac1 = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
        .getPrimitive(RegistryConfiguration.get(), Mac.class);
    Mac mac2 = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
        .getPrimitive(RegistryConfiguration.get(), Mac.class);
    byte[] msg = "MSH|^~\\&|synthetic".getBytes(StandardCharsets.UTF_8);
    String d1 = Digests.keyed(mac1, msg);
    assertThat(d1).matches("[0-9a-f]+").hasSize(2 * (5 + 32)).isEqualTo(Digests.keyed(mac1, msg));
    assertThat(d1).isNotEqualTo(Digests.keyed(mac2, msg));
    assertThat(minimal().inputDigest(d1).build().inputDigest()).isEqualTo(d1);
  }

  @Test
  void givenCountsMap_whenBuilt_thenItIsAnUnmodifiableSortedCopy() {
    Map<String, Integer> in = new TreeMap<>(Map.of("SSN", 1));
    AuditRecordDraft d = minimal().phiCounts(in).build();
    in.put("MRN", 3);
    assertThat(d.phiCounts()).containsOnlyKeys("SSN");
    assertThatThrownBy(() -> d.phiCounts().put("X", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
