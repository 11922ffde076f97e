package qms;

/**
 * What to render beyond the kind: the audit or review, the format, the language, one
 * corrective action. Immutable; each method returns a new value.
 *
 * <pre>{@code
 * RenderOptions.forAudit("dgnb-2026-1").format("docx").lang("en")
 * }</pre>
 */
public record RenderOptions(String audit, String review, String format, String lang, String correctiveAction) {

    /** No audit, review or format: the kind's defaults. */
    public static RenderOptions none() {
        return new RenderOptions(null, null, null, null, null);
    }

    /** For the documents of one audit (an audit id). */
    public static RenderOptions forAudit(String audit) {
        return none().audit(audit);
    }

    /** For the documents of one management review (a review id). */
    public static RenderOptions forReview(String review) {
        return none().review(review);
    }

    /** With an audit id. */
    public RenderOptions audit(String audit) {
        return new RenderOptions(audit, review, format, lang, correctiveAction);
    }

    /** With a review id. */
    public RenderOptions review(String review) {
        return new RenderOptions(audit, review, format, lang, correctiveAction);
    }

    /** "docx" or "xlsx". */
    public RenderOptions format(String format) {
        return new RenderOptions(audit, review, format, lang, correctiveAction);
    }

    /** "vi" or "en". */
    public RenderOptions lang(String lang) {
        return new RenderOptions(audit, review, format, lang, correctiveAction);
    }

    /** One corrective action (for kind "car"). */
    public RenderOptions correctiveAction(String id) {
        return new RenderOptions(audit, review, format, lang, id);
    }
}
