package qms;

import java.util.List;

/** Status 3: the dossier does not validate; {@link #problems()} says where. */
public class InvalidDossierException extends QmsException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> problems;

    InvalidDossierException(QmsStatus status, String code, String message, String path, String body,
            List<Diagnostic> problems) {
        super(status, code, message, path, body);
        this.problems = problems;
    }

    /** The problems, with path, line and message. */
    public List<Diagnostic> problems() {
        return problems == null ? List.of() : problems;
    }
}
