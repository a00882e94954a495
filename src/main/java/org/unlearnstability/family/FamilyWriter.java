package org.unlearnstability.family;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.io.AtomicOutput;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * Writes a Hessian family (paper, section 2.1) as a JSON family file of specs/family.md, keeping
 * each Hessian in its own form (dense rows, {"diagonal": ...} or {"factor": G as d rows}), so that
 * {@link FamilyReader#readJson} returns the same Hessians: doubles are written in their shortest
 * round-trip decimal form.
 */
public final class FamilyWriter {
    private FamilyWriter() {
    }

    /**
     * Writes atomically through {@link AtomicOutput}: into a temporary file in the target's
     * directory, forced to disk, then moved over the target with ATOMIC_MOVE, so that a reader never
     * sees a partial file.
     *
     * @param file the target file
     * @param contents the family and its optional fields
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void write(Path file, FamilyFile contents) throws IOException {
        AtomicOutput.writeStream(file, out -> write(out, contents));
    }

    /**
     * Writes the JSON text to a stream, which is left open.
     *
     * @param out the stream
     * @param contents the family and its optional fields
     * @throws IOException when the stream fails
     */
    public static void write(OutputStream out, FamilyFile contents) throws IOException {
        try (JsonGenerator generator = JsonFamilyParser.MAPPER.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            if (contents.description().isPresent()) {
                generator.writeStringField("description", contents.description().get());
            }
            if (contents.hyperparameters().isPresent()) {
                hyperparameters(generator, contents.hyperparameters().get());
            }
            if (contents.violation().isPresent()) {
                JsonNode violation = contents.violation().get();
                generator.writeFieldName("violation");
                generator.writeTree(violation);
            }
            hessians(generator, "retain", contents.family().retain());
            hessians(generator, "forget", contents.family().forget());
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private static void hyperparameters(JsonGenerator generator, Hyperparameters hyperparameters)
            throws IOException {
        generator.writeObjectFieldStart("hyperparameters");
        generator.writeNumberField("eta", hyperparameters.eta());
        generator.writeNumberField("alpha", hyperparameters.alpha());
        generator.writeNumberField("batch", hyperparameters.batch());
        generator.writeEndObject();
    }

    private static void hessians(JsonGenerator generator, String name, List<Hessian> hessians) throws IOException {
        generator.writeArrayFieldStart(name);
        for (Hessian hessian : hessians) {
            if (hessian instanceof DenseHessian dense) {
                rows(generator, dense.rows());
            } else if (hessian instanceof DiagonalHessian diagonal) {
                generator.writeStartObject();
                generator.writeFieldName("diagonal");
                generator.writeArray(diagonal.diagonal(), 0, diagonal.dimension());
                generator.writeEndObject();
            } else {
                generator.writeStartObject();
                generator.writeFieldName("factor");
                rows(generator, factorRows((FactorHessian) hessian));
                generator.writeEndObject();
            }
        }
        generator.writeEndArray();
    }

    private static double[][] factorRows(FactorHessian factor) {
        double[][] columns = factor.columns();
        double[][] rows = new double[factor.dimension()][columns.length];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i][c] = columns[c][i];
            }
        }
        return rows;
    }

    private static void rows(JsonGenerator generator, double[][] rows) throws IOException {
        generator.writeStartArray();
        for (double[] row : rows) {
            generator.writeArray(row, 0, row.length);
        }
        generator.writeEndArray();
    }
}
