package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class HeatmapTest {
    private static final Color BLUE = new Color(0x2040C0);
    private static final Color RED = new Color(0xC02020);
    private static final CategoricalScale VERDICTS = CategoricalScale.of(new Category("converge", BLUE),
            new Category("diverge", RED));

    /** The colour drawn at data point (x, y) of a rendered chart. */
    private static Color colourAt(JFreeChart chart, double x, double y) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(600, 450, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()));
        int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge()));
        return new Color(image.getRGB(px, py) & 0xFFFFFF);
    }

    @Test
    void cellsOfDifferentHeightsPerColumnAreDrawnWhereTheyBelong() {
        // Column B = 1 splits at sigma = 2, column B = 2 at sigma = 5: a (B, sigma) phase diagram.
        Heatmap heatmap = Heatmap.builder(VERDICTS)
                .axes(PlotAxis.integers("B"), PlotAxis.linear("sigma"))
                .cell(0.5, 1.5, 0.0, 2.0, "converge")
                .cell(0.5, 1.5, 2.0, 10.0, "diverge")
                .cell(1.5, 2.5, 0.0, 5.0, "converge")
                .cell(1.5, 2.5, 5.0, 10.0, "diverge")
                .build();
        JFreeChart chart = heatmap.toChart();
        assertEquals(0.5, chart.getXYPlot().getDomainAxis().getLowerBound());
        assertEquals(10.0, chart.getXYPlot().getRangeAxis().getUpperBound());
        assertEquals(BLUE, colourAt(chart, 1.0, 1.0));
        assertEquals(RED, colourAt(chart, 1.0, 3.5));
        assertEquals(BLUE, colourAt(chart, 2.0, 3.5));
        assertEquals(RED, colourAt(chart, 2.0, 7.0));
    }

    @Test
    void neighbouringCellsLeaveNoSeamOfBackground() {
        double[] x = new double[37];
        double[] y = new double[23];
        double[][] values = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 0.37 * i * i;
            for (int j = 0; j < y.length; j++) {
                y[j] = j * 1.7 + 0.11 * j * j;
                values[i][j] = (i + j) % 2;
            }
        }
        JFreeChart chart = Heatmap.builder(VERDICTS).grid(x, y, values).build().toChart();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(613, 457, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        for (int px = (int) area.getMinX() + 2; px < area.getMaxX() - 2; px++) {
            for (int py = (int) area.getMinY() + 2; py < area.getMaxY() - 2; py++) {
                Color colour = new Color(image.getRGB(px, py) & 0xFFFFFF);
                assertTrue(colour.equals(BLUE) || colour.equals(RED), "seam pixel " + colour + " at " + px + "," + py);
            }
        }
    }

    @Test
    void aGridOnLogAxesPutsEdgesAtGeometricMidpoints() {
        double[] q = {1, 10, 100};
        double[] b = {1, 4};
        double[][] ratio = {{0.1, 10}, {0.1, 10}, {10, Double.NaN}};
        Heatmap heatmap = Heatmap.builder(ContinuousScale.diverging("ratio", 0.1, 1.0, 10.0, true))
                .axes(PlotAxis.log("Q"), PlotAxis.log("B"))
                .grid(q, b, ratio)
                .build();
        assertEquals(6, heatmap.cells().size());
        HeatmapCell first = heatmap.cells().get(0);
        assertEquals(Math.sqrt(0.1), first.xMin(), 1e-12);
        assertEquals(Math.sqrt(10.0), first.xMax(), 1e-12);
        assertEquals(0.5, first.yMin(), 1e-12);
        assertEquals(2.0, first.yMax(), 1e-12);
        JFreeChart chart = heatmap.toChart();
        Color low = Palette.DIVERGING.at(0.0);
        Color high = Palette.DIVERGING.at(1.0);
        assertEquals(low, colourAt(chart, 1.0, 1.0));
        assertEquals(high, colourAt(chart, 2.5, 3.5));
        assertEquals(high, colourAt(chart, 100.0, 1.0));
        assertEquals(Color.WHITE, colourAt(chart, 100.0, 4.0), "a NaN cell stays blank");
    }

    @Test
    void edgesLieHalfwayAndHalfASpacingBeyondTheEnds() {
        assertArrayEquals(new double[] {0.5, 1.5, 3.5, 6.5}, HeatmapCell.edges(new double[] {1, 2, 5}, false));
        assertArrayEquals(new double[] {4.5, 5.5}, HeatmapCell.edges(new double[] {5}, false));
        assertThrows(IllegalArgumentException.class, () -> HeatmapCell.edges(new double[] {1, 1}, false));
        assertThrows(IllegalArgumentException.class, () -> HeatmapCell.edges(new double[] {0, 1}, true));
        assertThrows(IllegalArgumentException.class, () -> HeatmapCell.edges(new double[0], false));
    }

    @Test
    void continuousScalesClampInfinitiesAndCentreTheDivergingPalette() {
        ContinuousScale linear = ContinuousScale.linear("loss", 0.0, 2.0);
        assertEquals(Palette.VIRIDIS.at(0.0), linear.colourOf(-5.0));
        assertEquals(Palette.VIRIDIS.at(0.5), linear.colourOf(1.0));
        assertEquals(Palette.VIRIDIS.at(1.0), linear.colourOf(Double.POSITIVE_INFINITY));
        assertNull(linear.colourOf(Double.NaN));
        ContinuousScale ratio = ContinuousScale.diverging("ratio", 0.01, 1.0, 10.0, true);
        assertEquals(0.5, ratio.position(ratio.coordinate(1.0)), 1e-15);
        assertEquals(0.25, ratio.position(ratio.coordinate(0.1)), 1e-15);
        assertEquals(0.75, ratio.position(ratio.coordinate(Math.sqrt(10.0))), 1e-15);
        assertEquals(new Color(0xF7F7F7), ratio.colourOf(1.0), "white at the centre");
        assertEquals(Palette.DIVERGING.at(0.0), ratio.colourOf(0.0), "non-positive values clamp on a log scale");
        assertThrows(IllegalArgumentException.class, () -> ContinuousScale.log("x", 0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ContinuousScale.diverging("x", 0, 5, 2, false));
        assertThrows(IllegalArgumentException.class, () -> ContinuousScale.linear("x", 1.0, 1.0));
    }

    @Test
    void paletteEndsAreTheAnchorColours() {
        assertEquals(new Color(0x440154), Palette.VIRIDIS.at(0.0));
        assertEquals(new Color(0xFDE725), Palette.VIRIDIS.at(1.0));
        assertEquals(new Color(0x21918C), Palette.VIRIDIS.at(0.5));
        assertEquals(Palette.VIRIDIS.at(1.0), Palette.VIRIDIS.at(7.0));
    }

    @Test
    void builderRejectsWhatCannotBeDrawn() {
        assertThrows(IllegalArgumentException.class, () -> Heatmap.builder(VERDICTS).build(), "no cells");
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(VERDICTS).cell(0, 1, 0, 1, "maybe"), "unknown category");
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(ContinuousScale.linear("x", 0, 1)).cell(0, 1, 0, 1, "converge"));
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(VERDICTS).cell(new HeatmapCell(0, 1, 0, 1, 2.0)).build(), "index 2 of 2");
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(VERDICTS).grid(new double[] {1, 2}, new double[] {1}, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.builder(VERDICTS)
                .axes(PlotAxis.log("B"), PlotAxis.linear("y")).cell(-1, 1, 0, 1, "converge").build());
        assertThrows(IllegalArgumentException.class, () -> Heatmap.builder(VERDICTS)
                .axes(PlotAxis.linear("x"), PlotAxis.log("sigma")).cell(1, 2, 1, 2, "converge")
                .curve(Curve.of("bound", Color.BLACK, LineStyle.SOLID, new double[] {1, 2}, new double[] {1, 0}))
                .build());
        assertThrows(IllegalArgumentException.class, () -> new HeatmapCell(1, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new HeatmapCell(0, Double.POSITIVE_INFINITY, 0, 1, 0));
    }

    @Test
    void aCategoricalGridWithNullsLeavesThoseCellsBlank() {
        Heatmap heatmap = Heatmap.builder(VERDICTS)
                .grid(new double[] {1, 2}, new double[] {1, 2},
                        new String[][] {{"converge", null}, {"diverge", "converge"}})
                .build();
        assertTrue(Double.isNaN(heatmap.cells().get(1).value()));
        assertEquals(List.of(0.0, Double.NaN, 1.0, 0.0), heatmap.cells().stream().map(HeatmapCell::value).toList());
    }

    @Test
    void curvesAreValidatedAndCopied() {
        double[] x = {1, 2};
        Curve curve = Curve.of("c", Color.RED, LineStyle.DASHED, x, new double[] {3, 4});
        x[0] = 99;
        assertEquals(1.0, curve.x()[0]);
        curve.x()[1] = 42;
        assertEquals(2.0, curve.x()[1]);
        assertEquals(curve, Curve.of("c", Color.RED, LineStyle.DASHED, new double[] {1, 2}, new double[] {3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> Curve.of("c", Color.RED, LineStyle.SOLID, new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Curve.of("c", Color.RED, LineStyle.NONE, new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Curve.of("", Color.RED, LineStyle.SOLID, new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LinePlot.builder().build());
        assertThrows(IllegalArgumentException.class, () -> LinePlot.builder()
                .axes(PlotAxis.log("snr"), PlotAxis.linear("y"))
                .curve(Curve.of("c", Color.RED, LineStyle.SOLID, new double[] {0, 1}, new double[] {1, 1})).build());
    }

    @Test
    void axesRejectImpossibleRanges() {
        assertThrows(IllegalArgumentException.class, () -> PlotAxis.linear("x").withRange(2, 1));
        assertThrows(IllegalArgumentException.class, () -> PlotAxis.log("x").withRange(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PlotAxis("x", false, false, 0, Double.NaN));
        PlotAxis fixed = PlotAxis.linear("sigma").withRange(0, 60);
        JFreeChart chart = Heatmap.builder(VERDICTS).axes(PlotAxis.linear("x"), fixed).cell(0, 1, 0, 50, "converge")
                .build().toChart();
        assertEquals(60.0, chart.getXYPlot().getRangeAxis().getUpperBound(), "a fixed range wins over the cells");
    }
}
