package qms;

/** Status 4: an id or clause the request names does not exist (e.g. code "unknown-clause"). */
public class NotFoundException extends QmsException {
    private static final long serialVersionUID = 1L;

    NotFoundException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
