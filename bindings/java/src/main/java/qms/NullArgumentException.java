package qms;

/** Status 7: a required pointer was NULL (a binding bug, never the caller's). */
public class NullArgumentException extends QmsException {
    private static final long serialVersionUID = 1L;

    NullArgumentException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
