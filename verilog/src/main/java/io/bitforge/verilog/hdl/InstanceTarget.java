package io.bitforge.verilog.hdl;

import java.util.List;

/** What an {@link Instance} instantiates: a module built in Java or an external black box. */
public sealed interface InstanceTarget permits ModuleDef, ExternModuleDef {
    String name();

    List<PortDecl> portDecls();

    /** The inputs an output depends on without a register in between. */
    java.util.Set<String> combinationalInputs(String output);
}
