package qms;

/** Status 2: the op is not one this version of the library knows. */
public class UnknownOpException extends QmsException {
    private static final long serialVersionUID = 1L;

    UnknownOpException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
