package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A synthetic HL7 message de-identified by {@code deid} with a key store, and the SSN token it came out with. */
record TokenizedMessage(GeneratedMessage message, String ssnToken) {

    static TokenizedMessage deidentified(Path dir, Path keys) throws IOException {
        GeneratedMessage m = new SyntheticHl7(8).next();
        Path in = dir.resolve("m.hl7");
        Files.writeString(in, m.text());
        Path out = dir.resolve("out");
        assertThat(PhiStreamCli.execute("deid", "--in", in.toString(), "--out", out.toString(),
                "--keys", keys.toString())).isZero();
        Matcher ssn = Pattern.compile("ssn-[A-Za-z0-9_-]+").matcher(Files.readString(out.resolve("m.hl7")));
        assertThat(ssn.find()).isTrue();
        return new TokenizedMessage(m, ssn.group());
    }
}
