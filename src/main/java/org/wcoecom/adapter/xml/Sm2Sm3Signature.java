package org.wcoecom.adapter.xml;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import org.apache.xml.security.algorithms.SignatureAlgorithmSpi;
import org.apache.xml.security.signature.XMLSignatureException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * Santuario's engine for customs' {@code sm2-sm3} SignatureMethod: SM2 over SM3 with GM/T 0009's
 * default user id, computed by Bouncy Castle. Signatures are written as GM/T 0009 specifies them,
 * the DER sequence of r and s; the raw 64-byte r||s some tools write (as XML-DSig does for ECDSA) is
 * read as well.
 */
public final class Sm2Sm3Signature extends SignatureAlgorithmSpi {

    static final String JCA_NAME = "SM3withSM2";
    private static final int RAW_LENGTH = 64;

    private final Signature signature;

    /** Santuario creates one per signature through this constructor. */
    public Sm2Sm3Signature() throws XMLSignatureException {
        try {
            signature = Signature.getInstance(JCA_NAME, SignatureAlgorithms.bouncyCastle());
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected String engineGetURI() {
        return SignatureAlgorithms.SM2_SM3;
    }

    @Override
    protected String engineGetJCEAlgorithmString() {
        return JCA_NAME;
    }

    @Override
    protected String engineGetJCEProviderName() {
        return signature.getProvider().getName();
    }

    @Override
    protected void engineUpdate(byte[] input) throws XMLSignatureException {
        try {
            signature.update(input);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineUpdate(byte input) throws XMLSignatureException {
        try {
            signature.update(input);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineUpdate(byte[] buf, int offset, int len) throws XMLSignatureException {
        try {
            signature.update(buf, offset, len);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitSign(Key key) throws XMLSignatureException {
        engineInitSign(key, (SecureRandom) null);
    }

    @Override
    protected void engineInitSign(Key key, SecureRandom random) throws XMLSignatureException {
        if (!(key instanceof PrivateKey privateKey)) {
            throw new XMLSignatureException("algorithms.WrongKeyForThisOperation",
                    new Object[] {key == null ? null : key.getClass().getName(), PrivateKey.class.getName()});
        }
        try {
            signature.setParameter(new SM2ParameterSpec(SignatureAlgorithms.SM2_USER_ID));
            if (random == null) {
                signature.initSign(privateKey);
            } else {
                signature.initSign(privateKey, random);
            }
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitSign(Key key, AlgorithmParameterSpec spec) throws XMLSignatureException {
        throw new XMLSignatureException("algorithms.CannotUseAlgorithmParameterSpecOnRSA");
    }

    @Override
    protected byte[] engineSign() throws XMLSignatureException {
        try {
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitVerify(Key key) throws XMLSignatureException {
        if (!(key instanceof PublicKey publicKey)) {
            throw new XMLSignatureException("algorithms.WrongKeyForThisOperation",
                    new Object[] {key == null ? null : key.getClass().getName(), PublicKey.class.getName()});
        }
        try {
            signature.setParameter(new SM2ParameterSpec(SignatureAlgorithms.SM2_USER_ID));
            signature.initVerify(publicKey);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected boolean engineVerify(byte[] value) throws XMLSignatureException {
        try {
            return signature.verify(value.length == RAW_LENGTH ? der(value) : value);
        } catch (GeneralSecurityException e) {
            // a value that is no SM2 signature at all does not verify
            return false;
        }
    }

    /** r||s, 32 bytes each, as the DER sequence Bouncy Castle checks. */
    private static byte[] der(byte[] raw) throws XMLSignatureException {
        try {
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, RAW_LENGTH / 2));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, RAW_LENGTH / 2, RAW_LENGTH));
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws XMLSignatureException {
        throw new XMLSignatureException("empty", new Object[] {"SM2-SM3 takes no parameters"});
    }

    @Override
    protected void engineSetHMACOutputLength(int length) throws XMLSignatureException {
        throw new XMLSignatureException("algorithms.HMACOutputLengthOnlyForHMAC");
    }
}
