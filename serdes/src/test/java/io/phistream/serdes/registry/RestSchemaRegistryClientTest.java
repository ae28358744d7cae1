package io.phistream.serdes.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.FakeSchemaRegistry;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.serdes.avro.Score;
import io.phistream.serdes.registry.SchemaRegistryException.ErrorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST client against an in-test registry (see FakeSchemaRegistry: no registry server can run on our
 * machines, so the documented endpoints and error codes are served by com.sun.net.httpserver).
 */
class RestSchemaRegistryClientTest {

    private static final Schema ENVELOPE = QuarantineEnvelope.getClassSchema();
    @TempDir
    static Path tlsDir;
    private static TestTls tls;
    private FakeSchemaRegistry registry;

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = TestTls.generate(tlsDir);
    }

    @BeforeEach
    void start() throws IOException {
        registry = FakeSchemaRegistry.http();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private RestSchemaRegistryClient.Builder client() {
        return RestSchemaRegistryClient.builder().urls(registry.url()).timeout(Duration.ofSeconds(5));
    }

    @Test
    void givenNewSchema_whenRegistered_thenPostsToSubjectVersionsAndReturnsRegistryId() {
        int id = client().build().register("phistream.quarantine-value", ENVELOPE);

        assertThat(registry.requests()).containsExactly("POST /subjects/phistream.quarantine-value/versions");
        assertThat(id).isEqualTo(registry.preRegister("phistream.quarantine-value", ENVELOPE));
    }

    @Test
    void givenRegisteredSchema_whenLookedUp_thenPostsToSubjectAndReturnsSameId() {
        int id = registry.preRegister("phistream.quarantine-value", ENVELOPE);

        assertThat(client().build().lookup("phistream.quarantine-value", ENVELOPE)).isEqualTo(id);
        assertThat(registry.requests()).containsExactly("POST /subjects/phistream.quarantine-value");
    }

    @Test
    void givenRegisteredId_whenFetched_thenGetsSchemaById() {
        int id = registry.preRegister("phistream.quarantine-value", ENVELOPE);

        assertThat(client().build().schemaById(id)).isEqualTo(ENVELOPE);
        assertThat(registry.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void givenSchema_whenRegisteredLookedUpAndFetchedRepeatedly_thenOneHttpCallPerSchema() {
        RestSchemaRegistryClient c = client().build();
        for (int i = 0; i < 5; i++) {
            c.register("a-value", ENVELOPE);
            c.lookup("a-value", ENVELOPE);
        }
        int scoreId = registry.preRegister("b-value", Score.getClassSchema());
        for (int i = 0; i < 5; i++) {
            c.schemaById(scoreId);
        }

        assertThat(registry.requests()).containsExactly("POST /subjects/a-value/versions", "GET /schemas/ids/" + scoreId);
    }

    @Test
    void givenUnknownSubject_whenLookedUp_thenSubjectNotFound40401() {
        assertThatThrownBy(() -> client().build().lookup("nobody-value", ENVELOPE))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.SUBJECT_NOT_FOUND);
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e).hasMessageContaining("40401").hasMessageContaining("/subjects/nobody-value");
                });
    }

    @Test
    void givenSchemaNotUnderSubject_whenLookedUp_thenSchemaNotFound40403() {
        registry.preRegister("a-value", Score.getClassSchema());

        assertThatThrownBy(() -> client().build().lookup("a-value", ENVELOPE))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.SCHEMA_NOT_FOUND));
    }

    @Test
    void givenUnknownId_whenFetched_thenSchemaNotFound40403AndNothingCached() {
        RestSchemaRegistryClient c = client().build();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> c.schemaById(999))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.SCHEMA_NOT_FOUND);
                        assertThat(e.errorCode()).isEqualTo(40403);
                    });
        }
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void givenIncompatibleChange_whenRegistered_thenIncompatible409() {
        Schema v1 = SchemaBuilder.record("R").namespace("t").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").namespace("t").fields().requiredString("a").requiredLong("b").endRecord();
        RestSchemaRegistryClient c = client().build();
        c.register("r-value", v1);

        assertThatThrownBy(() -> c.register("r-value", v2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INCOMPATIBLE_SCHEMA);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
    }

    @Test
    void givenBackendFailure_whenCalled_thenStoreError50001() {
        registry.failWith(50001);

        assertThatThrownBy(() -> client().build().register("a-value", ENVELOPE))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.STORE_ERROR);
                    assertThat(e.httpStatus()).isEqualTo(500);
                });
    }

    @Test
    void givenInvalidSchemaError_whenRegistered_thenInvalidSchema42201() {
        registry.failWith(42201);

        assertThatThrownBy(() -> client().build().register("a-value", ENVELOPE))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SCHEMA));
    }

    @Test
    void givenBasicAuth_whenCalled_thenSendsBasicAuthorizationHeader() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("svc-phi:s3cret".getBytes(StandardCharsets.UTF_8));
        registry.requireAuthorization(expected);

        client().basicAuth("svc-phi", "s3cret").build().register("a-value", ENVELOPE);

        assertThat(registry.authorizations()).containsExactly(expected);
    }

    @Test
    void givenBearerToken_whenCalled_thenSendsBearerAuthorizationHeader() {
        registry.requireAuthorization("Bearer tok-123");

        client().bearerToken("tok-123").build().register("a-value", ENVELOPE);

        assertThat(registry.authorizations()).containsExactly("Bearer tok-123");
    }

    @Test
    void givenWrongCredentials_whenCalled_thenUnauthorized401() {
        registry.requireAuthorization("Bearer right");

        assertThatThrownBy(() -> client().bearerToken("wrong").build().register("a-value", ENVELOPE))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void givenBothAuthMethods_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> client().basicAuth("u", "p").bearerToken("t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenFirstUrlDown_whenCalled_thenNextUrlAnswers() {
        String dead = "http://127.0.0.1:1";
        int id = RestSchemaRegistryClient.builder().urls(dead + "," + registry.url()).build().register("a-value", ENVELOPE);

        assertThat(id).isEqualTo(registry.preRegister("a-value", ENVELOPE));
    }

    @Test
    void givenNoUrlReachable_whenCalled_thenUnreachable() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.builder().urls("http://127.0.0.1:1").build()
                .register("a-value", ENVELOPE))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE));
    }

    @Test
    void givenSubjectWithReservedCharacters_whenRegistered_thenPercentEncodedPathSegment() {
        client().build().register("team a/topic-value", ENVELOPE);

        assertThat(registry.requests()).containsExactly("POST /subjects/team%20a%2Ftopic-value/versions");
    }

    @Test
    void givenHttpsRegistryAndItsTruststore_whenCalled_thenTlsSucceeds() throws Exception {
        try (FakeSchemaRegistry https = FakeSchemaRegistry.https(tls.serverContext())) {
            RestSchemaRegistryClient c = RestSchemaRegistryClient.builder().urls(https.url())
                    .trustStore(tls.trustStore(), TestTls.PASSWORD.toCharArray(), "PKCS12").build();

            assertThat(c.register("a-value", ENVELOPE)).isEqualTo(https.preRegister("a-value", ENVELOPE));
        }
    }

    @Test
    void givenHttpsRegistryWithoutTruststore_whenCalled_thenUnreachableNotTrusted() throws Exception {
        try (FakeSchemaRegistry https = FakeSchemaRegistry.https(tls.serverContext())) {
            RestSchemaRegistryClient c = RestSchemaRegistryClient.builder().urls(https.url()).build();

            assertThatThrownBy(() -> c.register("a-value", ENVELOPE))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE));
            assertThat(https.requests()).isEmpty();
        }
    }
}
