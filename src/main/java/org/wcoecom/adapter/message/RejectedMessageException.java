package org.wcoecom.adapter.message;

/** A message the adapter answers with a rejection receipt instead of forwarding it. */
public final class RejectedMessageException extends Exception {

    private final transient Rejection rejection;
    private final int httpStatus;

    public RejectedMessageException(Rejection rejection) {
        this(rejection, 400);
    }

    /** A rejection answered over HTTP with a status other than 400 (401 unauthenticated, 403 forbidden). */
    public RejectedMessageException(Rejection rejection, int httpStatus) {
        super(rejection.errors().isEmpty() ? "rejected" : rejection.errors().get(0).describe(), null, false, false);
        this.rejection = rejection;
        this.httpStatus = httpStatus;
    }

    public Rejection rejection() {
        return rejection;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
