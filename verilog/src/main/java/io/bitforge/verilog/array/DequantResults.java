package io.bitforge.verilog.array;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an array with group dequantisers ({@link DequantEdge}) keeps its FP32 outputs: port {@code y_J_N} (column j,
 * lane n) holds at f·R + r row fr·R + r of fold f = fr·colFolds + fc, column (fc·C + j)·lanesN + n.
 */
public record DequantResults(ArrayPlan plan) implements ResultMap {
    @Override
    public int resultDepth() {
        return plan.folds() * plan.rows();
    }

    @Override
    public List<String> resultPorts() {
        List<String> ports = new ArrayList<>();
        for (int j = 0; j < plan.cols(); j++) {
            for (int n = 0; n < plan.timing().lanesN(); n++) {
                ports.add("y_" + j + "_" + n);
            }
        }
        return ports;
    }

    @Override
    public int[] resultElement(int port, int address) {
        int lanes = plan.timing().lanesN();
        int j = port / lanes;
        int n = port % lanes;
        int fold = address / plan.rows();
        int fr = fold / plan.colFolds();
        int fc = fold % plan.colFolds();
        int row = fr * plan.rows() + address % plan.rows();
        int column = (fc * plan.cols() + j) * lanes + n;
        return row < plan.tile().m() && column < plan.tile().n() ? new int[] {row, column} : null;
    }
}
