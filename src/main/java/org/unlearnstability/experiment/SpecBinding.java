package org.unlearnstability.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.unlearnstability.family.InputException;

/**
 * The strict binding of an experiment spec file to its record: an unknown, missing or null field is an
 * error naming the file and the field's path, so that a typo in a spec never silently falls back to a default.
 */
public final class SpecBinding {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SpecBinding() {
    }

    /** A spec record with checks across its fields, run once after binding (they name the file and field). */
    public interface Validated {
        /**
         * @param source the file name, for messages
         * @throws InputException naming the file, the field and the reason
         */
        void validate(String source);
    }

    /**
     * @param source the file name, for messages
     * @param tree the parsed JSON
     * @param type the spec record
     * @param <T> the spec type
     * @return the bound and validated spec
     * @throws InputException naming the file, the field and the reason
     */
    public static <T extends Validated> T read(String source, JsonNode tree, Class<T> type) {
        T spec = bind(source, tree, type);
        spec.validate(source);
        return spec;
    }

    /**
     * @param source the file name, for messages
     * @param tree the parsed JSON
     * @param type the spec record
     * @param <T> the spec type
     * @return the bound (not yet validated) spec
     * @throws InputException naming the file, the field and the reason
     */
    public static <T> T bind(String source, JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw new InputException(source, fieldOf(e), -1, String.valueOf(e.getOriginalMessage()));
        } catch (ValueInstantiationException e) {
            // A record's compact constructor refused a value: its message, at the field's path, on one line.
            Throwable cause = e.getCause();
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
            throw new InputException(source, fieldOf(e), -1, firstLine(String.valueOf(reason)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InputException(source, null, -1, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * @param spec a spec record
     * @return its JSON tree, in the form the spec files use
     */
    public static JsonNode toTree(Object spec) {
        return MAPPER.valueToTree(spec);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String fieldOf(JsonMappingException e) {
        List<String> names = new ArrayList<>();
        for (var reference : e.getPath()) {
            String field = reference.getFieldName();
            names.add(field != null ? field : "[" + reference.getIndex() + "]");
        }
        return names.isEmpty() ? "(top level)" : String.join(".", names);
    }

    /**
     * Refuses a size that cannot fit, naming the field and the limit.
     *
     * @param source the file name, for messages
     * @param field the spec field
     * @param value its value
     * @param limit the largest accepted value
     * @throws InputException when value exceeds the limit
     */
    public static void requireAtMost(String source, String field, long value, long limit) {
        require(source, field, value <= limit, String.format(java.util.Locale.ROOT, "%s = %d exceeds the limit %,d",
                field, value, limit));
    }

    /**
     * @param source the file name, for messages
     * @param field the spec field
     * @param condition what a valid spec satisfies
     * @param reason why the value is refused, when it does not
     * @throws InputException naming the file, the field and the reason
     */
    public static void require(String source, String field, boolean condition, String reason) {
        if (!condition) {
            throw new InputException(source, field, -1, reason);
        }
    }

    /**
     * @param source the file name, for messages
     * @param expected the value of the "experiment" field that selects the spec
     * @param experiment the value read
     * @throws InputException when they differ
     */
    public static void requireExperiment(String source, String expected, String experiment) {
        require(source, "experiment", expected.equals(experiment),
                "must be \"" + expected + "\", got \"" + experiment + "\"");
    }

    /**
     * Refuses an empty list and names the first element outside the rule, with its index.
     *
     * @param source the file name, for messages
     * @param field the spec field
     * @param values its values
     * @param valid what every value satisfies
     * @param rule the rule in words, such as "must be positive"
     * @param empty the reason an empty list is refused, such as "needs at least one learning rate"
     * @throws InputException naming the file, the field (with the index) and the reason
     */
    public static void requireEach(String source, String field, List<Double> values, DoublePredicate valid,
            String rule, String empty) {
        require(source, field, !values.isEmpty(), empty);
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            require(source, field + "[" + i + "]", valid.test(value), rule + ", got " + value);
        }
    }
}
