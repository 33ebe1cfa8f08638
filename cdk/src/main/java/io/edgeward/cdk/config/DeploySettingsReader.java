package io.edgeward.cdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads the deploy file (JSON). Unknown keys are rejected; relative paths are taken from the file's directory. */
public final class DeploySettingsReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DeploySettingsReader() {
    }

    public static DeploySettings read(Path file) {
        SettingsException.require(Files.isRegularFile(file), "deploy file " + file.toAbsolutePath()
                + " does not exist: copy cdk/edgeward.deploy.example.json to it, or pass -c edgeward:deployFile=<path>");
        try {
            DeploySettings settings = MAPPER.readValue(file.toFile(), DeploySettings.class);
            return settings.resolvedAgainst(file.toAbsolutePath().getParent());
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new SettingsException(file + ": unknown key '" + e.getPropertyName() + "' at " + where(e)
                    + " (known: " + known + ")", e);
        } catch (JsonMappingException e) {
            if (rootCause(e) instanceof SettingsException settingsError) {
                throw new SettingsException(file + ": " + settingsError.getMessage(), e);
            }
            throw new SettingsException(file + ": " + e.getOriginalMessage() + " at " + where(e), e);
        } catch (JsonProcessingException e) {
            throw new SettingsException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SettingsException("cannot read deploy file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the top level" : path;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
