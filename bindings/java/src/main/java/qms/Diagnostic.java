package qms;

import java.util.List;
import java.util.Map;

/**
 * One finding of {@link Qms#check} (or problem of {@link Qms#validate}): what is wrong, where,
 * and which requirement says so. Line and column are those of the dossier's own text.
 *
 * @param code        the rule code, e.g. "QMS-C002"
 * @param severity    "error", "warning" or "info"
 * @param message     the message, in the language asked for
 * @param path        the dossier path, e.g. "corrective_actions[2].actions[1].due"
 * @param pointer     the same place as a JSON pointer
 * @param line        the line in the dossier text, or null
 * @param column      the column in the dossier text, or null
 * @param title       the rule's title (check only), or null
 * @param requirement the requirement, e.g. "TCVN ISO 9001:2015, 10.2.1 c" (check only), or null
 */
public record Diagnostic(String code, String severity, String message, String path, String pointer,
        Integer line, Integer column, String title, String requirement) {

    static Diagnostic fromWire(Map<String, Object> d) {
        return new Diagnostic(Wire.str(d, "code", ""), Wire.str(d, "severity", "error"), Wire.str(d, "message", ""),
                Wire.str(d, "path", ""), Wire.str(d, "pointer", ""), Wire.integer(d, "line"),
                Wire.integer(d, "column"), Wire.str(d, "title", null), Wire.str(d, "requirement", null));
    }

    static List<Diagnostic> listFromWire(Map<String, Object> o, String member) {
        return Wire.objects(o, member).stream().map(Diagnostic::fromWire).toList();
    }

    /** "QMS-C002 corrective_actions[2].actions[1].due: message". */
    @Override
    public String toString() {
        return code + " " + path + ": " + message;
    }
}
