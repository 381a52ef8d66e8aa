package io.bitforge.verilog.board;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.PeRtl;

import java.util.List;

/**
 * A PE family's array ({@link TileArray} with host-writable operand buffers) behind a UART and the command
 * interpreter of {@link HostProtocol}: the board-independent part of a board top level. Besides {@code uart_rx}
 * and {@code uart_tx} it drives {@code status_leds}: bit 0 a heartbeat (about 0.7 Hz at 12 MHz), 1 a byte is being
 * received, 2 one is being sent, 3 loading a buffer, 4 running, 5 done, 6 an error seen, 7 reading results.
 *
 * <p>The cycle count {@code 'C'} returns is the number of clock cycles from the one in which the array's
 * {@code start} is high to the one in which its {@code computed} is high: the engine's count plus
 * {@link TileArray#OVERHEAD_CYCLES}, as in the cosimulation ladder.
 */
public final class BoardCore {
    private static final int IDLE = 0;
    private static final int W_SELECT = 1;
    private static final int W_DATA = 2;
    private static final int RUN = 3;
    private static final int R_SELECT = 4;
    private static final int R_ISSUE = 5;
    private static final int R_WAIT = 6;
    private static final int SEND = 7;

    private BoardCore() {
    }

    /** The core for A (row-major M×K codes) times B (K×N) as the buffers' power-up contents. */
    public static ModuleDef build(PeRtl pe, ArrayPlan plan, long[] a, long[] b, int clocksPerBit) {
        if (pe.groupDequantiser().isPresent()) {
            throw new io.bitforge.core.io.BadInputException("hardware.pe.params: " + pe.familyId() + " "
                    + pe.modeName() + " dequantises at the array edge; its board top level (host-loaded metadata) is "
                    + "not built yet: use the design without a board");
        }
        LinkLayout layout = LinkLayout.of(pe, plan);
        if (layout.buffers().activationBanks() > 1 || layout.buffers().weightBanks() > 1) {
            throw new io.bitforge.core.io.BadInputException("hardware.pe.params: " + pe.familyId() + " "
                    + pe.modeName() + " reads " + layout.buffers().activationWordBits() + "- and "
                    + layout.buffers().weightWordBits() + "-bit operand words from banked buffers; the board link "
                    + "loads words of at most 64 bits: use the design without a board");
        }
        List<int[]> results = layout.resultMemories();
        if (layout.operandBuffers() > 255 || results.size() > 255) {
            throw new IllegalArgumentException("the protocol numbers buffers and result memories with one byte: "
                    + layout.operandBuffers() + " buffers, " + results.size() + " result memories");
        }
        if (layout.resultBytes() > 8) {
            throw new IllegalArgumentException("results wider than 64 bits: " + layout.accumulatorBits());
        }
        ModuleDef array = TileArray.buildLoadable(pe, plan, a, b);
        ModuleBuilder m = ModuleBuilder.named("uart_" + array.name())
                .doc(array.name() + " behind a UART (" + clocksPerBit + " clock cycles per bit) and the BitForge "
                        + "host protocol version " + HostProtocol.VERSION);
        Instance rx = m.instance("u_rx", UartRx.build(clocksPerBit)).connect("rx", m.in("uart_rx", Shape.bool()));
        Instance tx = m.instance("u_tx", UartTx.build(clocksPerBit));
        Instance arr = m.instance("u_array", array);
        Expr rxValid = rx.out("valid");
        Expr rxData = rx.out("data");
        Expr txBusy = tx.out("busy");
        Expr one = Const.of(Shape.bool(), 1);
        Expr zero = Const.of(Shape.bool(), 0);

        Reg state = m.reg("state_q", Shape.u(3), IDLE);
        Reg reply = m.reg("reply_q", Shape.u(64), 0);
        Reg replyLeft = m.reg("reply_left_q", Shape.u(4), 0);
        Reg txSend = m.reg("tx_send_q", Shape.bool(), 0);
        Reg txData = m.reg("tx_data_q", Shape.u(8), 0);
        Reg reading = m.reg("reading_q", Shape.bool(), 0);
        Reg error = m.reg("error_q", Shape.bool(), 0);
        Reg ldWe = m.reg("ld_we_q", Shape.bool(), 0);
        Reg ldBuf = m.reg("ld_buf_q", Shape.u(8), 0);
        int maxDepth = Math.max(layout.depth(0), layout.depth(layout.rows()));
        Reg ldAddr = m.reg("ld_addr_q", counter(maxDepth), 0);
        int loadBytes = layout.loadBytes();
        Reg ldData = m.reg("ld_data_q", Shape.u(8 * loadBytes), 0);
        Reg byteIndex = m.reg("byte_index_q", counter(loadBytes), 0);
        Reg start = m.reg("start_q", Shape.bool(), 0);
        Reg cycles = m.reg("cycles_q", Shape.u(32), 0);
        Reg resSel = m.reg("result_sel_q", Shape.u(8), 0);
        Reg resAddr = m.reg("result_addr_q", counter(layout.resultDepth()), 0);
        Reg heartbeat = m.reg("heartbeat_q", Shape.u(24), 0);
        m.next(heartbeat, heartbeat.plus(1).truncate(24));

        Expr computed = arr.out("computed");
        Expr done = arr.out("done");
        Expr status = Const.of(Shape.u(4), 0).or(state.eq(RUN)).or(computed.resize(Shape.u(2)).shl(1))
                .or(done.resize(Shape.u(3)).shl(2)).or(error.resize(Shape.u(4)).shl(3)).resize(Shape.u(8));
        long identify = 'B' | 'F' << 8 | (long) HostProtocol.VERSION << 16 | layout.signature() << 24;

        m.next(txSend, zero);
        m.next(ldWe, zero);
        m.next(start, zero);
        m.when(state.eq(IDLE).and(rxValid), s -> s
                .when(rxData.eq(HostProtocol.IDENTIFY), s1 -> sendReply(s1, state, reply, replyLeft,
                        Const.of(Shape.u(64), identify), HostProtocol.IDENTIFY_REPLY_BYTES))
                .elseWhen(rxData.eq(HostProtocol.WRITE_BUFFER), s1 -> s1.next(state, state(W_SELECT)))
                .elseWhen(rxData.eq(HostProtocol.START), s1 -> {
                    s1.next(start, one);
                    s1.next(cycles, Const.of(cycles.shape(), 0));
                    s1.next(state, state(RUN));
                })
                .elseWhen(rxData.eq(HostProtocol.CYCLES), s1 -> sendReply(s1, state, reply, replyLeft, cycles,
                        HostProtocol.CYCLE_BYTES))
                .elseWhen(rxData.eq(HostProtocol.READ_RESULTS), s1 -> s1.next(state, state(R_SELECT)))
                .elseWhen(rxData.eq(HostProtocol.STATUS), s1 -> {
                    sendReply(s1, state, reply, replyLeft, status, 1);
                    s1.next(error, zero);
                })
                .otherwise(s1 -> nak(s1, state, reply, replyLeft, error)));

        // ---- 'W' b word...: the bytes of each word arrive least significant first and shift in from the top ----
        m.when(state.eq(W_SELECT).and(rxValid), s -> s.when(rxData.lt(Const.smallest(layout.operandBuffers())),
                s1 -> {
                    s1.next(ldBuf, rxData);
                    s1.next(ldAddr, Const.of(ldAddr.shape(), 0));
                    s1.next(byteIndex, Const.of(byteIndex.shape(), 0));
                    s1.next(state, state(W_DATA));
                }).otherwise(s1 -> nak(s1, state, reply, replyLeft, error)));
        Expr shiftedIn = loadBytes == 1 ? rxData
                : rxData.resize(Shape.u(8 * loadBytes)).shl(8 * (loadBytes - 1)).or(ldData.shr(8))
                        .resize(ldData.shape());
        Expr lastAddress = Mux.of(ldBuf.lt(Const.smallest(layout.rows())),
                Const.smallest(layout.depth(0) - 1), Const.smallest(layout.depth(layout.rows()) - 1));
        m.when(state.eq(W_DATA).and(rxValid), s -> {
            s.next(ldData, shiftedIn);
            s.when(byteIndex.eq(loadBytes - 1), s1 -> {
                s1.next(ldWe, one);
                s1.next(byteIndex, Const.of(byteIndex.shape(), 0));
            }).otherwise(s1 -> s1.next(byteIndex, byteIndex.plus(1).truncate(byteIndex.width())));
        }).elseWhen(state.eq(W_DATA).and(ldWe), s -> s.when(ldAddr.eq(lastAddress),
                s1 -> sendReply(s1, state, reply, replyLeft, Const.of(Shape.u(64), HostProtocol.WRITE_ACK), 1))
                .otherwise(s1 -> s1.next(ldAddr, ldAddr.plus(1).truncate(ldAddr.width()))));

        // ---- 'S': count from the cycle start is high (a stale computed is ignored there) to computed ----
        Expr saturated = cycles.eq(Const.of(cycles.shape(), 0xffff_ffffL));
        m.when(state.eq(RUN), s -> s.when(start, s1 -> s1.next(cycles, Const.of(cycles.shape(), 1)))
                .elseWhen(computed.not(), s1 -> s1.when(saturated.not(),
                        s2 -> s2.next(cycles, cycles.plus(1).truncate(32))))
                .elseWhen(done, s1 -> sendReply(s1, state, reply, replyLeft,
                        Const.of(Shape.u(64), HostProtocol.START_ACK), 1)));

        // ---- 'R' r: every address of result memory r, each word one read cycle before it is sent ----
        m.when(state.eq(R_SELECT).and(rxValid), s -> s.when(rxData.lt(Const.smallest(results.size())), s1 -> {
            s1.next(resSel, rxData);
            s1.next(resAddr, Const.of(resAddr.shape(), 0));
            s1.next(reading, one);
            s1.next(state, state(R_ISSUE));
        }).otherwise(s1 -> nak(s1, state, reply, replyLeft, error)));
        m.when(state.eq(R_ISSUE), s -> s.next(state, state(R_WAIT)));
        Expr word = Const.of(Shape.s(layout.accumulatorBits()), 0);
        for (int r = results.size() - 1; r >= 0; r--) {
            int[] p = results.get(r);
            word = Mux.of(resSel.eq(r), arr.out("c_" + p[0] + "_" + p[1] + "_" + p[2]), word);
        }
        Expr wordBits = word.asUnsigned().resize(Shape.u(64));
        m.when(state.eq(R_WAIT), s -> sendReply(s, state, reply, replyLeft, wordBits, layout.resultBytes()));

        // ---- sending a reply, a byte whenever the transmitter is free ----
        Expr lastResult = resAddr.eq(layout.resultDepth() - 1);
        m.when(state.eq(SEND).and(txBusy.not()).and(txSend.not()), s -> {
            s.next(txSend, one);
            s.next(txData, reply.slice(7, 0));
            s.next(reply, reply.shr(8).resize(Shape.u(64)));
            s.next(replyLeft, replyLeft.minus(1).resize(replyLeft.shape()));
            s.when(replyLeft.eq(1), s1 -> s1.when(reading.and(lastResult.not()), s2 -> {
                s2.next(resAddr, resAddr.plus(1).truncate(resAddr.width()));
                s2.next(state, state(R_ISSUE));
            }).otherwise(s2 -> {
                s2.next(reading, zero);
                s2.next(state, state(IDLE));
            }));
        });

        tx.connect("send", txSend).connect("data", txData);
        arr.connect("start", start);
        arr.connect("rd_addr", resAddr.resize(arr.port("rd_addr").shape()));
        arr.connect("ld_we", ldWe);
        arr.connect("ld_buf", ldBuf.resize(arr.port("ld_buf").shape()));
        arr.connect("ld_addr", ldAddr.resize(arr.port("ld_addr").shape()));
        arr.connect("ld_data", ldData.resize(arr.port("ld_data").shape()));
        m.drive(m.out("uart_tx", Shape.bool()), tx.out("tx"));
        Expr loading = state.eq(W_SELECT).or(state.eq(W_DATA));
        Expr[] leds = {heartbeat.bit(23), rx.out("busy"), txBusy, loading, state.eq(RUN), done, error, reading};
        Expr ledBits = Const.of(Shape.u(8), 0);
        for (int i = 0; i < leds.length; i++) {
            ledBits = ledBits.or(leds[i].resize(Shape.u(8)).shl(i).resize(Shape.u(8)));
        }
        m.drive(m.out("status_leds", Shape.u(8)), ledBits);
        return m.build();
    }

    private static void sendReply(io.bitforge.verilog.hdl.Scope s, Reg state, Reg reply, Reg replyLeft, Expr value,
                                  int bytes) {
        s.next(reply, value.resize(Shape.u(64)));
        s.next(replyLeft, Const.of(replyLeft.shape(), bytes));
        s.next(state, state(SEND));
    }

    private static void nak(io.bitforge.verilog.hdl.Scope s, Reg state, Reg reply, Reg replyLeft, Reg error) {
        sendReply(s, state, reply, replyLeft, Const.of(Shape.u(64), HostProtocol.NAK), 1);
        s.next(error, Const.of(Shape.bool(), 1));
    }

    private static Expr state(int value) {
        return Const.of(Shape.u(3), value);
    }

    /** An unsigned shape holding 0..max. */
    private static Shape counter(long max) {
        return Shape.u(Math.max(1, Bits.unsignedWidthOf(max)));
    }
}
