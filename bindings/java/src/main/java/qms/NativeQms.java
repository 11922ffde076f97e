package qms;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.io.File;

/**
 * The private native shim: the four functions of {@code qms.h} through JNA, and nothing else.
 * {@link Qms} is the façade applications use. Direct mapping ({@code static native} methods
 * bound by {@link Native#register}) because it costs about half of an interface proxy per call.
 */
final class NativeQms {
    /** The ABI version this binding was written for ({@code QMS_ABI_VERSION}). */
    static final int ABI_VERSION = 1;

    static {
        Native.register(NativeQms.class, load());
        int abi = qms_abi_version();
        if (abi != ABI_VERSION) {
            throw new IllegalStateException("the qms native library has ABI version " + abi
                    + "; this binding needs " + ABI_VERSION);
        }
    }

    private NativeQms() {}

    /** {@code size_t}: 32 or 64 bits as the platform has it (NativeLong is 32 bits on Win64). */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** {@code QmsBuffer}: the library-owned answer of {@code qms_call}. */
    @Structure.FieldOrder({"data", "len"})
    public static final class QmsBuffer extends Structure {
        /** The bytes; NULL when len is 0. */
        public Pointer data;
        /** The number of bytes. */
        public SizeT len;

        public QmsBuffer() {
            len = new SizeT();
        }
    }

    static native int qms_abi_version();

    static native String qms_version();

    static native int qms_call(byte[] request, SizeT requestLen, byte[] input, SizeT inputLen, QmsBuffer out);

    static native void qms_buffer_free(QmsBuffer buf);

    /** Loads the class, and so the library: the first use of the binding. */
    static void ensureLoaded() {
        // The static initializer has run when this returns.
    }

    /**
     * Where the library is: {@code QMS_LIBRARY_PATH} (a file, or a folder holding it) for
     * development and CI; otherwise JNA's search, which includes a JAR resource at
     * {@code <os-arch>/libqms.so} (e.g. {@code linux-x86-64/}, {@code win32-x86-64/qms.dll})
     * and {@code jna.library.path}.
     */
    private static NativeLibrary load() {
        String env = System.getenv("QMS_LIBRARY_PATH");
        String name = "qms";
        if (env != null && !env.isEmpty()) {
            File f = new File(env);
            name = f.isDirectory() ? new File(f, System.mapLibraryName("qms")).getAbsolutePath() : f.getAbsolutePath();
        }
        try {
            return NativeLibrary.getInstance(name);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError wrapped = new UnsatisfiedLinkError(
                    "không tìm thấy thư viện qms / cannot load the qms native library (\"" + name
                            + "\"): set QMS_LIBRARY_PATH to the file or its folder, or ship it in the JAR as "
                            + "<os-arch>/" + System.mapLibraryName("qms") + ": " + e.getMessage());
            wrapped.initCause(e);
            throw wrapped;
        }
    }
}
