package org.unlearnstability.experiment.fig1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.experiment.Experiment;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;

/**
 * The Figure 1 variants ({@link Fig1VariantsSpec}): every variant runs through Figure 1's own sweep and report
 * (cells, cache, table, heatmaps, fig1.md in {@code <out>/<spec>/<variant>/}), and
 * {@link Fig1VariantsMarkdown} compares them in {@code fig1-variants.md}.
 */
public final class Fig1VariantsExperiment implements Experiment {
    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        Fig1VariantsSpec spec = Fig1VariantsSpec.read(file.path().toString(), file.tree());
        List<Fig1VariantsMarkdown.Result> results = new ArrayList<>();
        ObjectNode golden = JsonNodeFactory.instance.objectNode();
        golden.set("spec", spec.toJson());
        ArrayNode variants = golden.putArray("variants");
        for (Fig1VariantsSpec.Variant variant : spec.variants()) {
            Fig1Experiment.Sweep sweep = Fig1Experiment.sweep(variant.spec(), variant.construction(),
                    file.baseName() + "-" + variant.name(), variant.canonical(), context);
            String folder = file.outputName() + "/" + variant.name();
            Fig1Report report = new Fig1Report(variant.spec(), variant.construction(), file.path().toString(), folder,
                    sweep.cells());
            ExperimentOutcome outcome = report.write(context.out(), sweep.timing(context.threads()),
                    context.provenance(file, spec.seed()));
            ObjectNode node = variants.addObject();
            node.put("name", variant.name());
            node.set("rows", outcome.golden().get("rows"));
            List<Fig1Row> rows = Fig1Report.rows(variant.spec(), sweep.cells());
            results.add(new Fig1VariantsMarkdown.Result(variant, sweep.cells(), Fig1Findings.of(variant.spec(), rows),
                    sweep.seconds(), sweep.cached()));
        }
        Fig1VariantsMarkdown markdown = new Fig1VariantsMarkdown(spec, file.path().toString(), results);
        context.out().writeString(file.outputName() + "/fig1-variants.md", markdown.render());
        return new ExperimentOutcome("Figure 1 variants: distinct retain and forget sets, alpha in "
                + spec.alphas() + " (beyond the paper)", file.path().toString(), spec.seed(), List.of(),
                markdown.indexSummary(file.outputName()), golden, Duration.ZERO);
    }
}
