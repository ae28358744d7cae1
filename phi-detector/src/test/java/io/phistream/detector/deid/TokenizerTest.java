package io.phistream.detector.deid;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import io.phistream.detector.PhiType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerTest {

    private static final String MRN = "MRN-00042-SYNTH";

    @BeforeAll
    static void registerTink() throws GeneralSecurityException {
        DeterministicAeadConfig.register();
    }

    static KeysetHandle newKeyset() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
    }

    static Tokenizer tokenizer(KeysetHandle keyset) throws GeneralSecurityException {
        return new Tokenizer(keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class));
    }

    @Test
    void givenSameTypeAndValue_whenTokenizedTwice_thenTokensAreEqualAndRevealTheValue() throws Exception {
        Tokenizer t = tokenizer(newKeyset());

        String first = t.token(PhiType.MRN, MRN);
        String second = t.token(PhiType.MRN, MRN);

        assertThat(first).isEqualTo(second).startsWith("mrn-").doesNotContain(MRN);
        assertThat(t.reveal(first)).isEqualTo(MRN);
    }

    @Test
    void givenTwoTokenizersOnTheSameKeyset_whenTokenizing_thenTheyAgree() throws Exception {
        KeysetHandle keyset = newKeyset();

        assertThat(tokenizer(keyset).token(PhiType.NAME, "Jane Synthetic"))
                .isEqualTo(Tokenizer.fromKeyset(keyset).token(PhiType.NAME, "Jane Synthetic"));
    }

    @Test
    void givenSameValue_whenTokenizedAsDifferentTypes_thenEveryTypeGivesAnotherToken() throws Exception {
        Tokenizer t = tokenizer(newKeyset());
        Set<String> bodies = new HashSet<>();

        for (PhiType type : PhiType.values()) {
            String token = t.token(type, "123-45-6789");
            assertThat(token).startsWith(type.code() + "-");
            assertThat(t.reveal(token)).isEqualTo("123-45-6789");
            bodies.add(token.substring(4));
        }

        assertThat(bodies).hasSize(PhiType.values().length);
    }

    @Test
    void givenDifferentKeysets_whenTokenizingTheSameValue_thenTokensDiffer() throws Exception {
        assertThat(tokenizer(newKeyset()).token(PhiType.SSN, "123-45-6789"))
                .isNotEqualTo(tokenizer(newKeyset()).token(PhiType.SSN, "123-45-6789"));
    }

    @Test
    void givenEmptyValue_whenTokenized_thenEmptyAndRevealsEmpty() throws Exception {
        Tokenizer t = tokenizer(newKeyset());

        assertThat(t.token(PhiType.NAME, "")).isEmpty();
        assertThat(t.reveal("")).isEmpty();
    }

    @Test
    void givenAnyValue_whenTokenized_thenTokenUsesOnlyEr7AndFhirSafeCharacters() throws Exception {
        Tokenizer t = tokenizer(newKeyset());

        for (String value : new String[] {"a", "Smith^John^Q", "x|y~z\\&", "Ünïcødé 名前 😀", "0".repeat(500)}) {
            String token = t.token(PhiType.OTHER_ID, value);
            assertThat(token).matches("[a-z0-9A-Z_-]+");
            assertThat(Tokenizer.looksLikeToken(token)).isTrue();
            assertThat(t.reveal(token)).isEqualTo(value);
        }
    }

    @Test
    void givenNineteenByteValue_whenTokenized_thenBodyIs54Base64urlChars() throws Exception {
        // BRIEF 3: 5-byte key id prefix + 16-byte SIV tag + 19 bytes = 40 bytes = 54 chars unpadded
        String token = tokenizer(newKeyset()).token(PhiType.ACCOUNT, "ACC-0000000000-SYNT");

        assertThat(token.substring(4)).hasSize(54);
    }

    @Test
    void givenUnpairedSurrogate_whenTokenized_thenRejectedWithoutEchoingIt() throws Exception {
        Tokenizer t = tokenizer(newKeyset());

        assertThatThrownBy(() -> t.token(PhiType.NAME, "Ann\uD800e"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Ann");
    }

    @Test
    void givenRotatedKeysetWithNewPrimary_whenRevealingOldToken_thenStillReveals() throws Exception {
        KeysetHandle old = newKeyset();
        String oldToken = tokenizer(old).token(PhiType.MRN, MRN);
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
                        .withRandomId().makePrimary())
                .build();
        Tokenizer afterRotation = tokenizer(rotated);

        String newToken = afterRotation.token(PhiType.MRN, MRN);

        assertThat(afterRotation.reveal(oldToken)).isEqualTo(MRN);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(afterRotation.reveal(newToken)).isEqualTo(MRN);
        assertThatThrownBy(() -> tokenizer(old).reveal(newToken)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void givenTamperedToken_whenRevealed_thenRejectedWithoutEchoingIt() throws Exception {
        Tokenizer t = tokenizer(newKeyset());
        String token = t.token(PhiType.MRN, MRN);
        int i = token.length() - 10;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);

        assertThatThrownBy(() -> t.reveal(tampered))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageNotContaining(tampered.substring(4, 20))
                .hasMessageNotContaining(MRN);
    }

    @Test
    void givenTokenWithSwappedTypePrefix_whenRevealed_thenRejected() throws Exception {
        Tokenizer t = tokenizer(newKeyset());
        String asSsn = "ssn" + t.token(PhiType.MRN, MRN).substring(3);

        assertThatThrownBy(() -> t.reveal(asSsn)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void givenTokenFromAnotherKey_whenRevealed_thenRejected() throws Exception {
        String foreign = tokenizer(newKeyset()).token(PhiType.MRN, MRN);
        Tokenizer t = tokenizer(newKeyset());

        assertThatThrownBy(() -> t.reveal(foreign))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageNotContaining(foreign.substring(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MRN123456", "mrn-123", "zzz-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "mrn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "mrn-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "mrn-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "mrn-AAAAAAAAAAAAAAAA AAAAAAAAAAAAAA",
            "MRN-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "-"})
    void givenNonToken_whenChecked_thenDoesNotLookLikeTokenAndRevealFailsWithoutEchoingIt(String s) throws Exception {
        Tokenizer t = tokenizer(newKeyset());

        assertThat(Tokenizer.looksLikeToken(s)).isFalse();
        assertThatThrownBy(() -> t.reveal(s))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageNotContaining(s);
    }

    @Test
    void givenWellFormedButRandomBody_whenChecked_thenLooksLikeTokenButDoesNotReveal() throws Exception {
        String fake = "nam-" + "A".repeat(30);

        assertThat(Tokenizer.looksLikeToken(fake)).isTrue();
        assertThatThrownBy(() -> tokenizer(newKeyset()).reveal(fake)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void givenNullOrEmpty_whenChecked_thenNotATokenAndNullDoesNotReveal() throws Exception {
        assertThat(Tokenizer.looksLikeToken(null)).isFalse();
        assertThat(Tokenizer.looksLikeToken("")).isFalse();
        assertThatThrownBy(() -> tokenizer(newKeyset()).reveal(null)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void givenToken_whenAskingItsType_thenPrefixTypeIsReturned() throws Exception {
        String token = tokenizer(newKeyset()).token(PhiType.EMAIL, "jane@example.org");

        assertThat(Tokenizer.typeOf(token)).isEqualTo(PhiType.EMAIL);
    }
}
