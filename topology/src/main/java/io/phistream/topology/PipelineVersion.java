package io.phistream.topology;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, stamped into every output record's headers and every audit record. */
public final class PipelineVersion {

    private static final String VERSION = read();

    private PipelineVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = PipelineVersion.class.getResourceAsStream("/phi-stream-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
