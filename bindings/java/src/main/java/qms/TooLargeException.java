package qms;

/** Status 6: the request or input is larger than the library accepts. */
public class TooLargeException extends QmsException {
    private static final long serialVersionUID = 1L;

    TooLargeException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
