package ai.fovea.kernels.gemm;

/**
 * B of a {@link FloatGemm} in the layout its kernel reads ({@link FloatGemmKernel#panelWidth()}): width 0 is one
 * array per row of B; width w is one array per panel of w columns, the panel's rows one after another (row p at
 * {@code p·w}), zeros past the last column, so a register tile streams its panel from one array front to back.
 */
final class PackedFloatMatrix {
  private PackedFloatMatrix() {}

  /**
   * Packs the k×n matrix whose entry (p, j) is {@code src[offset + p·rowStride + j·columnStride]}: B = rows of a
   * row-major matrix is rowStride n, columnStride 1; B = the transpose of one is rowStride 1, columnStride k.
   */
  static float[][] pack(float[] src, int offset, int rowStride, int columnStride, int depth, int columns,
      int panelWidth) {
    if (panelWidth == 0) {
      float[][] rows = new float[depth][columns];
      for (int p = 0; p < depth; p++) {
        copy(src, offset + p * rowStride, columnStride, rows[p], 0, columns);
      }
      return rows;
    }
    float[][] panels = new float[(columns + panelWidth - 1) / panelWidth][depth * panelWidth];
    for (int q = 0; q < panels.length; q++) {
      int width = Math.min(panelWidth, columns - q * panelWidth);
      for (int p = 0; p < depth; p++) {
        copy(src, offset + p * rowStride + q * panelWidth * columnStride, columnStride, panels[q], p * panelWidth,
            width);
      }
    }
    return panels;
  }

  /** Entry (p, j) of a packed B: for the reference loops and tests, not for kernels. */
  static float at(float[][] packed, int panelWidth, int p, int j) {
    return panelWidth == 0 ? packed[p][j] : packed[j / panelWidth][p * panelWidth + j % panelWidth];
  }

  private static void copy(float[] src, int from, int stride, float[] dst, int to, int count) {
    if (stride == 1) {
      System.arraycopy(src, from, dst, to, count);
      return;
    }
    for (int j = 0; j < count; j++) {
      dst[to + j] = src[from + j * stride];
    }
  }
}
