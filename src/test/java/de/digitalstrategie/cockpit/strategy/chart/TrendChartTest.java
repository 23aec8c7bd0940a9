package de.digitalstrategie.cockpit.strategy.chart;

import de.digitalstrategie.cockpit.strategy.Direction;
import de.digitalstrategie.cockpit.strategy.Trajectory;
import de.digitalstrategie.cockpit.strategy.Trajectory.Point;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendChartTest {
    private static final LocalDate BASELINE = LocalDate.of(2022, 12, 31);
    private static final Trajectory PLAN = new Trajectory(new BigDecimal("20"), BASELINE, new BigDecimal("60"),
            LocalDate.of(2027, 12, 31), Direction.HIGHER_IS_BETTER);
    private static final TrendChart.Labels LABELS = new TrendChart.Labels("Online-Dienste <script>alert(1)</script>",
            "Anteil & Verlauf", "Messwerte \"gemessen\"", "Plan");

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static String chart(List<Point> values) {
        return TrendChart.svg("ind-1", LABELS, PLAN, values, 480, 220, BigDecimal::toPlainString, LocalDate::toString);
    }

    @Test
    void isANamedImageWithEveryWordEscaped() throws Exception {
        String svg = chart(List.of(new Point(LocalDate.of(2024, 12, 31), new BigDecimal("31.5"))));
        assertFalse(svg.contains("<script>"));
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("ind-1-t ind-1-d", root.getAttribute("aria-labelledby"));
        assertEquals(LABELS.title(), doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertEquals(LABELS.description(), doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent());
        String words = root.getTextContent();
        assertTrue(words.contains(LABELS.measured()) && words.contains(LABELS.planned()), "the legend names both lines");
        assertTrue(words.contains("60") && words.contains("20"), "the value axis is labelled");
        assertTrue(words.contains("2022-12-31") && words.contains("2027-12-31"), "the time axis is labelled");
    }

    @Test
    void drawsThePlanDashedAndEachValueAsAMarker() throws Exception {
        List<Point> values = List.of(new Point(LocalDate.of(2025, 12, 31), new BigDecimal("40")),
                new Point(LocalDate.of(2023, 12, 31), new BigDecimal("25")),
                new Point(LocalDate.of(2024, 12, 31), new BigDecimal("33")));
        Document doc = parse(chart(values));
        NodeList circles = doc.getElementsByTagNameNS("*", "circle");
        assertEquals(values.size() + 1, circles.getLength(), "one marker per value and one in the legend");
        NodeList lines = doc.getElementsByTagNameNS("*", "polyline");
        assertEquals(1, lines.getLength());
        String[] points = ((Element) lines.item(0)).getAttribute("points").split(" ");
        assertEquals(3, points.length);
        int previousX = -1;
        for (String point : points) {
            int x = Integer.parseInt(point.split(",")[0]);
            int y = Integer.parseInt(point.split(",")[1]);
            assertTrue(x > previousX, "in date order");
            assertTrue(x >= 0 && x <= 480 && y >= 0 && y <= 220, "inside the view box: " + point);
            previousX = x;
        }
        NodeList plan = doc.getElementsByTagNameNS("*", "line");
        boolean dashed = false;
        for (int i = 0; i < plan.getLength(); i++) {
            dashed |= !((Element) plan.item(i)).getAttribute("stroke-dasharray").isEmpty();
        }
        assertTrue(dashed, "the plan is told apart by its dashes, not its colour alone");
    }

    @Test
    void aSingleValueHasNoLineAndAFlatCourseStillHasAScale() throws Exception {
        Trajectory hold = new Trajectory(BigDecimal.TEN, BASELINE, BigDecimal.TEN, BASELINE.plusYears(1),
                Direction.HIGHER_IS_BETTER);
        String svg = TrendChart.svg("c", LABELS, hold, List.of(new Point(BASELINE.plusMonths(6), BigDecimal.TEN)),
                300, 200, BigDecimal::toPlainString, LocalDate::toString);
        Document doc = parse(svg);
        assertEquals(0, doc.getElementsByTagNameNS("*", "polyline").getLength());
        Element marker = (Element) doc.getElementsByTagNameNS("*", "circle").item(0);
        int y = Integer.parseInt(marker.getAttribute("cy"));
        assertTrue(y > 0 && y < 200, "the flat value sits inside the chart: " + y);
    }

    @Test
    void valuesBeforeTheBaselineWidenTheTimeAxis() throws Exception {
        String svg = chart(List.of(new Point(LocalDate.of(2020, 6, 30), new BigDecimal("12"))));
        String words = parse(svg).getDocumentElement().getTextContent();
        assertTrue(words.contains("2020-06-30"));
        assertTrue(words.contains("12"));
    }
}
