package qms;

import java.util.Map;

/**
 * A qms call failed: the base of the exceptions of every non-zero status. {@link #code()} is
 * the stable error code (e.g. "invalid-dossier"), {@link #path()} where in the request the
 * fault is, {@link #body()} the error JSON. Catch a subclass to handle one family.
 *
 * <pre>{@code
 * try { qms.render(dossier, "report", today, RenderOptions.forAudit("dg1")); }
 * catch (InvalidDossierException e) { e.problems().forEach(p -> System.err.println(p.message())); }
 * catch (QmsException e) { System.err.println(e.code() + ": " + e.getMessage()); }
 * }</pre>
 */
public class QmsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final QmsStatus status;
    private final String code;
    private final String path;
    private final String body;

    protected QmsException(QmsStatus status, String code, String message, String path, String body) {
        super(message);
        this.status = status;
        this.code = code;
        this.path = path;
        this.body = body;
    }

    /** The status the call returned. */
    public QmsStatus status() {
        return status;
    }

    /** The stable error code, e.g. "bad-request", "unknown-clause". */
    public String code() {
        return code;
    }

    /** Where in the request the fault is, e.g. "op", "dossier", "$". */
    public String path() {
        return path;
    }

    /** The error JSON as the library sent it. */
    public String body() {
        return body;
    }

    /** The exception of a status, with the error JSON decoded. */
    public static QmsException fromStatus(int status, String body) {
        Map<String, Object> e = null;
        try {
            if (Json.parse(body) instanceof Map<?, ?> m) {
                e = Wire.object(m);
            }
        } catch (IllegalArgumentException notJson) {
            // described below from the status alone
        }
        String code = Wire.str(e, "code", "internal");
        String message = Wire.str(e, "message", "status " + status + " with an error body that is not JSON");
        String path = Wire.str(e, "path", "$");
        QmsStatus s = QmsStatus.of(status);
        return switch (s) {
            case BAD_REQUEST -> new BadRequestException(s, code, message, path, body);
            case UNKNOWN_OP -> new UnknownOpException(s, code, message, path, body);
            case INVALID_DOSSIER -> new InvalidDossierException(s, code, message, path, body,
                    Diagnostic.listFromWire(e, "problems"));
            case NOT_FOUND -> new NotFoundException(s, code, message, path, body);
            case DOCUMENT -> new DocumentException(s, code, message, path, body);
            case TOO_LARGE -> new TooLargeException(s, code, message, path, body);
            case NULL_ARGUMENT -> new NullArgumentException(s, code, message, path, body);
            default -> new InternalException(s, code, message, path, body);
        };
    }
}
