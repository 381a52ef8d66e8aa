package io.bitforge.verilog.array;

import java.util.List;

/**
 * Where a generated array keeps its results: synchronous read ports (read at {@code rd_addr}, data one cycle
 * later) and, for every port and address, the element of C it holds.
 */
public interface ResultMap {
    /** Words every result memory holds. */
    int resultDepth();

    /** The result ports, in a fixed order. */
    List<String> resultPorts();

    /** The element {row, column} of C that port {@code port} holds at {@code address}, or null for padding. */
    int[] resultElement(int port, int address);
}
