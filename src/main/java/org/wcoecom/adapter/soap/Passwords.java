package org.wcoecom.adapter.soap;

import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * Answers WSS4J's password questions from the configuration: the password of a UsernameToken user
 * (a partner calling us, or us calling a partner) and the password of the adapter's own signing key.
 */
final class Passwords implements CallbackHandler {

    private final Map<String, String> byIdentifier;

    /** @param byIdentifier user names and key aliases with their passwords */
    Passwords(Map<String, String> byIdentifier) {
        this.byIdentifier = Map.copyOf(byIdentifier);
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof WSPasswordCallback pc)) {
                throw new UnsupportedCallbackException(callback);
            }
            String password = byIdentifier.get(pc.getIdentifier());
            // an unknown user gets no password: WSS4J then refuses the token
            if (password != null) {
                pc.setPassword(password);
            }
        }
    }
}
