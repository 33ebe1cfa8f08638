package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lookups in a synthesized CloudFormation template read as JSON, shared by the synth tests. */
final class TemplateJson {

    private TemplateJson() {
    }

    static List<Map.Entry<String, JsonNode>> resources(JsonNode template, String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        template.get("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().get("Type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    /** The one resource of this type; fails the test when there is none or more than one. */
    static JsonNode only(JsonNode template, String type) {
        List<Map.Entry<String, JsonNode>> found = resources(template, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0).getValue();
    }

    /** The DistributionConfig of the template's one CloudFront distribution. */
    static JsonNode distributionConfig(JsonNode template) {
        return only(template, "AWS::CloudFront::Distribution").at("/Properties/DistributionConfig");
    }

    static JsonNode cacheBehavior(JsonNode template, String pattern) {
        for (JsonNode behavior : distributionConfig(template).get("CacheBehaviors")) {
            if (behavior.get("PathPattern").asText().equals(pattern)) {
                return behavior;
            }
        }
        throw new AssertionError("no behavior " + pattern);
    }
}
