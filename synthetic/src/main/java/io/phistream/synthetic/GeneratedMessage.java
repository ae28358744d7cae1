package io.phistream.synthetic;

import java.util.List;

/**
 * One generated HL7 v2 ER7 message.
 *
 * @param controlId   MSH-10, unique within one generator
 * @param messageType MSH-9.1^MSH-9.2, e.g. "ORU^R01"
 * @param text        the message, segments joined by the generator's separator (no trailing separator)
 * @param patient     the (fake) patient the message is about
 * @param phiValues   every distinct PHI value planted in {@code text}, exactly as written there
 * @param planted     the same values with their kind, in order of first appearance
 */
public record GeneratedMessage(String controlId, String messageType, String text, SyntheticPatient patient,
                               List<String> phiValues, List<PlantedPhi> planted) {

    public GeneratedMessage {
        phiValues = List.copyOf(phiValues);
        planted = List.copyOf(planted);
    }

    @Override
    public String toString() {
        // The text can be long; keep toString short for test failure output.
        return "GeneratedMessage[" + messageType + " " + controlId + ", " + text.length() + " chars, "
                + phiValues.size() + " PHI values]";
    }
}
