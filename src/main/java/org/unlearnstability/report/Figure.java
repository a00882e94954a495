package org.unlearnstability.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.unlearnstability.io.AtomicOutput;

/**
 * A figure of the reports that can be written as PNG (raster, for README pages) and as SVG (vector, for
 * the paper-style figures), both atomically. Rendering is headless: loading this class sets
 * {@code java.awt.headless=true} unless the property was already set, so figures render on machines and
 * CI runners without a display.
 */
public abstract class Figure {
    /** The default width in pixels (PNG) or points (SVG). */
    public static final int DEFAULT_WIDTH = 900;

    /** The default height in pixels (PNG) or points (SVG). */
    public static final int DEFAULT_HEIGHT = 700;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** For the figure types of this package. */
    Figure() {
    }

    /** @return a fresh JFreeChart of this figure (callers may restyle it; the figure is unaffected) */
    public abstract JFreeChart toChart();

    /**
     * @param target the PNG file, written atomically
     * @param width the width in pixels
     * @param height the height in pixels
     * @throws IOException when the file cannot be written
     */
    public final void writePng(Path target, int width, int height) throws IOException {
        requireSize(width, height);
        JFreeChart chart = toChart();
        AtomicOutput.writeStream(target, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    /**
     * @param target the SVG file, written atomically
     * @param width the width in points
     * @param height the height in points
     * @throws IOException when the file cannot be written
     */
    public final void writeSvg(Path target, int width, int height) throws IOException {
        AtomicOutput.writeString(target, toSvg(width, height));
    }

    /**
     * @param width the width in points
     * @param height the height in points
     * @return the figure as an SVG document
     */
    public final String toSvg(int width, int height) {
        requireSize(width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // A hundredth of a point is far below what any viewer shows, and keeps heatmap SVGs small.
        g2.setGeomDoubleConverter(Figure::twoDecimals);
        // The default prefix embeds the clock, so every run would rewrite every committed SVG.
        g2.setDefsKeyPrefix("unlearn-stability-");
        toChart().draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /**
     * Writes {@code <name>.png} and {@code <name>.svg} at the default size into an output directory.
     *
     * @param directory the output directory
     * @param name the file name without extension, relative to the directory (such as {@code "fig1/eta-0.5"})
     * @return the two files written
     * @throws IOException when a file cannot be written
     */
    public final List<Path> writePngAndSvg(OutputDirectory directory, String name) throws IOException {
        return writePngAndSvg(directory, name, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @param directory the output directory
     * @param name the file name without extension, relative to the directory
     * @param width the width
     * @param height the height
     * @return the two files written
     * @throws IOException when a file cannot be written
     */
    public final List<Path> writePngAndSvg(OutputDirectory directory, String name, int width, int height)
            throws IOException {
        Path png = directory.resolve(name + ".png");
        writePng(png, width, height);
        directory.record(png);
        Path svg = directory.resolve(name + ".svg");
        writeSvg(svg, width, height);
        directory.record(svg);
        return List.of(png, svg);
    }

    /**
     * Writes {@code <name>.png} and {@code <name>.svg} of several figures at the default size, rendering them
     * concurrently (figures are independent and rendering is deterministic, so the files are those written one
     * by one) and recording them in the map's order.
     *
     * @param directory the output directory
     * @param figures by file name without extension, in the order to record them; each built when rendered
     * @throws IOException when a file cannot be written
     */
    public static void writeAllPngAndSvg(OutputDirectory directory,
            Map<String, ? extends Supplier<? extends Figure>> figures) throws IOException {
        try {
            figures.entrySet().parallelStream().forEach(entry -> {
                Figure figure = entry.getValue().get();
                try {
                    figure.writePng(directory.resolve(entry.getKey() + ".png"), DEFAULT_WIDTH, DEFAULT_HEIGHT);
                    figure.writeSvg(directory.resolve(entry.getKey() + ".svg"), DEFAULT_WIDTH, DEFAULT_HEIGHT);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (String name : figures.keySet()) {
            directory.record(directory.resolve(name + ".png"));
            directory.record(directory.resolve(name + ".svg"));
        }
    }

    private static String twoDecimals(double value) {
        double rounded = Math.rint(value * 100.0) / 100.0;
        long whole = (long) rounded;
        return rounded == whole ? Long.toString(whole) : Double.toString(rounded);
    }

    private static void requireSize(int width, int height) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("figure size " + width + " x " + height + " is too small");
        }
    }
}
