package qms;

/** Prints the loaded library's version and ABI version (run in a child JVM by a test). */
public final class PrintVersion {
    private PrintVersion() {}

    public static void main(String[] args) {
        System.out.println(Qms.version() + " " + Qms.abiVersion());
    }
}
