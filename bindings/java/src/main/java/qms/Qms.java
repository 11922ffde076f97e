package qms;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The qms library from Java: checks ISO 9001 audit dossiers and writes their Word/Excel
 * records. Each method encodes one request, calls {@code qms_call}, copies the answer out,
 * frees the library's buffer in {@code finally}, then decodes it or throws the
 * {@link QmsException} subclass of the status. Stateless and thread-safe.
 *
 * <pre>{@code
 * Qms qms = new Qms();
 * for (Diagnostic d : qms.check(Dossier.of("examples/so-khcn-ninh-binh.json"), LocalDate.of(2026, 11, 23))) {
 *     System.out.println(d);
 * }
 * }</pre>
 */
public final class Qms {
    private final String lang;

    /** A client with the library's default language (Vietnamese). */
    public Qms() {
        this(null);
    }

    /**
     * A client whose messages and documents default to {@code lang} ("vi" or "en").
     *
     * @throws UnsatisfiedLinkError if the native library cannot be found (see QMS_LIBRARY_PATH)
     */
    public Qms(String lang) {
        this.lang = lang;
        NativeQms.ensureLoaded();
    }

    /** The library's release version, e.g. "0.1.0". */
    public static String version() {
        return NativeQms.qms_version();
    }

    /** The C ABI version of the loaded library; this binding needs 1. */
    public static int abiVersion() {
        return NativeQms.qms_abi_version();
    }

    /** {@link #check(Dossier, LocalDate, String)} in the client's language. */
    public List<Diagnostic> check(Dossier dossier, LocalDate today) {
        return check(dossier, today, null);
    }

    /**
     * Runs the rules (e.g. a "Không phù hợp" answer without a finding, an overdue Hành động khắc
     * phục). Findings are answers, not exceptions: only an unusable dossier throws.
     */
    public List<Diagnostic> check(Dossier dossier, LocalDate today, String lang) {
        Map<String, Object> r = callJson(request("check", dossier).add("today", today).add("lang", lang(lang)));
        return Diagnostic.listFromWire(r, "diagnostics");
    }

    /** {@link #validate(Dossier, String)} in the client's language. */
    public List<Diagnostic> validate(Dossier dossier) {
        return validate(dossier, null);
    }

    /** Parses and validates a dossier; the problems (empty when valid) are the answer. */
    public List<Diagnostic> validate(Dossier dossier, String lang) {
        return Diagnostic.listFromWire(callJson(request("validate", dossier).add("lang", lang(lang))), "problems");
    }

    /**
     * One document's bytes: programme, plan, report, car, review-notice, review-report,
     * minutes, checklist, findings, actions, summary or registers.
     */
    public byte[] render(Dossier dossier, String kind, LocalDate today, RenderOptions options) {
        RenderOptions o = options == null ? RenderOptions.none() : options;
        return call(request("render", dossier).add("kind", kind).add("today", today).add("audit", o.audit())
                .add("review", o.review()).add("format", o.format()).add("lang", lang(o.lang()))
                .add("corrective_action", o.correctiveAction()).bytes(), null);
    }

    /** Every document of the dossier in one zip (op "render-all"). */
    public byte[] renderAll(Dossier dossier, LocalDate today) {
        return call(request("render-all", dossier).add("today", today).add("lang", lang(null)).bytes(), null);
    }

    /** The checklist workbook (.xlsx) of an audit, to fill offline in Excel. */
    public byte[] exportChecklist(Dossier dossier, String audit, LocalDate today) {
        return exportChecklist(dossier, audit, today, null);
    }

    /** The checklist workbook of an audit, only the checklists of {@code auditor} when not null. */
    public byte[] exportChecklist(Dossier dossier, String audit, LocalDate today, String auditor) {
        return call(request("export-checklist", dossier).add("audit", audit).add("today", today)
                .add("auditor", auditor).add("lang", lang(null)).bytes(), null);
    }

