package qms;

/** Status 1: the request is not UTF-8, not JSON, or has a missing, unknown or mistyped member. */
public class BadRequestException extends QmsException {
    private static final long serialVersionUID = 1L;

    BadRequestException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
