package vn.portal.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import vn.portal.contracts.EventType;
import vn.portal.contracts.Topics;

/** Every contract topic and its dead letter topic, as they are created when missing. */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    public static List<NewTopic> all(int partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            NewTopic topic = new NewTopic(type.topic(), partitions, replicas);
            if (type == EventType.ARTICLE_RATING_SUMMARY) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
            topics.add(new NewTopic(type.topic() + Topics.DEAD_LETTER_SUFFIX, 1, replicas));
        }
        return topics;
    }
}