    /** {@link #importChecklist(Dossier, byte[], String, boolean)}, all-or-nothing. */
    public ImportResult importChecklist(Dossier dossier, byte[] workbook, String name) {
        return importChecklist(dossier, workbook, name, false);
    }

    /**
     * Merges a filled checklist workbook into the dossier. Conflicts are reported, never
     * dropped; with any, nothing is applied unless {@code partial}.
     *
     * @param name the name conflicts are reported with, e.g. the file name
     */
    public ImportResult importChecklist(Dossier dossier, byte[] workbook, String name, boolean partial) {
        Objects.requireNonNull(workbook, "workbook");
        Request request = request("import-checklist", dossier).add("input_names", List.of(name)).add("lang", lang(null));
        if (partial) {
            request.add("partial", true);
        }
        String text = new String(call(request.bytes(), workbook), StandardCharsets.UTF_8);
        Map<String, Object> r = Wire.object(Json.parse(text));
        List<ImportResult.Change> changes = Wire.objects(r, "changes").stream()
                .map(c -> new ImportResult.Change(Wire.str(c, "workbook", null), Wire.str(c, "sheet", null),
                        Wire.str(c, "cell", null), Wire.str(c, "checklist", null), Wire.str(c, "item", null),
                        Wire.str(c, "message", null)))
                .toList();
        List<ImportResult.Conflict> conflicts = Wire.objects(r, "conflicts").stream()
                .map(c -> new ImportResult.Conflict(Wire.str(c, "workbook", null), Wire.str(c, "sheet", null),
                        Wire.str(c, "cell", null), Wire.str(c, "code", null), Wire.str(c, "message", null)))
                .toList();
        return new ImportResult(Wire.bool(r, "applied"), changes, conflicts, Json.rawMember(text, "dossier"));
    }

    /** Any request as JSON text; the raw answer (JSON or document bytes), or the exception of its status. */
    public byte[] call(String requestJson, byte[] input) {
        return call(Objects.requireNonNull(requestJson, "requestJson").getBytes(StandardCharsets.UTF_8), input);
    }

    /** Any request as bytes (sent as they are, even if not UTF-8); see {@link #call(String, byte[])}. */
    public byte[] call(byte[] request, byte[] input) {
        Objects.requireNonNull(request, "request");
        NativeQms.QmsBuffer out = new NativeQms.QmsBuffer();
        boolean hasInput = input != null && input.length > 0;
        int status;
        byte[] body;
        try {
            status = NativeQms.qms_call(request, new NativeQms.SizeT(request.length), hasInput ? input : null,
                    new NativeQms.SizeT(hasInput ? input.length : 0), out);
            long len = out.len.longValue();
            body = len == 0 ? new byte[0] : out.data.getByteArray(0, Math.toIntExact(len));
        } finally {
            NativeQms.qms_buffer_free(out);
        }
        if (status != 0) {
            throw QmsException.fromStatus(status, new String(body, StandardCharsets.UTF_8));
        }
        return body;
    }

    private String lang(String given) {
        return given != null ? given : lang;
    }

    private Map<String, Object> callJson(Request request) {
        return Wire.object(Json.parse(new String(call(request.bytes(), null), StandardCharsets.UTF_8)));
    }

    private static Request request(String op, Dossier dossier) {
        return new Request(op).add("dossier", Objects.requireNonNull(dossier, "dossier").wire);
    }

    /** A request object; members left null are left out (the library's defaults apply). */
    private static final class Request {
        private final Map<String, Object> members = new LinkedHashMap<>();

        Request(String op) {
            add("op", op);
        }

        Request add(String name, Object value) {
            if (value != null) {
                members.put(name, value instanceof LocalDate d ? d.toString() : value);
            }
            return this;
        }

        byte[] bytes() {
            return Json.write(members).getBytes(StandardCharsets.UTF_8);
        }
    }
}
