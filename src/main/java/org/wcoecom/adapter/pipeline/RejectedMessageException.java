package org.wcoecom.adapter.pipeline;

/** A message the adapter answers with a rejection receipt instead of forwarding it. */
public final class RejectedMessageException extends Exception {

    private final transient Rejection rejection;

    public RejectedMessageException(Rejection rejection) {
        super(rejection.errors().isEmpty() ? "rejected" : rejection.errors().get(0).describe(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
