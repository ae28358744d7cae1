package io.phistream.topology.broker;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded broker per test class: {@code @RegisterExtension static final EmbeddedKafkaExtension broker = new
 * EmbeddedKafkaExtension();} starts it before the class's tests and stops it after them.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafka broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafka.start(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Map<String, Boolean> createTopics(Collection<NewTopic> topics) {
        return broker.createTopics(topics);
    }

    public Admin admin() {
        return broker.admin();
    }
}
