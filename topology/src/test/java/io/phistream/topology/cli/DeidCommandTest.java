package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.RejectReason;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline `deid` and `reidentify` commands: the same core as the stream, on files, with stable exit codes. */
class DeidCommandTest {

    @TempDir
    Path dir;

    @Test
    void givenHl7FhirAndTextFiles_whenDeidentified_thenEachIsWrittenUnderItsNameWithSpansAndExitCodeZero()
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        GeneratedMessage m = new SyntheticHl7(5).next();
        Files.writeString(in.resolve("a.hl7"), m.text());
        Files.writeString(in.resolve("p.json"), "{\"resourceType\":\"Patient\",\"id\":\"x\","
                + "\"name\":[{\"family\":\"Quintanilla\",\"given\":[\"Rosalind\"]}],\"birthDate\":\"1961-07-04\"}");
        Files.writeString(in.resolve("note.txt"), "Pt Rosalind Quintanilla seen 3/4, call 617-555-0142.");
        Path out = dir.resolve("out");
        Path spans = dir.resolve("spans.jsonl");

        Run run = run("deid", "--in", in.toString(), "--out", out.toString(),
                "--spans", spans.toString(), "--set", "text.scrubbing=spans");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("--spans has no lines for 1 FHIR file(s)");
        assertThat(out.resolve("a.hl7")).exists();
        String hl7 = Files.readString(out.resolve("a.hl7"));
        assertThat(hl7).startsWith("MSH|").doesNotContain(m.patient().mrn()).doesNotContain(m.patient().ssn());
        assertThat(Files.readString(out.resolve("p.json"))).doesNotContain("Quintanilla").doesNotContain("1961-07-04");
        assertThat(Files.readString(out.resolve("note.txt"))).doesNotContain("Quintanilla")
                .doesNotContain("617-555-0142").contains("[NAME]");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines).isNotEmpty();
        String note = Files.readString(in.resolve("note.txt"));
        boolean sawPhone = false;
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(n.get("end").asInt()).isGreaterThan(n.get("start").asInt());
            if (n.get("file").asText().equals("note.txt") && n.get("type").asText().equals("PHONE")) {
                sawPhone = note.substring(n.get("start").asInt(), n.get("end").asInt()).contains("555-0142");
            }
        }
        assertThat(sawPhone).as("span offsets point at the phone number in the input").isTrue();
    }

    @Test
    void givenAnUnreadableFile_whenDeidentified_thenNoOutputIsWrittenAndTheExitCodeIsOne() throws Exception {
        Path in = dir.resolve("bad.hl7");
        Files.writeString(in, "MSH|^~\\&|A|B|||20240101||ADT^A01|1|P|9.9\rPID|1||123^^^H^MR||DOE^JOHN");
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(out.resolve("bad.hl7")).doesNotExist();
        assertThat(run.err()).contains("bad.hl7").contains("UNSUPPORTED_VERSION")
                .doesNotContain("DOE");
    }

    @Test
    void givenATextFileAndTheDefaultScrubbing_whenDeidentified_thenItIsWrittenEmptyAndTheCommandSaysHowToKeepIt()
            throws Exception {
        Path in = dir.resolve("note.txt");
        Files.writeString(in, "Pt Rosalind Quintanilla seen 3/4, call 617-555-0142.");
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString());
        assertThat(run.exit()).isZero();
        assertThat(Files.readString(out.resolve("note.txt"))).isEmpty();
        assertThat(run.err())
                .contains("1 text file(s) written empty").contains("text.scrubbing=spans")
                .doesNotContain("Quintanilla");
    }

    @Test
    void givenAnHl7NoteTooLongForDetection_whenDeidentifiedBySpans_thenTheCommandSaysItWasRemovedWhole()
            throws Exception {
        // a walkthrough: a 1.36 MB ST field came out empty with no word on the console
        String note = "Seen with daughter Orla Fennimore, stable. ".repeat(24_000); // over 1,000,000 chars
        String hl7 = String.join("\r", "MSH|^~\\&|TRANS|GHH|EHR|GHH|20260102030405||ORU^R01^ORU_R01|B1|P|2.5.1",
                "PID|1||MRN4471^^^GHH^MR||Quintanilla^Rosalind||19500101|F",
                "OBX|1|ST|NOTE^Progress||" + note + "||||||F", "NTE|1||Call 555-0143 tomorrow.");
        Path in = dir.resolve("big.hl7");
        Files.writeString(in, hl7);
        Path out = dir.resolve("out");

        Run run = run("deid", "--in", in.toString(), "--out", out.toString(), "--set", "text.scrubbing=spans");

        assertThat(run.exit()).isZero();
        assertThat(Files.readString(out.resolve("big.hl7"))).doesNotContain("Fennimore").contains("tomorrow");
        assertThat(run.err()).contains("1 free-text field(s) in 1 HL7/FHIR file(s) removed whole")
                .doesNotContain("Fennimore");
    }

    @Test
    void givenANarrativeWithAnHtmlEntity_whenDeidentified_thenTheRejectionSaysWhatIsWrongWithoutQuotingIt()
            throws Exception {
        Path in = dir.resolve("n.json");
        Files.writeString(in, "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"note\"},"
                + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
                + "Seen&nbsp;with Orla&nbsp;Fennimore</div>\"}}");

        Run run = run("deid", "--in", in.toString(), "--out", dir.resolve("out").toString(),
                "--set", "text.scrubbing=spans");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("rejected n.json: NOT_FHIR (").contains("HTML entity")
                .doesNotContain("Fennimore").doesNotContain("Orla");
    }

    @Test
    void givenSurrogates_whenAnHl7NoteIsDeidentified_thenItsNamesAreMadeUpAndItsDatesMoveWithTheStructuredOnes()
            throws Exception {
        // PID-7 1950-01-01 and the note's "01/01/1950" are the birth date: both keep their year only (shifted, anyone
        // who learnt the offset would undo them); the note's other date moves with TXA-4, in its own form
        String hl7 = String.join("\r", "MSH|^~\\&|TRANS|GHH|EHR|GHH|20260102030405||MDM^T02^MDM_T02|S1|P|2.5.1",
                "PID|1||MRN4471^^^GHH^MR||Quintanilla^Rosalind||19500101|F",
                "TXA|1|PN|TX|20260102",
                "OBX|1|TX|NOTE^Progress||Pt Rosalind Quintanilla, DOB 01/01/1950, seen 01/02/2026 with daughter Ottoline.||||||F");
        Path in = dir.resolve("m.hl7");
        Files.writeString(in, hl7);
        Path out = dir.resolve("out");

        int code = PhiStreamCli.execute("deid", "--in", in.toString(), "--out", out.toString(),
                "--set", "text.scrubbing=spans", "--set", "text.replacement=surrogates");

        assertThat(code).isZero();
        String released = Files.readString(out.resolve("m.hl7"));
        assertThat(released).doesNotContain("Quintanilla", "Rosalind", "Ottoline", "01/01/1950", "01/02/2026")
                .doesNotContain("[NAME]").contains("||1950|F").contains("DOB 1950,");
        Matcher txa4 = Pattern.compile("\rTXA\\|1\\|PN\\|TX\\|(\\d{4})(\\d\\d)(\\d\\d)").matcher(released);
        Matcher seen = Pattern.compile("seen (\\d\\d)/(\\d\\d)/(\\d{4})").matcher(released);
        assertThat(txa4.find()).as("TXA-4 shifted").isTrue();
        assertThat(seen.find()).as("the note's date shifted in its own form").isTrue();
        assertThat(seen.group(3) + seen.group(1) + seen.group(2)).isEqualTo(txa4.group(1) + txa4.group(2) + txa4.group(3));
    }

    @Test
    void givenTheInputFolderAsOutput_whenRun_thenExitCodeTwoAndTheInputsAreUntouched() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("note.txt"), "Pt Rosalind Quintanilla seen 3/4.");

        assertThat(PhiStreamCli.execute("deid", "--in", in.toString(), "--out", in.toString())).isEqualTo(2);
        assertThat(PhiStreamCli.execute("deid", "--in", in.resolve("note.txt").toString(), "--out", in.toString()))
                .isEqualTo(2);
        assertThat(Files.readString(in.resolve("note.txt"))).isEqualTo("Pt Rosalind Quintanilla seen 3/4.");
        assertThat(PhiStreamCli.execute("deid", "--in", in.toString(), "--out", in.resolve("note.txt").toString()))
                .isEqualTo(2);
    }

    @Test
    void givenAnHl7FileWithALineBeforeItsMsh_whenFormatIsAuto_thenItIsRejectedAsHl7NotReadAsText() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String message = "garbage line\nMSH|^~\\&|A|B|C|D|20240101||ADT^A01|X1|P|2.5\r"
                + "PID|1||4471902^^^HOSP^MR||Wexcombe^Thaddeus||19700315|M\r";
        Files.writeString(in.resolve("lead.hl7"), message);
        Files.writeString(in.resolve("lead.dat"), message);
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString(),
                "--set", "text.scrubbing=spans");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(out.resolve("lead.hl7")).doesNotExist();
        assertThat(out.resolve("lead.dat")).doesNotExist();
        assertThat(run.err()).contains("rejected lead.hl7: NOT_HL7")
                .contains("rejected lead.dat: NOT_HL7").doesNotContain("Wexcombe");
    }

    @Test
    void givenAMessageWhoseNameStaysInAKeptField_whenDeidentified_thenTheRejectionNamesTheTypeButNotTheValue()
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("adt.hl7"), "MSH|^~\\&|WEXCOMBE|B|C|D|20240101||ADT^A01|X1|P|2.5\r"
                + "PID|1||4471902^^^HOSP^MR||Wexcombe^Thaddeus||19700315|M\r");
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(out.resolve("adt.hl7")).doesNotExist();
        assertThat(run.err()).contains("rejected adt.hl7: RESIDUAL_PHI (" + RejectReason.RESIDUAL_PHI.description()
                + " (a NAME value, in MSH-3))").doesNotContainIgnoringCase("Wexcombe");
    }

    @Test
    void givenKeysDirInTheConfiguration_whenRun_thenThoseKeysAreUsedNotAThrowawayKeyset() throws Exception {
        Path keys = keyStore();
        GeneratedMessage m = new SyntheticHl7(8).next();
        Path in = dir.resolve("m.hl7");
        Files.writeString(in, m.text());
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString(),
                "--set", "keys.dir=" + keys);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).doesNotContain("throwaway");
        Matcher ssn = Pattern.compile("ssn-[A-Za-z0-9_-]+").matcher(Files.readString(out.resolve("m.hl7")));
        assertThat(ssn.find()).isTrue();
        assertThat(PhiStreamCli.execute("reidentify", ssn.group(), "--purpose", "test of the configured keys",
                "--keys", keys.toString())).as("the token reverses with the configured key store").isZero();
    }

    @Test
    void givenALongNoteAndASubfolder_whenRun_thenTheNoteIsScrubbedInRunsAndTheSkippedFolderIsNamed()
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.createDirectories(in.resolve("nested"));
        Files.writeString(in.resolve("long.txt"), "Pt seen by Dr. Abernethy on 3/4, stable overnight.\n".repeat(8000));
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString(),
                "--set", "text.scrubbing=spans");
        assertThat(run.exit()).isZero();
        String scrubbed = Files.readString(out.resolve("long.txt"));
        assertThat(scrubbed).doesNotContain("Abernethy").contains("stable overnight").hasLineCount(8000);
        assertThat(run.err()).contains("1 folder(s) inside").contains("skipped");
    }

    @Test
    void givenALatin1Hl7FileDeclaredInMsh18_whenDeidentified_thenItIsWrittenAsUtf8AndSaysSo() throws Exception {
        Path in = dir.resolve("latin1.hl7");
        Files.write(in, ("MSH|^~\\&|A|B|C|D|20240101||ADT^A01|X1|P|2.5|||||USA|8859/1\r"
                + "PID|1||4471902^^^HOSP^MR||Muñoz^José||19700315|M\r"
                + "NTE|1||Family at bedside; pt asked for café.\r").getBytes(StandardCharsets.ISO_8859_1));
        Path out = dir.resolve("out");

        assertThat(PhiStreamCli.execute("deid", "--in", in.toString(), "--out", out.toString(),
                "--set", "text.scrubbing=spans")).isZero();

        String released = Files.readString(out.resolve("latin1.hl7"), StandardCharsets.UTF_8);
        assertThat(released).contains("|USA|UNICODE UTF-8\r").contains("asked for café.")
                .doesNotContain("Muñoz").doesNotContain("José");
    }

    @Test
    void givenAFhirNoteHoldingAnUnpairedSurrogate_whenDeidentifiedWithSpans_thenItIsWrittenAsTheStreamWritesIt_andTheRunGoesOn()
            throws Exception {
        // a JSON escape of a lone high surrogate kept in the note: UTF-8 cannot encode it, and writing it failed the
        // whole run, leaving the folder's other files unprocessed (a walkthrough)
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.json"), "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"text\":\"note\"},\"note\":[{\"text\":\"Daughter Ottoline \\ud800 Brambleworth called "
                + "555-0166.\"}]}");
        Files.writeString(in.resolve("b.txt"), "Pt Rosalind Quintanilla seen 3/4, call 617-555-0142.");
        Path out = dir.resolve("out");

        Run run = run("deid", "--in", in.toString(), "--out", out.toString(), "--set", "text.scrubbing=spans");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("de-identified 2, rejected 0")
                .contains("1 output file(s) held an unpaired UTF-16 surrogate").doesNotContain("Ottoline");
        String note = new ObjectMapper().readTree(Files.readString(out.resolve("a.json"), StandardCharsets.UTF_8))
                .get("note").get(0).get("text").asText();
        assertThat(note).contains(" ? ").doesNotContain("Ottoline", "Brambleworth", "555-0166");
        assertThat(Files.readString(out.resolve("b.txt"))).contains("[NAME]").doesNotContain("Quintanilla");
    }

    @Test
    void givenAnNdjsonFileWithOneBrokenLine_whenDeidentified_thenTheOtherLinesAreWrittenAndTheBadOneNamedByNumber()
            throws Exception {
        Path in = dir.resolve("res.ndjson");
        Files.writeString(in, "{\"resourceType\":\"Patient\",\"id\":\"a\",\"name\":[{\"family\":\"Quintanilla\"}]}\n"
                + "{\"resourceType\":\"Patient\", \"name\": broken\n"
                + "{\"resourceType\":\"Patient\",\"id\":\"b\",\"birthDate\":\"1961-07-04\"}\n");
        Path out = dir.resolve("out");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        List<String> written = Files.readAllLines(out.resolve("res.ndjson"));
        assertThat(written).hasSize(2).noneMatch(l -> l.contains("Quintanilla") || l.contains("1961-07-04"));
        assertThat(run.err()).contains("rejected res.ndjson line 2: NOT_FHIR")
                .contains("de-identified 2, rejected 1").doesNotContain("broken");
    }

    @Test
    void givenInputsNamedAfterThePatient_whenNamesAreDigested_thenNoOutputNameOrMessageHoldsTheirNames()
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("Rosalind_Quintanilla_1.txt"), "Pt Rosalind Quintanilla seen 3/4.");
        Files.write(in.resolve("Rosalind_Quintanilla_2.hl7"), new byte[] {(byte) 0xff, 'x'});
        Path out = dir.resolve("out");
        Path spans = dir.resolve("spans.jsonl");
        Run run = run("deid", "--in", in.toString(), "--out", out.toString(), "--names", "digest",
                "--spans", spans.toString(), "--set", "text.scrubbing=spans");
        assertThat(run.exit()).isEqualTo(1);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .matches("f[0-9a-f]{32}\\.txt");
        }
        assertThat(run.err()).contains("INVALID_ENCODING").doesNotContain("Quintanilla");
        assertThat(Files.readString(spans)).contains("\"file\":\"f").doesNotContain("Quintanilla");
    }

    @Test
    void givenTextTokens_whenANoteIsDeidentified_thenItsNameTokenReversesWithTheKeyStore() throws Exception {
        Path keys = keyStore();
        Path in = dir.resolve("note.txt");
        Files.writeString(in, "Daughter Rosalind Quintanilla called.");
        Path out = dir.resolve("out");

        assertThat(run("deid", "--in", in.toString(), "--out", out.toString(), "--keys", keys.toString(),
                "--set", "text.scrubbing=spans", "--set", "text.replacement=tokens").exit()).isZero();

        Matcher name = Pattern.compile("nam-[A-Za-z0-9_-]+").matcher(Files.readString(out.resolve("note.txt")));
        assertThat(name.find()).isTrue();
        PrintStream stdout = System.out;
        ByteArrayOutputStream revealed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(revealed, true, StandardCharsets.UTF_8));
        try {
            assertThat(PhiStreamCli.execute("reidentify", name.group(), "--purpose", "test of text tokens",
                    "--keys", keys.toString())).isZero();
        } finally {
            System.setOut(stdout);
        }
        assertThat(revealed.toString(StandardCharsets.UTF_8)).contains("Quintanilla");
    }

    @Test
    void givenABulkExportOfOneFilePerType_whenDeidentified_thenObservationDatesShiftWithTheirPatient() throws Exception {
        Path in = Files.createDirectories(dir.resolve("bulk"));
        Files.writeString(in.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\","
                + "\"identifier\":[{\"system\":\"urn:mrn\",\"value\":\"4471902\"}],\"birthDate\":\"1961-07-04\"}\n");
        Files.writeString(in.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectiveDateTime\":\"2020-03-15\"}\n");
        Path out = dir.resolve("bulk-out");

        Run run = run("deid", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exit()).isZero();
        String observation = Files.readString(out.resolve("Observation.ndjson"));
        assertThat(observation).doesNotContain("2020-03-15").containsPattern("\"effectiveDateTime\":\"\\d{4}-\\d{2}-\\d{2}\"");
        assertThat(Files.readString(out.resolve("Patient.ndjson"))).doesNotContain("1961-07-04", "4471902");
    }

    @Test
    void givenLinesEndedByLfCrOrBoth_whenTheFormatIsDetected_thenASegmentOnAnyLineMakesItHl7() {
        String json = "{\"resourceType\":\"Patient\"}";
        String many = (json + "\n").repeat(2_000);

        assertThat(DeidCommand.detect(many)).isEqualTo(DeidCommand.Format.fhir);
        assertThat(DeidCommand.detect(many + "PID|1||x")).isEqualTo(DeidCommand.Format.hl7v2);
        assertThat(DeidCommand.detect("note\rEVN|A01")).isEqualTo(DeidCommand.Format.hl7v2);
        assertThat(DeidCommand.detect("note\r\nOBX|1")).isEqualTo(DeidCommand.Format.hl7v2);
        assertThat(DeidCommand.detect("note: pid|1 was a typo\nand PID| is mid-line")).isEqualTo(DeidCommand.Format.text);
    }

    @Test
    void givenAJsonArrayOfResourcesOrAnEmptyJsonFile_whenDeidentifiedWithSpans_thenRejectedNotReadAsANote()
            throws Exception {
        // a walkthrough: read as a note, the array kept "postalCode":"01776" and an unshifted date, exit 0
        Path in = Files.createDirectories(dir.resolve("array"));
        Files.writeString(in.resolve("export.json"), "[{\"resourceType\":\"Patient\",\"id\":\"p1\","
                + "\"address\":[{\"postalCode\":\"01776\"}]}]");
        Files.writeString(in.resolve("empty.json"), "");
        Path out = dir.resolve("array-out");

        Run run = run("deid", "--in", in.toString(), "--out", out.toString(), "--set", "text.scrubbing=spans");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("rejected export.json: NOT_FHIR").contains("rejected empty.json: EMPTY");
        assertThat(out.resolve("export.json")).doesNotExist();
        assertThat(DeidCommand.detect("notes.xml", "Pt seen today.")).isEqualTo(DeidCommand.Format.fhir);
        assertThat(DeidCommand.detect("note.txt", "Pt seen today.")).isEqualTo(DeidCommand.Format.text);
    }

    @Test
    void givenFileNamesNamedAfterPatients_thenTheyAreToldApartFromOtherNames() {
        assertThat(DeidCommand.nameInFileName("Alberto639_Atencio570_8a4b2c1d.json")).isTrue();
        assertThat(DeidCommand.nameInFileName("Observation.ndjson")).isFalse();
        assertThat(DeidCommand.nameInFileName("Patient_Bulk_Export.ndjson")).isFalse();
        assertThat(DeidCommand.nameInFileName("adt_a01_0007.hl7")).isFalse();
    }

    @Test
    void givenAMissingInput_whenRun_thenTheExitCodeIsTwo() {
        assertThat(PhiStreamCli.execute("deid", "--in", dir.resolve("nope").toString(), "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(PhiStreamCli.execute("deid", "--out", dir.toString())).isEqualTo(2);
    }

    @Test
    void givenAKeyStore_whenAFileIsDeidentifiedAndATokenReidentified_thenTheOriginalValueComesBack()
            throws Exception {
        Path keys = keyStore();
        TokenizedMessage t = TokenizedMessage.deidentified(dir, keys);
        GeneratedMessage m = t.message();
        String ssn = t.ssnToken();

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(PhiStreamCli.execute("reidentify", ssn, "--purpose", "test of reversal",
                    "--keys", keys.toString())).isZero();
            assertThat(PhiStreamCli.execute("reidentify", "ssn-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    "--purpose", "tampered", "--keys", keys.toString())).isEqualTo(1);
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).strip()).isIn(m.patient().ssn(), m.patient().ssnDigits());
        List<String> log = Files.readAllLines(keys.resolve("reversals.jsonl"));
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).contains("\"purpose\":\"test of reversal\"", "\"outcome\":\"revealed\"", "tokenSha256")
                .doesNotContain(m.patient().ssnDigits()).doesNotContain(ssn);
        assertThat(log.get(1)).contains("\"purpose\":\"tampered\"", "\"outcome\":\"refused\"");
    }

    /** A command's exit code and what it wrote to standard error. */
    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Run(PhiStreamCli.execute(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    /** A key store made by {@code keys init} in the test's folder. */
    private Path keyStore() {
        Path keys = dir.resolve("keys");
        assertThat(PhiStreamCli.execute("keys", "init", "--dir", keys.toString())).isZero();
        return keys;
    }
}
