package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders a Figure 1 style phase diagram, a continuous tightness heatmap and a coherence-vs-SNR line plot
 * to PNG and SVG, and checks the files. The figures are left in target/test-figures for a person to look at.
 */
class FigureSmokeTest {
    static final Color CONVERGE = new Color(0x3B6FB6);
    static final Color DIVERGE = new Color(0xC8373B);
    static final Color TIE = new Color(0xA0A0A0);
    private static final Path OUT = Path.of("target", "test-figures");

    /** A synthetic phase diagram: diverge above a boundary Q*(B), ties on it. */
    static Heatmap phaseDiagram() {
        CategoricalScale verdicts = CategoricalScale.of(new Category("converge", CONVERGE),
                new Category("diverge", DIVERGE), new Category("tie", TIE));
        int n = 50;
        double[] b = new double[n];
        double[] q = new double[n];
        String[][] verdict = new String[n][n];
        double[] exact = new double[n];
        double[] thm22 = new double[n];
        double[] thm23 = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i + 1;
            q[i] = i + 1;
            exact[i] = 8.0 + 30.0 * Math.sqrt(b[i] / n);
            thm22[i] = exact[i] + 3.0;
            thm23[i] = exact[i] - 4.0 + 2.0 * Math.sin(b[i] / 5.0);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double gap = q[j] - exact[i];
                verdict[i][j] = Math.abs(gap) < 0.7 ? "tie" : gap > 0 ? "diverge" : "converge";
            }
        }
        return Heatmap.builder(verdicts)
                .title("Unlearning phase diagram (synthetic)")
                .subtitle("eta = 0.5, alpha = 0.1, n_r = n_f = 50, Bernoulli batches")
                .axes(PlotAxis.integers("batch size B"), PlotAxis.integers("Q (samples sharing e1)"))
                .grid(b, q, verdict)
                .curve(Curve.of("Theorem 2.2 (7)", Color.BLACK, LineStyle.SOLID, b, thm22))
                .curve(Curve.of("Theorem 2.3 (8)", Color.BLACK, LineStyle.DASHED, b, thm23))
                .curve(Curve.of("exact etaStar = eta", new Color(0xF2C200), LineStyle.DOTTED, b, exact).withWidth(3f))
                .build();
    }

    static Heatmap tightness() {
        double[] q = {1, 2, 5, 10, 25, 50};
        double[] b = {1, 2, 5, 10, 20, 25, 40, 50};
        double[][] ratio = new double[q.length][b.length];
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < b.length; j++) {
                ratio[i][j] = Math.pow(10.0, -1.5 + 3.0 * (i + j) / (q.length + b.length - 2.0));
            }
        }
        ratio[0][0] = Double.POSITIVE_INFINITY;
        ratio[5][7] = Double.NaN;
        return Heatmap.builder(ContinuousScale.diverging("eta7 / etaStar", 0.03, 1.0, 30.0, true))
                .title("Tightness of (7)")
                .axes(PlotAxis.log("Q"), PlotAxis.log("batch size B"))
                .grid(q, b, ratio)
                .build();
    }

    static LinePlot coherenceVsSnr() {
        int n = 30;
        double[] snr = new double[n];
        double[] sigma = new double[n];
        double[] bound = new double[n];
        for (int i = 0; i < n; i++) {
            snr[i] = Math.pow(10.0, -2.0 + 3.0 * i / (n - 1));
            sigma[i] = 1.0 + 40.0 * snr[i] / (1.0 + snr[i]) + 0.5 * Math.sin(i);
            bound[i] = 2.0 + 45.0 * snr[i] / (1.0 + snr[i]);
        }
        return LinePlot.builder()
                .title("Coherence against SNR")
                .axes(PlotAxis.log("SNR = ||mu|| / (sigma sqrt d)"),
                        PlotAxis.linear("unlearning coherence sigma"))
                .curve(Curve.of("sigma (mean of 20 repeats)", new Color(0x1F77B4), LineStyle.SOLID, snr, sigma)
                        .withMarkers())
                .curve(Curve.of("bound (10), constant fitted", new Color(0xD62728), LineStyle.DASHED, snr, bound))
                .build();
    }

    @Test
    void phaseDiagramPngHasTheRequestedSizeAndShowsAllThreeVerdictColours() throws IOException {
        Path png = OUT.resolve("phase-diagram.png");
        phaseDiagram().writePng(png, 900, 700);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG does not decode");
        assertEquals(900, image.getWidth());
        assertEquals(700, image.getHeight());
        assertTrue(contains(image, CONVERGE), "no converge-blue pixel");
        assertTrue(contains(image, DIVERGE), "no diverge-red pixel");
        assertTrue(contains(image, TIE), "no tie-grey pixel");
        assertNoTemporaries(OUT);
    }

    @Test
    void phaseDiagramSvgIsXmlWithEveryCurveAsOnePolyline() throws Exception {
        Path svg = OUT.resolve("phase-diagram.svg");
        Heatmap heatmap = phaseDiagram();
        heatmap.writeSvg(svg, 900, 700);
        Document document = parse(Files.readString(svg));
        assertEquals("svg", document.getDocumentElement().getTagName());
        List<Element> black = pathsStroked(document, "rgb(0,0,0)");
        // Theorem 2.2 (solid) and 2.3 (dashed), each one path through all 50 points.
        List<Element> polylines = black.stream().filter(p -> segments(p) >= 49).toList();
        assertEquals(2, polylines.size(), "expected the two theorem curves as polylines");
        assertEquals(1, polylines.stream().filter(p -> style(p).contains("stroke-dasharray")).count(),
                "exactly one of them dashed");
        assertFalse(pathsStroked(document, "rgb(242,194,0)").stream().filter(p -> segments(p) >= 49).toList()
                .isEmpty(), "the exact boundary curve is missing");
        assertTrue(Files.readString(svg).contains("Theorem 2.3 (8)"), "legend entry missing");
        Element cells = document.getElementById("heatmap-cells");
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength() && cells == null; i++) {
            Element group = (Element) groups.item(i);
            cells = "heatmap-cells".equals(group.getAttribute("id")) ? group : null;
        }
        assertNotNull(cells, "no group of heatmap cells");
        assertEquals("crispEdges", cells.getAttribute("shape-rendering"));
        assertEquals(50 * 50, cells.getElementsByTagName("path").getLength(), "one path per cell");
    }

    @Test
    void continuousHeatmapAndLinePlotRenderBothFormats() throws Exception {
        OutputDirectory out = OutputDirectory.create(OUT);
        List<Path> tight = tightness().writePngAndSvg(out, "tightness-ratio7", 800, 600);
        List<Path> line = coherenceVsSnr().writePngAndSvg(out, "coherence-vs-snr");
        for (Path file : List.of(tight.get(0), line.get(0))) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " does not decode");
        }
        assertEquals(800, ImageIO.read(tight.get(0).toFile()).getWidth());
        assertEquals(Figure.DEFAULT_HEIGHT, ImageIO.read(line.get(0).toFile()).getHeight());
        for (Path file : List.of(tight.get(1), line.get(1))) {
            assertEquals("svg", parse(Files.readString(file)).getDocumentElement().getTagName());
        }
        assertEquals(30, segments(pathsStroked(parse(Files.readString(line.get(1))), "rgb(214,39,40)").stream()
                .max((a, b) -> Integer.compare(segments(a), segments(b))).orElseThrow()) + 1,
                "the dashed bound should be one path through its 30 points");
        assertTrue(out.written().containsAll(
                List.of(Path.of("tightness-ratio7.png"), Path.of("coherence-vs-snr.svg"))));
    }

    @Test
    void figuresWrittenConcurrentlyAreTheFilesWrittenOneByOneRecordedInOrder() throws Exception {
        Map<String, Supplier<Figure>> figures = new LinkedHashMap<>();
        figures.put("together-phase", FigureSmokeTest::phaseDiagram);
        figures.put("together-tightness", FigureSmokeTest::tightness);
        figures.put("together-snr", FigureSmokeTest::coherenceVsSnr);
        OutputDirectory together = OutputDirectory.create(OUT.resolve("together"));
        Figure.writeAllPngAndSvg(together, figures);
        OutputDirectory single = OutputDirectory.create(OUT.resolve("single"));
        List<Path> expected = new ArrayList<>();
        for (Map.Entry<String, Supplier<Figure>> figure : figures.entrySet()) {
            figure.getValue().get().writePngAndSvg(single, figure.getKey());
            expected.add(Path.of(figure.getKey() + ".png"));
            expected.add(Path.of(figure.getKey() + ".svg"));
        }
        assertEquals(expected, together.written());
        for (Path file : expected) {
            assertArrayEquals(Files.readAllBytes(single.root().resolve(file)),
                    Files.readAllBytes(together.root().resolve(file)), file.toString());
        }
        assertNoTemporaries(together.root());
    }

    @Test
    void aNanPointBreaksACurveIntoTwoPieces() throws Exception {
        Color green = new Color(0x00A000);
        LinePlot plot = LinePlot.builder()
                .curve(Curve.of("broken", green, LineStyle.DASHED, new double[] {1, 2, 3, 4, 5},
                        new double[] {1, 2, Double.NaN, 4, 5}))
                .build();
        List<Element> paths = pathsStroked(parse(plot.toSvg(400, 300)), "rgb(0,160,0)");
        Element line = paths.stream().max((a, b) -> Integer.compare(segments(a), segments(b))).orElseThrow();
        assertEquals(2, line.getAttribute("d").chars().filter(c -> c == 'M').count(), line.getAttribute("d"));
        assertEquals(2, segments(line), "segments 1-2 and 4-5 only");
    }

    static boolean contains(BufferedImage image, Color colour) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void assertNoTemporaries(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary file left");
        }
    }

    static Document parse(String svg) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> pathsStroked(Document document, String rgb) {
        NodeList paths = document.getElementsByTagName("path");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (style(path).replace(" ", "").contains("stroke:" + rgb)) {
                found.add(path);
            }
        }
        return found;
    }

    /** The style of an element with that of its enclosing groups (SVGGraphics2D styles the group). */
    static String style(Element element) {
        StringBuilder style = new StringBuilder();
        for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
            style.append(e.getAttribute("style")).append(';');
        }
        return style.toString();
    }

    static int segments(Element path) {
        String d = path.getAttribute("d");
        return (int) d.chars().filter(c -> c == 'L').count();
    }
}
