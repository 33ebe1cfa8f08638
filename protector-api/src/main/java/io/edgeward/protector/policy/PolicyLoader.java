package io.edgeward.protector.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.edgeward.protector.decision.Action;
import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.InvalidCidrException;
import io.edgeward.protector.goodbots.GoodBot;
import io.edgeward.protector.rules.RequestRule;
import io.edgeward.protector.rules.RequestRules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads {@code edgeward-policy.yaml}: rejects unknown keys (except the detection engine's {@code detection}
 * section), unsupported versions and invalid entries, with the file, the entry and the bad value in the message.
 */
public final class PolicyLoader {

    /** The documented default shipped in this module's resources. */
    public static final String DEFAULT_RESOURCE = "edgeward-policy.yaml";
    static final int SUPPORTED_VERSION = 1;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PolicyLoader() {
    }

    public static Policy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new PolicyException("policy " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static Policy loadDefault() {
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new PolicyException("policy classpath:" + DEFAULT_RESOURCE + " is missing");
            }
            return parse(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new PolicyException("policy classpath:" + DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static Policy parse(InputStream in, String source) {
        PolicyFileModel model;
        try {
            model = YAML.readValue(in, PolicyFileModel.class);
        } catch (UnrecognizedPropertyException e) {
            throw new PolicyException("policy " + source + ": unknown key '" + e.getPropertyName() + "' at "
                    + location(e) + " (known: " + e.getKnownPropertyIds() + ")");
        } catch (JacksonException e) {
            throw new PolicyException("policy " + source + ": " + e.getOriginalMessage() + " at " + location(e));
        } catch (IOException e) {
            throw new PolicyException("policy " + source + ": cannot read: " + e.getMessage(), e);
        }
        if (model == null) {
            throw new PolicyException("policy " + source + ": the file is empty");
        }
        if (model.version() == null || model.version() != SUPPORTED_VERSION) {
            throw new PolicyException("policy " + source + ": version must be " + SUPPORTED_VERSION + ", was " + model.version());
        }
        List<RequestRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<PolicyFileModel.RuleModel> ruleModels = model.requestRules() == null ? List.of() : model.requestRules();
        for (int i = 0; i < ruleModels.size(); i++) {
            String where = "policy " + source + ": requestRules[" + i + "]";
            RequestRule rule = rule(ruleModels.get(i), where);
            if (!names.add(rule.name())) {
                throw new PolicyException(where + ".name is used twice: '" + rule.name() + "'");
            }
            rules.add(rule);
        }
        List<GoodBot> bots = new ArrayList<>();
        List<PolicyFileModel.GoodBotModel> botModels = model.goodBots() == null ? List.of() : model.goodBots();
        for (int i = 0; i < botModels.size(); i++) {
            bots.add(goodBot(botModels.get(i), "policy " + source + ": goodBots[" + i + "]"));
        }
        return new Policy(source, new RequestRules(rules), bots);
    }

    private static String location(JacksonException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "";
        var loc = e.getLocation();
        return (loc == null ? "" : "line " + loc.getLineNr() + " ") + "(" + path + ")";
    }

    private static RequestRule rule(PolicyFileModel.RuleModel m, String where) {
        if (m == null) {
            throw new PolicyException(where + " is empty");
        }
        if (m.name() == null || m.name().isBlank()) {
            throw new PolicyException(where + ".name is required");
        }
        Action action = Action.fromWire(String.valueOf(m.action()))
                .filter(a -> a != Action.ALLOW)
                .orElseThrow(() -> new PolicyException(where + ".action must be one of challenge, block, monitor, was '" + m.action() + "'"));
        PolicyFileModel.MatchModel match = m.match();
        if (match == null) {
            throw new PolicyException(where + ".match is required (a rule without conditions would match every request)");
        }
        List<String> uaContains = lower(match.userAgentContains());
        Pattern uaPattern = match.userAgentMatches() == null ? null : regex(match.userAgentMatches(), where + ".match.userAgentMatches");
        boolean uaMissing = Boolean.TRUE.equals(match.userAgentMissing());
        Set<String> methods = match.methods() == null ? Set.of()
                : match.methods().stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        boolean html = Boolean.TRUE.equals(match.htmlNavigation());
        List<String> missing = lower(match.missingHeaders());
        Set<String> ja4 = match.ja4() == null ? Set.of() : Set.copyOf(match.ja4());
        List<String> prefixes = match.pathPrefixes() == null ? List.of() : List.copyOf(match.pathPrefixes());
        if (uaContains.isEmpty() && uaPattern == null && !uaMissing && methods.isEmpty() && !html
                && missing.isEmpty() && ja4.isEmpty() && prefixes.isEmpty()) {
            throw new PolicyException(where + ".match has no condition (a rule without conditions would match every request)");
        }
        String reason = m.reason() == null ? "rule:" + m.name() : m.reason();
        return new RequestRule(m.name(), action, reason, uaContains, uaPattern, uaMissing, Set.copyOf(methods), html,
                missing, ja4, prefixes);
    }

    private static GoodBot goodBot(PolicyFileModel.GoodBotModel m, String where) {
        if (m == null) {
            throw new PolicyException(where + " is empty");
        }
        if (m.name() == null || m.name().isBlank()) {
            throw new PolicyException(where + ".name is required");
        }
        if (m.userAgentPattern() == null || m.userAgentPattern().isBlank()) {
            throw new PolicyException(where + ".userAgentPattern is required");
        }
        List<String> suffixes = new ArrayList<>();
        for (String s : m.reverseDnsSuffixes() == null ? List.<String>of() : m.reverseDnsSuffixes()) {
            String suffix = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
            suffix = suffix.startsWith(".") ? suffix.substring(1) : suffix;
            if (suffix.isEmpty() || !suffix.contains(".")) {
                throw new PolicyException(where + ".reverseDnsSuffixes must be domain names like googlebot.com, was '" + s + "'");
            }
            suffixes.add(suffix);
        }
        List<Cidr> cidrs = new ArrayList<>();
        for (String c : m.cidrs() == null ? List.<String>of() : m.cidrs()) {
            try {
                cidrs.add(Cidr.parse(c));
            } catch (InvalidCidrException e) {
                throw new PolicyException(where + ".cidrs: " + e.getMessage());
            }
        }
        if (suffixes.isEmpty() && cidrs.isEmpty()) {
            throw new PolicyException(where + " needs reverseDnsSuffixes or cidrs, or nothing could verify '" + m.name() + "'");
        }
        return new GoodBot(m.name(), regex(m.userAgentPattern(), where + ".userAgentPattern"), suffixes, cidrs);
    }

    private static Pattern regex(String source, String where) {
        try {
            return Pattern.compile(source, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new PolicyException(where + " is not a valid regular expression: " + e.getDescription() + ", was '" + source + "'");
        }
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
