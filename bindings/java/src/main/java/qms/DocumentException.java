package qms;

/** Status 5: a document could not be written or a workbook could not be read. */
public class DocumentException extends QmsException {
    private static final long serialVersionUID = 1L;

    DocumentException(QmsStatus status, String code, String message, String path, String body) {
        super(status, code, message, path, body);
    }
}
