package io.bitforge.verilog.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** The SHA-256 of a kernel's source text: the compiled-kernel cache's key (equal texts, equal digests). */
final class SourceDigest {
    private final byte[] digest;
    private final int hash;

    private SourceDigest(byte[] digest) {
        this.digest = digest;
        this.hash = Arrays.hashCode(digest);
    }

    static SourceDigest of(String source) {
        try {
            return new SourceDigest(MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (java.security.MessageDigest's specification)
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceDigest d && Arrays.equals(digest, d.digest);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
