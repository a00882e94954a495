package org.unlearnstability.family;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.linalg.Hessian;

/**
 * A streaming reader of the JSON family file of specs/family.md. The Hessians are read token by
 * token into arrays (no intermediate JSON tree, so memory stays proportional to the numbers), and
 * every matrix goes through {@link FamilyValidator}. A parser reads one file once.
 */
final class JsonFamilyParser {
    /** NaN and Infinity tokens (as Python's json module writes them) are parsed so that the validator names them. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    static final String FORMS = "a matrix (array of rows), {\"diagonal\": [...]} or {\"factor\": [[...], ...]}";
    private static final String TOP_LEVEL = "retain, forget, description, hyperparameters, violation";

    private final Path file;
    private final String source;
    private final FamilyValidator validator;
    /** The set and sample being read, so that a syntax error deep inside a matrix still names them. */
    private @Nullable String set;
    private int index = -1;

    JsonFamilyParser(Path file) {
        this.file = file;
        this.source = file.toString();
        this.validator = FamilyValidator.forDoubles(source);
    }

    FamilyFile parse() {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            return document(parser);
        } catch (JsonProcessingException e) {
            throw new InputException(source, set, index, "malformed JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw FamilyReader.unreadable(source, e);
        }
    }

    private static String where(@Nullable JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private FamilyFile document(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InputException(source, null, -1, "the top level must be an object with arrays \"retain\" and"
                    + " \"forget\", found " + describe(parser.currentToken()));
        }
        List<Hessian> retain = null;
        List<Hessian> forget = null;
        JsonNode hyperparameters = null;
        String description = null;
        JsonNode violation = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "retain" -> retain = hessians(parser, "retain");
                case "forget" -> forget = hessians(parser, "forget");
                case "description" -> description = text(parser, name, value);
                case "hyperparameters" -> hyperparameters = object(parser, name, value);
                case "violation" -> violation = object(parser, name, value);
                default -> throw new InputException(source, name, -1, "unknown top-level field (allowed: "
                        + TOP_LEVEL + ")");
            }
        }
        if (parser.nextToken() != null) {
            throw new InputException(source, null, -1, "unexpected content after the top-level object"
                    + where(parser.currentLocation()));
        }
        HessianFamily family = FamilyValidator.family(required(retain, "retain"), validator,
                required(forget, "forget"), validator);
        Optional<Hyperparameters> hyper = hyperparameters == null
                ? Optional.empty() : Optional.of(hyperparameters(hyperparameters, family));
        return new FamilyFile(family, hyper, Optional.ofNullable(description), Optional.ofNullable(violation));
    }

    private List<Hessian> required(@Nullable List<Hessian> hessians, String name) {
        if (hessians == null) {
            throw new InputException(source, name, -1, "missing required field: an array of Hessians");
        }
        return hessians;
    }

    private String text(JsonParser parser, String name, @Nullable JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new InputException(source, name, -1, "expected a string, found " + describe(value));
        }
        return parser.getText();
    }

    private JsonNode object(JsonParser parser, String name, @Nullable JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            throw new InputException(source, name, -1, "expected an object, found " + describe(value));
        }
        return parser.readValueAsTree();
    }

    private List<Hessian> hessians(JsonParser parser, String name) throws IOException {
        set = name;
        index = -1;
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new InputException(source, name, -1, "expected an array of Hessians, found "
                    + describe(parser.currentToken()));
        }
        List<Hessian> hessians = new ArrayList<>();
        for (index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            hessians.add(hessian(parser, name));
        }
        set = null;
        index = -1;
        return hessians;
    }

    private Hessian hessian(JsonParser parser, String name) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return validator.dense(name, index, matrix(parser, name, "H"));
        }
        if (token != JsonToken.START_OBJECT) {
            throw reject(name, "expected " + FORMS + ", found " + describe(token));
        }
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw reject(name, "empty object: expected " + FORMS);
        }
        String form = parser.currentName();
        JsonToken value = parser.nextToken();
        Hessian hessian = switch (form) {
            case "diagonal" -> validator.diagonal(name, index, numbers(parser, name, value, "diagonal"));
            case "factor" -> validator.factorRows(name, index, factor(parser, name, value));
            default -> throw reject(name, "unknown form \"" + form + "\": expected " + FORMS);
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw reject(name, "a Hessian object has exactly one field, \"" + form + "\", found also \""
                    + parser.currentName() + "\"");
        }
        return hessian;
    }

    private double[][] factor(JsonParser parser, String name, @Nullable JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw reject(name, "\"factor\" must be an array of the d rows of G, found " + describe(value));
        }
        return matrix(parser, name, "G");
    }

    private double[][] matrix(JsonParser parser, String name, String symbol) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String row = symbol + "[" + rows.size() + "]";
            if (token != JsonToken.START_ARRAY) {
                throw reject(name, row + " is not an array of numbers (found " + describe(token) + ")");
            }
            rows.add(numbers(parser, name, token, row));
        }
        return rows.toArray(new double[0][]);
    }

    private double[] numbers(JsonParser parser, String name, @Nullable JsonToken value, String what)
            throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw reject(name, "\"" + what + "\" must be an array of numbers, found " + describe(value));
        }
        double[] numbers = new double[16];
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw reject(name, what + "[" + count + "] is not a number (found " + describe(token) + ")");
            }
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, 2 * count);
            }
            numbers[count++] = parser.getDoubleValue();
        }
        return Arrays.copyOf(numbers, count);
    }

    private Hyperparameters hyperparameters(JsonNode node, HessianFamily family) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!name.equals("eta") && !name.equals("alpha") && !name.equals("batch")) {
                throw new InputException(source, "hyperparameters." + name, -1,
                        "unknown field (allowed: eta, alpha, batch)");
            }
        }
        double eta = number(node, "eta");
        double alpha = number(node, "alpha");
        JsonNode batch = node.get("batch");
        if (batch == null || !batch.isIntegralNumber() || !batch.canConvertToInt()) {
            throw new InputException(source, "hyperparameters.batch", -1, "expected an integer batch size B, found "
                    + (batch == null ? "nothing" : batch.toString()));
        }
        Hyperparameters hyperparameters;
        try {
            hyperparameters = new Hyperparameters(eta, alpha, batch.intValue());
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "hyperparameters", -1, String.valueOf(e.getMessage()));
        }
        try {
            hyperparameters.requireFits(family);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "hyperparameters.batch", -1, String.valueOf(e.getMessage()));
        }
        return hyperparameters;
    }

    private double number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber()) {
            throw new InputException(source, "hyperparameters." + name, -1, "expected a number, found "
                    + (value == null ? "nothing" : value.toString()));
        }
        return value.doubleValue();
    }

    private InputException reject(String name, String reason) {
        return new InputException(source, name, index, reason);
    }

    private static String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
