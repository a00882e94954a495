/**
 * Shared output infrastructure for the audit and reproduction reports: atomic file writes
 * ({@link org.unlearnstability.io.AtomicOutput}, {@link org.unlearnstability.report.OutputDirectory}),
 * tables as CSV and JSON ({@link org.unlearnstability.report.CsvTable}), Markdown tables
 * ({@link org.unlearnstability.report.MarkdownTable}), figures as PNG and SVG
 * ({@link org.unlearnstability.report.Heatmap} for the phase diagram of Figure 1 and the grids of Figure 2,
 * {@link org.unlearnstability.report.LinePlot} for curves such as coherence against SNR), golden-file
 * regression ({@link org.unlearnstability.report.GoldenFile}) and progress lines for long sweeps
 * ({@link org.unlearnstability.report.Progress}).
 *
 * <p>Every file this package writes goes through {@link org.unlearnstability.io.AtomicOutput}: a
 * temporary file in the target's directory, forced to disk, then moved over the target with
 * {@code ATOMIC_MOVE}, so an interrupted run never leaves a half-written report.
 */
package org.unlearnstability.report;
