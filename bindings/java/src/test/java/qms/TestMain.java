package qms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small test runner: named tests, failures collected, "N passed, N failed" at the end. */
public final class TestMain {
    /** A test body. */
    interface Body {
        void run() throws Exception;
    }

    private record Test(String name, Body body) {}

    private final List<Test> tests = new ArrayList<>();

    void add(String name, Body body) {
        tests.add(new Test(name, body));
    }

    static Path root() {
        String env = System.getenv("QMS_REPO_ROOT");
        return Path.of(env != null && !env.isEmpty() ? env : "../..").toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        TestMain h = new TestMain();
        ContractTests.register(h, root());
        FacadeTests.register(h, root());
        PackagingTests.register(h);
        int passed = 0;
        int failed = 0;
        for (Test t : h.tests) {
            try {
                t.body().run();
                passed++;
                System.out.println("ok   " + t.name());
            } catch (Throwable e) {
                failed++;
                System.out.println("FAIL " + t.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }

    /** Skips a test that needs an outside tool, unless CI=true, where that fails. */
    static void skipOrFail(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + why);
        }
        System.out.println("NOTICE: " + why + "; skipped");
    }

    static void check(boolean cond, String what) {
        if (!cond) {
            throw new AssertionError(what);
        }
    }

    static void same(Object want, Object got, String what) {
        if (!java.util.Objects.equals(want, got)) {
            throw new AssertionError(what + ": want " + want + ", got " + got);
        }
    }

    static <T extends Throwable> T throwsA(Class<T> type, Body f) {
        try {
            f.run();
        } catch (Throwable e) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            throw new AssertionError("want " + type.getSimpleName() + ", got " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        throw new AssertionError("want " + type.getSimpleName() + ", nothing thrown");
    }
}
