package qms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every case of tests/contract/cases through {@link Qms#call} (the format is in
 * tests/contract/README.md); the folder is read at run time, so new cases run too.
 */
final class ContractTests {
    private ContractTests() {}

    record Raw(int status, byte[] body) {}

    static void register(TestMain h, Path root) {
        Path dir = root.resolve("tests/contract/cases");
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        h.add("contract: the folder holds cases", () -> TestMain.check(files.size() >= 10, "fewer than 10 cases in " + dir));
        for (Path f : files) {
            h.add("contract: " + f.getFileName(), () -> runCase(root, f));
        }
    }

    /** The status and body of a call, whether it succeeded or not. */
    static Raw rawCall(byte[] request, byte[] input) {
        try {
            return new Raw(0, new Qms().call(request, input));
        } catch (QmsException e) {
            return new Raw(e.status().value(), e.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void runCase(Path root, Path file) throws IOException {
        Map<String, Object> c = Wire.object(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
        byte[] input = null;
        if (c.containsKey("input_from")) {
            Raw r0 = rawCall(requestBytes(root, Wire.object(c.get("input_from"))), null);
            TestMain.same(0, r0.status(), "input_from status");
            input = r0.body();
        }
        Raw r = rawCall(requestBytes(root, c), input);
        Map<String, Object> expect = Wire.object(c.get("expect"));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        TestMain.same(((Long) expect.get("status")).intValue(), r.status(),
                "status (body " + text.substring(0, Math.min(300, text.length())) + ")");
        if ("zip".equals(expect.get("body"))) {
            TestMain.check(r.body().length > 2 && r.body()[0] == 'P' && r.body()[1] == 'K', "body is not a zip");
            return;
        }
        TestMain.same("json", expect.get("body"), "expect.body");
        Object v = Json.parse(text);
        Map<String, Object> eq = Wire.object(expect.get("equals"));
        if (eq != null) {
            for (Map.Entry<String, Object> e : eq.entrySet()) {
                Object[] got = pointer(v, e.getKey());
                TestMain.check(got != null && deepEquals(e.getValue(), got[0]),
                        e.getKey() + ": want " + Json.write(e.getValue()) + ", got " + (got == null ? "nothing" : Json.write(got[0])));
            }
        }
        if (expect.get("nonempty") instanceof List<?> list) {
            for (Object p : list) {
                Object[] got = pointer(v, (String) p);
                boolean ok = got != null && ((got[0] instanceof List<?> l && !l.isEmpty())
                        || (got[0] instanceof Map<?, ?> m && !m.isEmpty())
                        || (got[0] instanceof String s && !s.isEmpty()));
                TestMain.check(ok, p + " is empty or missing");
            }
        }
    }

    private static byte[] requestBytes(Path root, Map<String, Object> c) throws IOException {
        if (c.get("request_text") instanceof String t) {
            return t.getBytes(StandardCharsets.UTF_8);
        }
        if (c.get("request_hex") instanceof String hex) {
            byte[] b = new byte[hex.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return b;
        }
        Map<String, Object> request = new LinkedHashMap<>(Wire.object(c.get("request")));
        if (c.get("dossier") instanceof String path) {
            request.put("dossier", Json.parse(Files.readString(root.resolve(path), StandardCharsets.UTF_8)));
        }
        return Json.write(request).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 6901 JSON pointer: a one-element array holding the value found, or null. */
    static Object[] pointer(Object v, String pointer) {
        if (pointer.isEmpty()) {
            return new Object[] {v};
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (v instanceof Map<?, ?> m && m.containsKey(token)) {
                v = m.get(token);
            } else if (v instanceof List<?> l && token.matches("\\d+") && Integer.parseInt(token) < l.size()) {
                v = l.get(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return new Object[] {v};
    }

    static boolean deepEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return java.util.Objects.equals(a, b) || (a instanceof List<?> la && b instanceof List<?> lb
                && la.size() == lb.size() && java.util.stream.IntStream.range(0, la.size())
                        .allMatch(i -> deepEquals(la.get(i), lb.get(i))));
    }
}
