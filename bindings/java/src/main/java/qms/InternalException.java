package qms;

/** Status 8 (or a status this binding does not know): a bug inside qms; report the request. */
public class InternalException extends QmsException {
    private static final long serialVersionUID = 1L;

    InternalException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
