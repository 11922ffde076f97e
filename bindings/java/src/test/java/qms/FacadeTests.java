package qms;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** Tests of the idiomatic façade: answers, errors per status family, documents, threads. */
final class FacadeTests {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String AUDIT = "dgnb-2026-1";

    private FacadeTests() {}

    private static String codes(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.code() + "@" + d.path()).collect(Collectors.joining(","));
    }

    static void register(TestMain h, Path root) {
        Path examplePath = root.resolve("examples/so-khcn-ninh-binh.json");
        Dossier example = Dossier.of(examplePath.toString());
        Qms qms = new Qms();

        h.add("versions", () -> {
            TestMain.same(1, Qms.abiVersion(), "abi version");
            TestMain.check(Qms.version().matches("\\d+\\.\\d+\\.\\d+.*"), "version " + Qms.version());
        });

        h.add("check: a path, the text and a map give the same diagnostics", () -> {
            List<Diagnostic> byPath = qms.check(example, TODAY);
            TestMain.check(!byPath.isEmpty(), "the example has planted errors");
            String text = Files.readString(examplePath, StandardCharsets.UTF_8);
            TestMain.same(codes(byPath), codes(qms.check(Dossier.ofJson(text), TODAY)), "text");
            TestMain.same(codes(byPath), codes(qms.check(Dossier.ofMap(Wire.object(Json.parse(text))), TODAY)), "map");
            TestMain.same(codes(byPath), codes(qms.check(Dossier.ofFile(examplePath), TODAY)), "Path");
            Diagnostic first = byPath.get(0);
            TestMain.check(first.code().startsWith("QMS-") && first.line() != null && first.line() > 0
                    && !first.message().isEmpty() && first.requirement() != null, "a located diagnostic: " + first);
        });

        h.add("check: lang selects the language of messages", () -> {
            List<Diagnostic> vi = new Qms("vi").check(example, TODAY);
            List<Diagnostic> en = qms.check(example, TODAY, "en");
            TestMain.same(codes(vi), codes(en), "same findings");
            TestMain.check(!vi.get(0).message().equals(en.get(0).message()), "messages differ by language");
        });

        h.add("validate: the example is valid, a cut file is not, at its own line", () -> {
            TestMain.same(List.of(), qms.validate(example), "problems of the example");
            List<Diagnostic> problems = qms.validate(Dossier.of("{\n  \"schema_version\": 1,\n  \"agency\": "));
            TestMain.check(problems.size() == 1 && problems.get(0).line() == 3, "one problem on line 3, got " + problems);
        });

        h.add("errors: each status family has its type, code, message and path", () -> {
            UnknownOpException u = TestMain.throwsA(UnknownOpException.class, () -> qms.call("{\"op\":\"fly\"}", null));
            TestMain.same("unknown-op|UNKNOWN_OP|op", u.code() + "|" + u.status() + "|" + u.path(), "unknown op");
            TestMain.check(u.getMessage().contains("fly"), "the message names the op");
            TestMain.same("bad-request", TestMain.throwsA(BadRequestException.class,
                    () -> qms.call("{\"op\": \"clauses\"", null)).code(), "bad request");
            TestMain.same("unknown-clause", TestMain.throwsA(NotFoundException.class,
                    () -> qms.call("{\"op\":\"correlate\",\"clause\":\"99.9\"}", null)).code(), "not found");
            InvalidDossierException d = TestMain.throwsA(InvalidDossierException.class,
                    () -> qms.render(Dossier.of("{}"), "report", TODAY, RenderOptions.forAudit(AUDIT)));
            TestMain.same("invalid-dossier", d.code(), "invalid dossier");
            TestMain.check(!d.problems().isEmpty() && !d.problems().get(0).message().isEmpty(), "problems travel with it");
        });

        h.add("errors: every status maps to its own subclass", () -> {
            List<Class<?>> want = List.of(BadRequestException.class, UnknownOpException.class,
                    InvalidDossierException.class, NotFoundException.class, DocumentException.class,
                    TooLargeException.class, NullArgumentException.class, InternalException.class);
            for (int s = 1; s <= 8; s++) {
                QmsException e = QmsException.fromStatus(s, "{\"code\":\"c\",\"message\":\"m\",\"path\":\"p\"}");
                TestMain.same(want.get(s - 1), e.getClass(), "status " + s);
                TestMain.same("c|m|p|" + s, e.code() + "|" + e.getMessage() + "|" + e.path() + "|" + e.status().value(), "fields");
            }
            TestMain.same(DocumentException.class, QmsException.fromStatus(5, "not json").getClass(), "a body that is not JSON");
            TestMain.same(QmsStatus.INTERNAL, QmsStatus.of(99), "an unknown status");
        });

        h.add("errors: a missing dossier file is an I/O error, not a qms call", () ->
                TestMain.throwsA(UncheckedIOException.class, () -> Dossier.of("/nonexistent/hồ-sơ.json")));

        h.add("render: the audit report is a .docx that passes ooxml_check", () -> {
            byte[] docx = qms.render(example, "report", TODAY, RenderOptions.forAudit(AUDIT).format("docx"));
            TestMain.check(docx.length > 2 && docx[0] == 'P' && docx[1] == 'K', "starts with PK");
            TestMain.check(Arrays.equals(docx, qms.render(example, "report", TODAY, RenderOptions.forAudit(AUDIT).format("docx"))),
                    "same input, same bytes");
            ooxmlCheck(root, docx, ".docx");
        });

        h.add("render-all: one zip of every document, the same bytes each time", () -> {
            byte[] zip = qms.renderAll(example, TODAY);
            TestMain.check(zip.length > 2 && zip[0] == 'P' && zip[1] == 'K', "a zip");
            List<String> names = new ArrayList<>();
            try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) {
                    names.add(e.getName());
                }
            }
            TestMain.check(names.contains("bien-ban-hop-xxld-2026.docx") && names.contains("danh-muc-tai-lieu-ho-so.xlsx"),
                    "Word and Excel entries: " + names);
            TestMain.check(Arrays.equals(zip, qms.renderAll(example, TODAY)), "same input, same bytes");
        });

        h.add("import: an exported checklist round-trips with zero conflicts", () -> {
            byte[] xlsx = qms.exportChecklist(example, AUDIT, TODAY);
            ooxmlCheck(root, xlsx, ".xlsx");
            ImportResult r = qms.importChecklist(example, xlsx, "phieu.xlsx");
            TestMain.same(List.of(), r.conflicts(), "conflicts");
            TestMain.same(List.of(), r.changes(), "changes");
            TestMain.same(false, r.applied(), "applied");
            TestMain.same(codes(qms.check(example, TODAY)), codes(qms.check(Dossier.ofJson(r.dossierJson()), TODAY)),
                    "the merged dossier checks the same");
        });

        h.add("import: a file that is not a workbook is a DocumentException", () -> {
            DocumentException e = TestMain.throwsA(DocumentException.class,
                    () -> qms.importChecklist(example, "not a workbook".getBytes(StandardCharsets.UTF_8), "hỏng.xlsx"));
            TestMain.check(e.getMessage().contains("hỏng.xlsx"), "names the workbook: " + e.getMessage());
        });

        h.add("threads: 8 threads calling at once get the single-thread answers", () -> {
            String wantCodes = codes(qms.check(example, TODAY));
            byte[] wantDocx = qms.render(example, "report", TODAY, RenderOptions.forAudit(AUDIT));
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 3; i++) {
                            TestMain.same(wantCodes, codes(qms.check(example, TODAY)), "check");
                            TestMain.check(Arrays.equals(wantDocx, qms.render(example, "report", TODAY, RenderOptions.forAudit(AUDIT))), "render differs");
                            TestMain.throwsA(UnknownOpException.class, () -> qms.call("{\"op\":\"fly\"}", null));
                        }
                    } catch (Throwable e) {
                        errors.add("thread " + id + ": " + e.getMessage());
                    }
                }));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            TestMain.same(List.of(), errors, "errors");
        });

        h.add("json: the internal reader and writer round-trip escapes, numbers and Vietnamese", () -> {
            String text = "{\"a\":\"Sự không phù hợp \\\"x\\\"\\n\\u0001\",\"b\":[1,-2.5,1e3,true,false,null],\"c\":{}}";
            Map<String, Object> v = Wire.object(Json.parse(text));
            TestMain.same("Sự không phù hợp \"x\"\n\u0001", v.get("a"), "string");
            TestMain.same(v, Json.parse(Json.write(v)), "round trip");
            TestMain.same("{}", Json.rawMember(text, "c"), "raw member");
            TestMain.throwsA(IllegalArgumentException.class, () -> Json.parse("{\"a\":1"));
        });
    }

    private static void ooxmlCheck(Path root, byte[] bytes, String ext) throws Exception {
        Path tool = root.getParent().resolve("shared/tools/ooxml_check.py");
        if (!Files.isRegularFile(tool)) {
            TestMain.skipOrFail(tool + " not found");
            return;
        }
        Path file = Files.createTempFile("qms-java-", ext);
        try {
            Files.write(file, bytes);
            Process p = new ProcessBuilder("python3", tool.toString(), file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            TestMain.same(0, p.waitFor(), "ooxml_check: " + out);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
