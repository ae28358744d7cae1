package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.keys.KeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account of reversals: every {@code reidentify} is a line of {@code reversals.jsonl} and a record of a signed
 * Merkle log beside it, and {@code audit verify --reversals DIR} finds a line changed, removed or added afterwards.
 */
class ReversalsAccountTest {

    @TempDir
    Path dir;
    private Path keys;
    private String token;

    @BeforeEach
    void aKeyStoreAndATokenItMade() throws Exception {
        keys = dir.resolve("keys");
        assertThat(PhiStreamCli.execute("keys", "init", "--dir", keys.toString())).isZero();
        token = TokenizedMessage.deidentified(dir, keys).ssnToken();
    }

    @Test
    void givenTwoReversals_whenVerified_thenBothAreSignedAndTheAccountIsOk() {
        reidentify(token, "chart review 1");
        reidentify("ssn-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a token of no key");

        CliRun r = verify();

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("reversals: 2 lines in reversals.jsonl, 2 signed: OK");
    }

    @Test
    void givenALineOfTheAccountRewritten_whenVerified_thenItIsFoundAndTheExitCodeIsOne() throws Exception {
        reidentify(token, "chart review 1");
        reidentify(token, "chart review 2");
        Path plain = keys.resolve(Reversals.LOG);
        Files.writeString(plain, Files.readString(plain).replace("chart review 1", "routine check"));

        CliRun r = verify();

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED, line 1 of reversals.jsonl is not the one signed record 0 digests");
    }

    @Test
    void givenALineOfTheAccountRemovedOrAdded_whenVerified_thenItIsFound() throws Exception {
        reidentify(token, "chart review 1");
        reidentify(token, "chart review 2");
        Path plain = keys.resolve(Reversals.LOG);
        List<String> lines = Files.readAllLines(plain);

        Files.write(plain, lines.subList(1, 2));
        CliRun removed = verify();
        List<String> more = new ArrayList<>(lines);
        more.add(0, lines.get(1));
        Files.write(plain, more);
        CliRun added = verify();

        assertThat(removed.code()).isEqualTo(1);
        assertThat(removed.out()).contains("lines were added or removed");
        assertThat(added.code()).isEqualTo(1);
        assertThat(added.out()).contains("lines were added or removed");
    }

    @Test
    void givenTheSignedRecordChanged_whenVerified_thenTheLogFailsItsOwnVerification() throws Exception {
        reidentify(token, "chart review 1");
        Path signed = keys.resolve(Reversals.SIGNED_LOG);
        Files.writeString(signed, Files.readString(signed).replace("\"revealed\"", "\"refused\""));

        CliRun r = verify();

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("reversals: ");
    }

    @Test
    void givenLinesAnOlderVersionWroteUnsigned_whenTheFirstSignedReversalIsMade_thenTheyAreCountedAndNoneCanBeAdded()
            throws Exception {
        Path plain = keys.resolve(Reversals.LOG);
        Files.writeString(plain, "{\"time\":\"2026-01-02T03:04:05Z\",\"purpose\":\"old\",\"outcome\":\"revealed\"}\n");
        reidentify(token, "chart review 1");

        CliRun before = verify();
        Files.writeString(plain, "{\"purpose\":\"slipped in\"}\n" + Files.readString(plain));
        CliRun after = verify();

        assertThat(before.code()).as(before.out()).isZero();
        assertThat(before.out()).contains("2 lines in reversals.jsonl, 1 signed, the first 1 written before the signed"
                + " log began (unsigned): OK");
        assertThat(after.code()).isEqualTo(1);
    }

    @Test
    void givenTheSignedLogsStateLost_whenAReversalIsAsked_thenNothingIsRevealedAndTheExitCodeIsTwo() throws Exception {
        reidentify(token, "chart review 1");
        Files.delete(keys.resolve(Reversals.SIGNED_STATE));

        CliRun r = CliRun.of("reidentify", token, "--purpose", "chart review 2", "--keys", keys.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("refusing to reverse without an account of it");
        assertThat(Files.readAllLines(keys.resolve(Reversals.LOG))).hasSize(1);
    }

    @Test
    void givenATokenCopiedOutOfTextWithWhatFollowedIt_whenReversed_thenTheTokenIsReadAndTheAccountNamesIt()
            throws Exception {
        CliRun r = CliRun.of("reidentify", token + "-9", "--purpose", "from a note's 'PHQ-9'", "--keys", keys.toString());
        CliRun bare = CliRun.of("reidentify", token, "--purpose", "the token alone", "--keys", keys.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(bare.out()).isNotBlank();
        assertThat(r.err()).contains("read as the token's first " + token.length() + " characters");
        assertThat(Files.readAllLines(keys.resolve(Reversals.LOG)).get(0))
                .contains("\"tokenSha256\":\"" + Reversals.sha256(token) + "\"");
        assertThat(ReidentifyCommand.candidates("nam-AbC_dEf-GhI-9")).containsExactly("nam-AbC_dEf-GhI-9",
                "nam-AbC_dEf-GhI", "nam-AbC_dEf", "nam-AbC");
    }

    private void reidentify(String t, String purpose) {
        CliRun r = CliRun.of("reidentify", t, "--purpose", purpose, "--keys", keys.toString());
        assertThat(r.code()).as(r.err()).isIn(0, 1);
    }

    private CliRun verify() {
        return CliRun.of("audit", "verify", "--reversals", keys.toString(), "--public-keyset",
                keys.resolve(KeyStore.AUDIT_VERIFY_FILE).toString());
    }
}
