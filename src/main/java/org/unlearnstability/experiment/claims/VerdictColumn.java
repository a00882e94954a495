package org.unlearnstability.experiment.claims;

import java.util.List;
import java.util.function.Function;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.report.Column;
import org.unlearnstability.report.MarkdownTable.Align;

/**
 * The columns of the verdict tables of claims.md and of the reproduction index, declared once: heading, alignment,
 * cell and one line of documentation. Both tables are compact Markdown (no padding), one row per claim in registry
 * order; the index shows a subset ({@link #INDEX}).
 */
enum VerdictColumn implements Column<VerdictColumn.Row> {
    /** The claim. */
    CLAIM("Claim", Align.LEFT, row -> row.result().claim().spec().title(), "the claim and its reading (spec title)"),
    /** Its strength. */
    STRENGTH("Strength", Align.CENTER, row -> "**" + row.result().strength().label() + "**",
            "PROVED, HOLDS, FAILS or VACUOUS (legend above the table)"),
    /** Its verdict. */
    VERDICT("Verdict", Align.CENTER, row -> row.result().verdict().label(), "the verdict of the checks"),
    /** The evidence. */
    EVIDENCE("Evidence", Align.LEFT, row -> ClaimsReport.evidence(row.result()),
            "cases generated and applicable, searches and evaluations, the largest slack"),
    /** The deciding numbers. */
    DECIDING("Deciding numbers", Align.LEFT, row -> ClaimsReport.deciding(row.result()),
            "the two sides of the violated relation, or the largest slack and the unconfirmed candidates"),
    /** The spec. */
    SPEC("Spec", Align.LEFT, row -> "[" + row.result().claim().slug() + "](" + ClaimsReport.link(row.spec().out(),
            row.spec().specs().resolve(row.result().claim().slug() + ".md")) + ")", "the claim's spec"),
    /** The counterexample file. */
    COUNTEREXAMPLE("Counterexample", Align.LEFT, VerdictColumn::counterexample,
            "the counterexample family file (analyze reads it), - when there is none");

    /** The columns of the verdict table in the reproduction index. */
    static final List<VerdictColumn> INDEX = List.of(CLAIM, STRENGTH, VERDICT, DECIDING, COUNTEREXAMPLE);

    /**
     * One row: a claim's result and the audit that produced it (for the links).
     *
     * @param result the claim's result
     * @param spec the audit's spec
     */
    record Row(ClaimResult result, ClaimsAuditSpec spec) {
    }

    private final Definition<Row> definition;
    private final Align align;

    VerdictColumn(String heading, Align align, Function<Row, String> cell, String doc) {
        this.definition = Definition.of(heading, cell::apply, doc);
        this.align = align;
    }

    @Override
    public Definition<Row> definition() {
        return definition;
    }

    /**
     * @param columns the columns in order
     * @param rows the rows in order
     * @return the compact Markdown table, each line ending with a newline
     */
    static String markdown(List<VerdictColumn> columns, List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append(line(columns.stream().map(VerdictColumn::key).toList()));
        md.append(line(columns.stream().map(column -> column.align == Align.CENTER ? ":-:" : ":--").toList()));
        for (Row row : rows) {
            md.append(line(columns.stream().map(column -> ClaimsReport.cell(String.valueOf(column.of(row))))
                    .toList()));
        }
        return md.toString();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String counterexample(Row row) {
        if (row.result().counterexample() == null) {
            return "-";
        }
        String name = row.result().claim().slug() + ".json";
        return "[" + name + "](" + ClaimsReport.link(row.spec().out(), row.spec().counterexamples().resolve(name))
                + ")";
    }
}
