package io.bitforge.verilog.sim;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a {@link KernelSource} in memory with the JDK's {@code javax.tools.JavaCompiler} and loads it through
 * a fresh class loader whose parent is this module's, so the only class it sees of the simulator is the
 * {@link CompiledKernel} interface. Compiled classes are kept per SHA-256 of the source text (the same design
 * always gives the same text; the cache holds the 32-byte digest, not the text, which runs to megabytes for an
 * array) for the life of the process, at most {@link #CACHED_DESIGNS} of them, least recently used first out: a
 * ladder that simulates one design for many tiles compiles it once. The cache is the one piece of shared state;
 * it holds only immutable classes and is guarded by its own lock.
 */
final class KernelCompiler {
    static final int CACHED_DESIGNS = 64;
    static final String NO_JDK = "this Java runtime has no compiler (javax.tools); the compiled HDL simulator needs"
            + " a JDK, so designs are interpreted";
    private static final Map<SourceDigest, Class<? extends CompiledKernel>> CACHE =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SourceDigest, Class<? extends CompiledKernel>> eldest) {
                    return size() > CACHED_DESIGNS;
                }
            });

    private KernelCompiler() {
    }

    /** A kernel instance, bound to the source's fallbacks, and how long compiling took (0 when cached). */
    record Loaded(CompiledKernel kernel, long compileNanos) {
    }

    /** Thrown when no compiler is available or the source does not compile; the simulator then interprets. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    @SuppressWarnings("unchecked")
    static Loaded load(KernelSource source, long[] wideWords, long[] widePending) throws Unavailable {
        long start = System.nanoTime();
        SourceDigest key = SourceDigest.of(source.javaSource());
        Class<? extends CompiledKernel> type = CACHE.get(key);
        long compileNanos = 0;
        if (type == null) {
            type = compile(source);
            CACHE.put(key, type);
            compileNanos = System.nanoTime() - start;
        }
        CompiledKernel kernel;
        try {
            kernel = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new Unavailable("the compiled simulator could not instantiate its kernel: " + e);
        }
        kernel.bind(source.combFallbacks().toArray(new java.util.function.Consumer[0]),
                source.nextFallbacks().toArray(new java.util.function.ToLongFunction[0]), wideWords, widePending);
        return new Loaded(kernel, compileNanos);
    }

    private static Class<? extends CompiledKernel> compile(KernelSource source) throws Unavailable {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new Unavailable(NO_JDK);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
                JavaFileManager files = new InMemoryOutput(standard, classes)) {
            List<String> options = new ArrayList<>(List.of("-proc:none", "-g:none", "-nowarn", "-Xlint:none"));
            options.add("-classpath");
            options.add(ownClassPath());
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///"
                    + source.className().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source.javaSource();
                }
            };
            Boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
            if (!Boolean.TRUE.equals(ok)) {
                String first = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getMessage(java.util.Locale.ROOT)).findFirst().orElse("unknown error");
                throw new Unavailable("the compiled simulator's generated source did not compile (" + first
                        + "), so the design is interpreted");
            }
        } catch (java.io.IOException e) {
            throw new Unavailable("the compiled simulator could not compile: " + e.getMessage());
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        ClassLoader loader = new ClassLoader(CompiledKernel.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = bytes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        try {
            return loader.loadClass(source.className()).asSubclass(CompiledKernel.class);
        } catch (ClassNotFoundException e) {
            throw new Unavailable("the compiled simulator's kernel class was not produced: " + e.getMessage());
        }
    }

    /**
     * Where {@link CompiledKernel} was loaded from (a jar or a class directory): the generated code needs nothing
     * else outside {@code java.base}, and a short class path keeps javac's look-ups cheap.
     */
    private static String ownClassPath() {
        try {
            java.security.CodeSource code = CompiledKernel.class.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                return Path.of(code.getLocation().toURI()).toString();
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            // fall through to the process class path
        }
        return System.getProperty("java.class.path", "");
    }

    /** Keeps every class file javac writes in memory. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        InMemoryOutput(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                }
            };
        }
    }
}
