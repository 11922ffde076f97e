package qms;

import com.sun.jna.Platform;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** How a vendor ships the library: as a JAR resource that JNA extracts and loads. */
final class PackagingTests {
    private PackagingTests() {}

    static void register(TestMain h) {
        h.add("packaging: the library loads from a JAR resource without QMS_LIBRARY_PATH", () -> {
            String env = System.getenv("QMS_LIBRARY_PATH");
            TestMain.check(env != null && !env.isEmpty(), "QMS_LIBRARY_PATH is set for the tests");
            File lib = new File(env).isDirectory() ? new File(env, System.mapLibraryName("qms")) : new File(env);
            Path jar = Files.createTempFile("qms-native-", ".jar");
            try {
                try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f)) {
                    j.putNextEntry(new JarEntry(Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("qms")));
                    Files.copy(lib.toPath(), j);
                    j.closeEntry();
                }
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                ProcessBuilder pb = new ProcessBuilder(java, "-cp",
                        System.getProperty("java.class.path") + File.pathSeparator + jar, "qms.PrintVersion");
                Map<String, String> childEnv = pb.environment();
                childEnv.remove("QMS_LIBRARY_PATH");
                childEnv.remove("LD_LIBRARY_PATH");
                Process p = pb.redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                TestMain.same(0, p.waitFor(), "child exit status; output: " + out);
                TestMain.same(Qms.version() + " 1", out, "the child's library");
            } finally {
                Files.deleteIfExists(jar);
            }
        });
    }
}
