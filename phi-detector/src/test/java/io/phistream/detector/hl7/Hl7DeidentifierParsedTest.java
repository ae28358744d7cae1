package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.synthetic.SyntheticHl7;
import org.junit.jupiter.api.Test;

/** {@link Hl7Deidentifier#deidentify(Er7Message, String)}: for callers that have parsed the message already. */
class Hl7DeidentifierParsedTest {

    private static final TestDeidentifiers T = new TestDeidentifiers();

    @Test
    void givenParsedSyntheticMessages_whenDeidentified_thenTheSameOutcomeAsFromTheirText() throws Er7Exception {
        SyntheticHl7 generator = new SyntheticHl7(77);
        int released = 0;
        for (int i = 0; i < 500; i++) {
            String input = generator.next().text();

            Hl7Outcome fromText = T.deidentifier.deidentify(input);
            Hl7Outcome fromParsed = T.deidentifier.deidentify(Er7Message.parse(input), input);

            assertThat(fromParsed).isEqualTo(fromText);
            released += fromText instanceof Hl7Outcome.Deidentified ? 1 : 0;
        }
        assertThat(released).isGreaterThan(450);
    }

    @Test
    void givenAParsedMessageWithoutControlId_whenDeidentified_thenItsIdIsTheContentIdOfTheInput()
            throws Er7Exception {
        String input = "MSH|^~\\&|A|B|C|D|20260101||ADT^A01|   |P|2.5\rPID|1||M1^^^H^MR||Doe^Jane\r";

        Hl7Outcome outcome = T.deidentifier.deidentify(Er7Message.parse(input), input);

        assertThat(outcome.messageId()).isEqualTo(T.deidentifier.contentId(input));
    }

    @Test
    void givenAParsedMessage_whenDeidentified_thenItIsEditedInPlaceIntoTheReleasedText() throws Er7Exception {
        String input = "MSH|^~\\&|A|B|C|D|20260101||ADT^A01|X1|P|2.5\rPID|1||M1^^^H^MR||Doe^Jane\r";
        Er7Message parsed = Er7Message.parse(input);

        Hl7Outcome outcome = T.deidentifier.deidentify(parsed, input);

        assertThat(outcome).isInstanceOf(Hl7Outcome.Deidentified.class);
        assertThat(parsed.encode()).isEqualTo(((Hl7Outcome.Deidentified) outcome).text()).doesNotContain("Doe");
    }
}
