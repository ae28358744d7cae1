package io.phistream.detector.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.detector.PhiType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {

    static final class OwnException extends RuntimeException {
        OwnException(String message) {
            super(message);
        }
    }

    private final PolicyFile file = new PolicyFile(OwnException::new);

    @Test
    void givenABuiltInName_whenRead_thenTheClasspathPolicyIsReturned() {
        byte[] bytes = file.read("builtin:hl7v2-safe-harbor-v1");

        PolicyFile.Header header = file.header(file.json(bytes), bytes);

        assertThat(header.name()).isEqualTo("hl7v2-safe-harbor");
        assertThat(header.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void givenAPath_whenRead_thenTheFileIsReturned(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p.json");
        Files.writeString(p, "{\"policy\":\"p\",\"version\":\"2.0.0\"}");
        byte[] bytes = file.read(p.toString());

        // sha256 of the bytes above, computed with sha256sum
        assertThat(file.header(file.json(bytes), bytes)).isEqualTo(new PolicyFile.Header("p", "2.0.0",
                "51c7faa3f356ac7c9d4b09c88647862daf04ea0a27a71e9acd91caa699b83db7"));
    }

    @Test
    void givenUnusableFiles_whenRead_thenThePolicysOwnExceptionNamesTheProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> file.read("builtin:nope")).isInstanceOf(OwnException.class)
                .hasMessage("no built-in policy named builtin:nope");
        assertThatThrownBy(() -> file.read(dir.resolve("absent.json").toString())).isInstanceOf(OwnException.class)
                .hasMessageEndingWith(": NoSuchFileException");
        assertThatThrownBy(() -> file.json("{".getBytes(StandardCharsets.UTF_8))).isInstanceOf(OwnException.class)
                .hasMessage("policy is not valid JSON");
        byte[] numericVersion = "{\"policy\":\"p\",\"version\":1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> file.header(file.json(numericVersion), numericVersion))
                .isInstanceOf(OwnException.class).hasMessage("policy lacks the text field 'version'");
        assertThatThrownBy(() -> file.phiType("PID-5", "NAMES")).isInstanceOf(OwnException.class)
                .hasMessage("PID-5: unknown PHI type NAMES");
        assertThat(file.phiType("PID-5", "NAME")).isEqualTo(PhiType.NAME);
    }
}
