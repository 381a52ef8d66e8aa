package io.bitforge.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.Size2D;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Several charts drawn as one picture: a title on top, the panels in a grid of rows × columns (a panel per given
 * cell; other cells stay empty), one shared legend at the bottom. Used for scatter matrices.
 */
final class ChartGrid implements Drawable {
    private final String title;
    private final int rows;
    private final int columns;
    private final List<JFreeChart> panels;
    private final List<int[]> cells;
    private final LegendItemCollection legend;

    ChartGrid(String title, int rows, int columns, List<JFreeChart> panels, List<int[]> cells,
              LegendItemCollection legend) {
        this.title = title;
        this.rows = rows;
        this.columns = columns;
        this.panels = List.copyOf(panels);
        this.cells = List.copyOf(cells);
        this.legend = legend;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        g2.setPaint(Color.WHITE);
        g2.fill(area);
        TextTitle heading = new TextTitle(title, ChartStyle.TITLE);
        Size2D headingSize = heading.arrange(g2, RectangleConstraint.NONE.toFixedWidth(area.getWidth()));
        heading.draw(g2, new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), headingSize.height));
        LegendItemSource source = () -> legend;
        LegendTitle legendTitle = new LegendTitle(source);
        legendTitle.setItemFont(ChartStyle.LEGEND);
        Size2D legendSize = legendTitle.arrange(g2, RectangleConstraint.NONE.toFixedWidth(area.getWidth()));
        legendTitle.draw(g2, new Rectangle2D.Double(area.getX(), area.getMaxY() - legendSize.height, area.getWidth(),
                legendSize.height));
        double top = area.getY() + headingSize.height;
        double height = area.getHeight() - headingSize.height - legendSize.height;
        double cellWidth = area.getWidth() / columns;
        double cellHeight = height / rows;
        for (int i = 0; i < panels.size(); i++) {
            int[] cell = cells.get(i);
            panels.get(i).draw(g2, new Rectangle2D.Double(area.getX() + cell[1] * cellWidth,
                    top + cell[0] * cellHeight, cellWidth, cellHeight));
        }
    }
}
