package qms;

/** The status of a call: the C ABI's status values, which never change. */
public enum QmsStatus {
    /** The op did its work (findings and conflicts are answers, not errors). */
    OK(0),
    /** The request is not UTF-8, not JSON, or has a missing, unknown or mistyped member. */
    BAD_REQUEST(1),
    /** The op is not one this version of the library knows. */
    UNKNOWN_OP(2),
    /** The dossier does not validate, so the op cannot run on it. */
    INVALID_DOSSIER(3),
    /** An id or clause the request names does not exist. */
    NOT_FOUND(4),
    /** A document could not be written or a workbook could not be read. */
    DOCUMENT(5),
    /** The request or input is larger than the library accepts. */
    TOO_LARGE(6),
    /** A required pointer was NULL (a binding bug). */
    NULL_ARGUMENT(7),
    /** A bug inside qms, caught at the boundary (also any status this binding does not know). */
    INTERNAL(8);

    private final int value;

    QmsStatus(int value) {
        this.value = value;
    }

    /** The numeric status of the C ABI. */
    public int value() {
        return value;
    }

    /** The status of a numeric value; unknown values are {@link #INTERNAL}. */
    public static QmsStatus of(int value) {
        for (QmsStatus s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return INTERNAL;
    }
}
