package io.phistream.serdes.registry;

import org.apache.avro.Schema;

/** Maps a topic (and the record's schema) to the registry subject its key or value schemas live under. */
@FunctionalInterface
public interface SubjectNameStrategy {

    /** Confluent's default TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. One type per topic. */
    SubjectNameStrategy TOPIC_NAME = (topic, isKey, schema) -> topic + (isKey ? "-key" : "-value");

    /**
     * Confluent's TopicRecordNameStrategy: {@code <topic>-<record full name>}, for topics that carry several
     * record types (the audit topic holds AuditRecord and AuditCheckpoint), each evolving on its own.
     */
    SubjectNameStrategy TOPIC_RECORD_NAME = (topic, isKey, schema) -> topic + "-" + schema.getFullName();

    String subject(String topic, boolean isKey, Schema schema);
}
