package ai.fovea.desktop.report;

import ai.fovea.models.train.EpochRecord;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy per epoch, training and validation, as two XChart line charts side by side in one picture.
 * Training values are means over each epoch's batches (with augmentation), validation values one pass at the
 * epoch's end, so the two curves are not measured the same way.
 */
public final class TrainingCurvesChart {
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 450;

  private TrainingCurvesChart() {}

  public static BufferedImage render(List<EpochRecord> history) {
    if (history == null || history.isEmpty()) {
      throw new IllegalArgumentException("need at least one epoch to plot");
    }
    int n = history.size();
    double[] epochs = new double[n];
    double[] trainLoss = new double[n];
    double[] validationLoss = new double[n];
    double[] trainAccuracy = new double[n];
    double[] validationAccuracy = new double[n];
    for (int i = 0; i < n; i++) {
      EpochRecord r = history.get(i);
      epochs[i] = r.epoch;
      trainLoss[i] = r.trainLoss;
      validationLoss[i] = r.validationLoss;
      trainAccuracy[i] = 100 * r.trainAccuracy;
      validationAccuracy[i] = 100 * r.validationAccuracy;
    }
    XYChart loss = chart("Loss (softmax cross-entropy)", "loss");
    loss.addSeries("training", epochs, trainLoss).setMarker(SeriesMarkers.CIRCLE);
    loss.addSeries("validation", epochs, validationLoss).setMarker(SeriesMarkers.DIAMOND);
    XYChart accuracy = chart("Accuracy", "accuracy %");
    accuracy.addSeries("training", epochs, trainAccuracy).setMarker(SeriesMarkers.CIRCLE);
    accuracy.addSeries("validation", epochs, validationAccuracy).setMarker(SeriesMarkers.DIAMOND);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      loss.paint(g, WIDTH / 2, HEIGHT);
      g.translate(WIDTH / 2, 0);
      accuracy.paint(g, WIDTH / 2, HEIGHT);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static XYChart chart(String title, String yAxis) {
    XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT).title(title).xAxisTitle("epoch")
        .yAxisTitle(yAxis).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDecimalPattern("#0.###");
    return chart;
  }
}
